// Unicode text as people type it: checking that bytes are well-formed UTF-8,
// counting Unicode code points, and Normalization Form C. Backed by ICU; this
// pair of files is the only place that includes ICU headers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "fascia/core/error.hpp"

namespace fascia::app {

// The number of Unicode code points in `text`, or nullopt when `text` is not
// well-formed UTF-8 (stray or truncated bytes, overlong forms, surrogates,
// values past U+10FFFF). Invalid text is never counted.
std::optional<std::size_t> count_code_points(std::string_view text);

// `text` in Unicode Normalization Form C (canonical composition: "e" + U+0301
// becomes U+00E9; already-NFC text comes back unchanged, byte for byte).
// invalid_argument naming `what` when `text` is not well-formed UTF-8.
core::Result<std::string> to_nfc(std::string_view text, std::string_view what);

// The form two names are compared in when someone searches for a place:
// accents removed (canonical decomposition, then no non-spacing marks),
// case folded, punctuation as a space, runs of spaces as one, no spaces at
// either end: "Zürich" and "zurich", "Winston-Salem" and "winston salem"
// give the same key. Ill-formed UTF-8 bytes become U+FFFD.
std::string search_key(std::string_view text);

}  // namespace fascia::app
