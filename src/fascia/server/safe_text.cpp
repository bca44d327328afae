#include "fascia/server/safe_text.hpp"

#include <unicode/utf8.h>

#include <cstdint>

namespace fascia::server {

namespace {

// Decodes one character at `i` (advancing it); a negative value for an
// ill-formed sequence (ICU's U_SENTINEL).
std::int32_t next_char(std::string_view text, std::int64_t& i) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int64_t>(text.size());
  UChar32 c = 0;
  U8_NEXT(s, i, length, c);
  return c;
}

void append_escaped(std::string& out, std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char ch : bytes) {
    const auto byte = static_cast<unsigned char>(ch);
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view text) {
  std::int64_t i = 0;
  const auto length = static_cast<std::int64_t>(text.size());
  while (i < length) {
    const std::int64_t start = i;
    if (next_char(text, i) < 0) return static_cast<std::size_t>(start);
  }
  return std::string_view::npos;
}

bool is_utf8(std::string_view text) { return first_invalid_utf8(text) == std::string_view::npos; }

std::string printable(std::string_view text, std::size_t max_bytes) {
  const bool cut = text.size() > max_bytes;
  if (cut) text = text.substr(0, max_bytes);
  std::string out;
  out.reserve(text.size());
  std::int64_t i = 0;
  const auto length = static_cast<std::int64_t>(text.size());
  while (i < length) {
    const std::int64_t start = i;
    const std::int32_t c = next_char(text, i);
    const auto bytes = text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    const bool control = c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029;
    if (c < 0 || control || c == '\\')
      append_escaped(out, bytes);
    else
      out += bytes;
  }
  if (cut) out += "...";
  return out;
}

}  // namespace fascia::server
