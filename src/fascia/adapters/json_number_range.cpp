#include "fascia/adapters/json_number_range.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "fascia/adapters/json_path_sax.hpp"

namespace fascia::adapters {

namespace {

using json = nlohmann::json;

// An integer literal has only digits after an optional minus sign; nlohmann
// hands over such a literal as a float only when it does not fit 64 bits.
bool is_integer_literal(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

// nlohmann hands over as a float every number it cannot keep exactly as an
// integer: one written with a fraction or an exponent, or an integer past 64
// bits. Stops at the first such number of the kinds asked for, with its path.
// (Up to 2^64-1 the parser keeps the exact value, and each field's own check
// quotes it with that field's range: integers are not looked at.)
class FloatLiteralFinder final : public JsonPathSax {
 public:
  FloatLiteralFinder(bool oversized, bool fractions, std::span<const std::string_view> decimal_paths = {})
      : oversized_(oversized), fractions_(fractions), decimal_paths_(decimal_paths) {}
  bool number_float(number_float_t, const string_t& text) override {
    const bool integer = is_integer_literal(text);
    if (integer ? !oversized_ : !fractions_) return value();
    if (!integer && std::find(decimal_paths_.begin(), decimal_paths_.end(), path()) != decimal_paths_.end())
      return value();
    result_ = NumberProblem{OversizedInteger{path(), text}, !integer};
    return false;  // stop the scan
  }
  const std::optional<NumberProblem>& result() const { return result_; }

 private:
  bool oversized_;
  bool fractions_;
  std::span<const std::string_view> decimal_paths_;
  std::optional<NumberProblem> result_;
};

// One scan of the text; a syntax error only ends it early (the caller's own
// parse reports it).
std::optional<NumberProblem> scan(std::string_view json_text, bool oversized, bool fractions,
                                  std::span<const std::string_view> decimal_paths = {}) {
  FloatLiteralFinder finder(oversized, fractions, decimal_paths);
  try {
    json::sax_parse(json_text, &finder);
  } catch (const std::exception&) {
  }
  return finder.result();
}

std::optional<OversizedInteger> found_only(const std::optional<NumberProblem>& problem) {
  if (!problem) return std::nullopt;
  return problem->found;
}

}  // namespace

std::optional<OversizedInteger> find_fraction(std::string_view json_text) {
  return found_only(scan(json_text, false, true));
}

std::string fraction_message(const OversizedInteger& found) {
  return (found.path.empty() ? std::string("the number") : found.path) + ": " + found.literal +
         " is not a whole number (every number fascia takes is whole)";
}

std::optional<OversizedInteger> find_oversized_integer(std::string_view json_text) {
  return found_only(scan(json_text, true, false));
}

std::optional<NumberProblem> find_number_problem(std::string_view json_text,
                                                 std::span<const std::string_view> decimal_paths) {
  return scan(json_text, true, true, decimal_paths);
}

std::string number_problem_message(const NumberProblem& problem) {
  return problem.fraction ? fraction_message(problem.found) : oversized_integer_message(problem.found);
}

std::string oversized_integer_message(const OversizedInteger& found) {
  return (found.path.empty() ? std::string("the number") : found.path) + ": " + found.literal +
         " is far outside any range fascia accepts (whole numbers up to " +
         std::to_string(std::numeric_limits<std::int64_t>::max()) + ")";
}

}  // namespace fascia::adapters
