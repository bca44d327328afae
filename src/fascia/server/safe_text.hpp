// Text that came from outside (a request's path, query, headers or body) is
// checked here before it is trusted, and made harmless before it is written
// to a log line.
#pragma once

#include <string>
#include <string_view>

namespace fascia::server {

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or
// code points past U+10FFFF).
bool is_utf8(std::string_view text);

// Byte offset of the first byte that is not part of well-formed UTF-8, or
// std::string_view::npos when there is none.
std::size_t first_invalid_utf8(std::string_view text);

// `text` for one log line: well-formed printable characters as they are;
// control characters, DEL, C1 controls, backslashes and every byte that is
// not well-formed UTF-8 escaped as \xNN (so the result is always valid UTF-8
// without line breaks). At most `max_bytes` of input are shown, then "...".
std::string printable(std::string_view text, std::size_t max_bytes = 300);

}  // namespace fascia::server
