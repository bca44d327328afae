#include "fascia/cli/decimal_option.hpp"

#include <charconv>
#include <cstdint>
#include <string>

namespace fascia::cli {

CLI::Validator decimal_number(std::int64_t lo, std::int64_t hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        const std::string typed = text;
        std::size_t digits_from = (!typed.empty() && typed.front() == '-') ? 1 : 0;
        if (typed.size() == digits_from || typed.find_first_not_of("0123456789", digits_from) != std::string::npos)
          return "'" + typed + "' is not a whole number (digits 0-9 only)";
        std::int64_t value = 0;
        auto [ptr, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), value);
        if (ec == std::errc::result_out_of_range)
          return typed + " is " + (digits_from == 1 ? "far too small" : "far too large");
        if (ec != std::errc() || ptr != typed.data() + typed.size()) return "'" + typed + "' is not a whole number";
        if (value < lo || value > hi) return typed + " is outside " + std::to_string(lo) + ".." + std::to_string(hi);
        text = std::to_string(value);  // no leading zeros left for CLI11 to read as octal
        return {};
      },
      "INTEGER", "decimal whole number");
}

}  // namespace fascia::cli
