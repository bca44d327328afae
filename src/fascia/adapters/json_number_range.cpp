#include "fascia/adapters/json_number_range.hpp"

#include "fascia/adapters/json_path_sax.hpp"

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

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

// Stops at the first integer that is too large, with its path.
class OversizedIntegerFinder final : public JsonPathSax {
 public:
  bool number_float(number_float_t, const string_t& text) override {
    if (!is_integer_literal(text)) return value();
    result_ = OversizedInteger{path(), text};
    return false;  // stop the scan
  }
  // Up to 2^64-1 the parser keeps the exact value, and each field's own
  // check quotes it with that field's range: number_unsigned is not looked at.

  const std::optional<OversizedInteger>& result() const { return result_; }

 private:
  std::optional<OversizedInteger> result_;
};

// Stops at the first number written with a fraction or an exponent.
class FractionFinder final : public JsonPathSax {
 public:
  bool number_float(number_float_t, const string_t& text) override {
    if (is_integer_literal(text)) return value();  // too large, not fractional: the other finder's
    result_ = OversizedInteger{path(), text};
    return false;
  }
  const std::optional<OversizedInteger>& result() const { return result_; }

 private:
  std::optional<OversizedInteger> result_;
};

// Runs `finder` over the text; a syntax error only ends the scan early (the
// caller's own parse reports it).
template <class Finder>
std::optional<OversizedInteger> scan(std::string_view json_text) {
  Finder finder;
  try {
    json::sax_parse(json_text, &finder);
  } catch (const std::exception&) {
  }
  return finder.result();
}

}  // namespace

std::optional<OversizedInteger> find_fraction(std::string_view json_text) { return scan<FractionFinder>(json_text); }

std::string fraction_message(const OversizedInteger& found) {
  return (found.path.empty() ? std::string("the number") : found.path) + ": " + found.literal +
         " is not a whole number (every number fascia takes is whole)";
}

std::optional<OversizedInteger> find_oversized_integer(std::string_view json_text) {
  return scan<OversizedIntegerFinder>(json_text);
}

std::string oversized_integer_message(const OversizedInteger& found) {
  return (found.path.empty() ? std::string("the number") : found.path) + ": " + found.literal +
         " is far outside any range fascia accepts (whole numbers up to " +
         std::to_string(std::numeric_limits<std::int64_t>::max()) + ")";
}

}  // namespace fascia::adapters
