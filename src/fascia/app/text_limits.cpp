#include "fascia/app/text_limits.hpp"

#include <cstdio>

#include "fascia/app/unicode_text.hpp"

namespace fascia::app {

namespace {

// The first control character (Unicode category Cc: U+0000..U+001F, U+007F,
// U+0080..U+009F) other than tab, line feed and carriage return, as "U+0000";
// empty when there is none. Such a character is never typed on purpose, and
// a NUL cuts the text short in tools that read the journal as C strings.
// `text` is well-formed UTF-8, so a C1 control is the two bytes C2 80..C2 9F.
std::string first_control_character(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    unsigned code = 0x110000;  // none
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) code = c;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F)
      code = static_cast<unsigned char>(text[i + 1]);
    if (code == 0x110000) continue;
    char name[8];
    std::snprintf(name, sizeof name, "U+%04X", code);
    return name;
  }
  return {};
}

}  // namespace

core::Result<void> check_text(std::string_view text, const TextLimit& limit, std::string_view what) {
  const std::string name(what.empty() ? limit.what : what);
  auto count = count_code_points(text);
  if (!count) return core::fail(core::ErrorCode::invalid_argument, name + " is not valid UTF-8 text");
  if (const std::string control = first_control_character(text); !control.empty())
    return core::fail(core::ErrorCode::invalid_argument, name + " contains the control character " + control);
  // Counted as composed (NFC): "A" + U+0308 is one character, as it looks, and
  // as the same letter typed precomposed. Only worked out when the raw count is over.
  if (*count > limit.max_characters)
    if (auto composed = to_nfc(text, name)) count = count_code_points(*composed);
  if (*count > limit.max_characters)
    return core::fail(core::ErrorCode::out_of_range, name + " is longer than " + std::to_string(limit.max_characters) +
                                                         " characters (Unicode code points; it has " +
                                                         std::to_string(*count) + ")");
  return {};
}

}  // namespace fascia::app
