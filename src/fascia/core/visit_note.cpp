#include "fascia/core/visit_note.hpp"

#include <string_view>

namespace fascia::core {

namespace {

// The UTF-8 spaces is_blank skips, longest first within each lead byte.
constexpr std::string_view kWideSpaces[] = {
    "\xC2\xA0",      // U+00A0 no-break space
    "\xE3\x80\x80",  // U+3000 ideographic space
};

// Length of the white space at the start of `rest`, or 0.
std::size_t space_at(std::string_view rest) {
  const unsigned char c = static_cast<unsigned char>(rest.front());
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
  for (std::string_view wide : kWideSpaces)
    if (rest.substr(0, wide.size()) == wide) return wide.size();
  // U+2000..U+200B: E2 80 80..8B
  if (rest.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(rest[1]) == 0x80 &&
      static_cast<unsigned char>(rest[2]) >= 0x80 && static_cast<unsigned char>(rest[2]) <= 0x8B)
    return 3;
  return 0;
}

}  // namespace

bool is_blank(const std::string& text) {
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::size_t n = space_at(rest);
    if (n == 0) return false;
    rest.remove_prefix(n);
  }
  return true;
}

bool is_blank(const Soap& text) {
  return is_blank(text.subjective) && is_blank(text.objective) && is_blank(text.assessment) && is_blank(text.plan);
}

Soap apply_changes(const Soap& current, const SoapChanges& changes) {
  Soap next = current;
  if (changes.subjective) next.subjective = *changes.subjective;
  if (changes.objective) next.objective = *changes.objective;
  if (changes.assessment) next.assessment = *changes.assessment;
  if (changes.plan) next.plan = *changes.plan;
  return next;
}

}  // namespace fascia::core
