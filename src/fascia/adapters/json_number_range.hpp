// Whole numbers in JSON that no fascia field can hold.
//
// nlohmann reads an integer beyond 64 bits (18446744073709551616) as a
// double, so by the time a field is read the digits the person sent are gone
// and an error could only quote "1.8446744073709552e+19". This scan runs over
// the text before the document is used, finds such a number with its path,
// and keeps the digits exactly as written so the refusal can quote them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace fascia::adapters {

// One integer literal that no 64-bit integer holds.
struct OversizedInteger {
  std::string path;     // dotted path of the value ("journal.sessions[0].id"); "" for a top-level number
  std::string literal;  // the number as written in the text, e.g. "18446744073709551616"
};

// The first integer literal (digits with an optional minus, no fraction or
// exponent) in `json_text` whose value lies outside -2^63..2^64-1 (the
// parser keeps those exactly; each field checks its own range), or nullopt
// when there is none. Never throws; text that is not valid JSON is
// scanned up to where it stops parsing (the caller reports the syntax error).
std::optional<OversizedInteger> find_oversized_integer(std::string_view json_text);

// "PATH: LITERAL is far outside any range fascia accepts (whole numbers up to
// 9223372036854775807)". A one-line message for either interface.
std::string oversized_integer_message(const OversizedInteger& found);

// The first number written with a fraction or an exponent ("1.5", "1e1",
// "10.0"), with its path and its text as written, or nullopt. No field of the
// API or of an export holds a fraction (strokes, seconds, 0-10 scores, ids
// and dates' parts are whole), and the parsed value would print differently
// from what was sent ("1e1" as 10.0), so the refusal quotes the text.
std::optional<OversizedInteger> find_fraction(std::string_view json_text);

// "PATH: LITERAL is not a whole number (every number fascia takes is whole)".
std::string fraction_message(const OversizedInteger& found);

// Either kind, in one scan of the text: the first number past 64 bits or
// written with a fraction, in document order. What API bodies and imports check.
struct NumberProblem {
  OversizedInteger found;
  bool fraction = false;  // else an integer past 64 bits
};
// `decimal_paths` are the few fields that do hold a fraction (a listing's
// latitude and longitude, in degrees): a fraction there is no problem.
std::optional<NumberProblem> find_number_problem(std::string_view json_text,
                                                 std::span<const std::string_view> decimal_paths = {});
// oversized_integer_message or fraction_message, as the kind says.
std::string number_problem_message(const NumberProblem& problem);

}  // namespace fascia::adapters
