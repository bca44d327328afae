#include "fascia/app/unicode_text.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace fascia::app {

std::optional<std::size_t> count_code_points(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) return std::nullopt;
  std::size_t count = 0;
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);  // ICU: c < 0 for an ill-formed sequence (surrogates included)
    if (c < 0) return std::nullopt;
    ++count;
  }
  return count;
}

core::Result<std::string> to_nfc(std::string_view text, std::string_view what) {
  if (!count_code_points(text))
    return core::fail(core::ErrorCode::invalid_argument, std::string(what) + " is not valid UTF-8 text");
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return core::fail(core::ErrorCode::io_error, "Unicode normalisation (ICU) could not start");
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<std::int32_t>(text.size()));
  nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())), sink, nullptr, status);
  if (U_FAILURE(status))
    return core::fail(core::ErrorCode::invalid_argument,
                      std::string(what) + " could not be normalised (" + u_errorName(status) + ")");
  return out;
}

std::string search_key(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const auto input =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  const icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(input, status) : input;
  icu::UnicodeString key;
  bool space_pending = false;
  for (std::int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isUWhiteSpace(c) || u_ispunct(c)) {
      space_pending = key.length() > 0;
      continue;
    }
    if (space_pending) key.append(static_cast<UChar>(' '));
    space_pending = false;
    key.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  std::string out;
  key.toUTF8String(out);
  return out;
}

}  // namespace fascia::app
