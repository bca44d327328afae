#include "fascia/app/text_limits.hpp"

#include "fascia/app/unicode_text.hpp"

namespace fascia::app {

core::Result<void> check_text(std::string_view text, const TextLimit& limit, std::string_view what) {
  const std::string name(what.empty() ? limit.what : what);
  const auto count = count_code_points(text);
  if (!count) return core::fail(core::ErrorCode::invalid_argument, name + " is not valid UTF-8 text");
  if (*count > limit.max_characters)
    return core::fail(core::ErrorCode::out_of_range, name + " is longer than " + std::to_string(limit.max_characters) +
                                                         " characters (Unicode code points; it has " +
                                                         std::to_string(*count) + ")");
  return {};
}

}  // namespace fascia::app
