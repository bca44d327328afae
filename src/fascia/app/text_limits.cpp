#include "fascia/app/text_limits.hpp"

#include <cstdio>

#include "fascia/app/unicode_text.hpp"

namespace fascia::app {

namespace {

// The first control character other than tab, line feed and carriage return
// (U+0000..U+001F, U+007F), as "U+0000"; empty when there is none. Such a
// character is never typed on purpose, and a NUL cuts the text short in
// tools that read the journal as C strings.
std::string first_control_character(std::string_view text) {
  for (unsigned char c : text)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      return code;
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
