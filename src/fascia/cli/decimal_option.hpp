// Whole-number options read in base 10 only. CLI11 2.1 converts integers with
// strtoll(..., 0), so "010" would be read as 8 and "0x5" as 5: a pain score
// typed with a leading zero would be stored wrong without a word.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <limits>

namespace fascia::cli {

// A CLI11 transform for integer options: accepts an optional minus sign and
// decimal digits (leading zeros allowed: "010" is ten), rewrites the text in
// plain decimal, and refuses anything else, or a number outside 64 bits, with
// a message that quotes the value as typed. `lo..hi` is the option's range
// ("N is outside lo..hi"); the command's own validation checks it again, but
// a value past the option's integer type never reaches the command, and
// CLI11's own refusal ("Could not convert") would not name the range.
CLI::Validator decimal_number(std::int64_t lo = std::numeric_limits<std::int64_t>::min(),
                              std::int64_t hi = std::numeric_limits<std::int64_t>::max());

}  // namespace fascia::cli
