#include "fascia/app/text_limits.hpp"

#include <gtest/gtest.h>

#include "fascia/app/account_store.hpp"
#include "fascia/app/unicode_text.hpp"
#include "fascia/app/validate.hpp"

using namespace fascia;

namespace {

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

const std::string kGrinning = "\xF0\x9F\x98\x80";  // U+1F600, four bytes
const std::string kAUmlaut = "\xC3\x84";           // U+00C4, two bytes
const core::Date kToday = core::parse_date("2026-11-29").value();

}  // namespace

TEST(CountCodePoints, CountsCharactersNotBytes) {
  EXPECT_EQ(app::count_code_points("abc"), 3u);
  EXPECT_EQ(app::count_code_points(kAUmlaut + kGrinning), 2u);
  EXPECT_EQ(app::count_code_points(""), 0u);
}

TEST(CountCodePoints, RefusesMalformedUtf8InsteadOfCountingIt) {
  EXPECT_EQ(app::count_code_points("a\xFF"), std::nullopt);             // a byte that never occurs in UTF-8
  EXPECT_EQ(app::count_code_points("\xC3"), std::nullopt);              // truncated sequence
  EXPECT_EQ(app::count_code_points("\xC0\xAF"), std::nullopt);          // overlong '/'
  EXPECT_EQ(app::count_code_points("\xED\xA0\x80"), std::nullopt);      // a UTF-16 surrogate
  EXPECT_EQ(app::count_code_points("\xF4\x90\x80\x80"), std::nullopt);  // past U+10FFFF
}

TEST(TextLimits, ANoteOf1500EmojiIsAccepted) {
  EXPECT_TRUE(app::validate_note({kToday, repeat(kGrinning, 1500)}, kToday));
}

TEST(TextLimits, ANoteOf4001CharactersIsRefusedInCharacters) {
  EXPECT_TRUE(app::validate_note({kToday, std::string(4000, 'x')}, kToday));
  auto refused = app::validate_note({kToday, std::string(4001, 'x')}, kToday);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::out_of_range);
  EXPECT_NE(refused.error().message.find("longer than 4000 characters (Unicode code points; it has 4001)"),
            std::string::npos)
      << refused.error().message;
}

TEST(TextLimits, ANoteThatIsNotUtf8IsRefusedAsSuch) {
  auto refused = app::validate_note({kToday, "caf\xE9"}, kToday);  // Latin-1, not UTF-8
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::invalid_argument);
  EXPECT_NE(refused.error().message.find("not valid UTF-8"), std::string::npos) << refused.error().message;
}

TEST(TextLimits, NamesAreLimitedTo100Characters) {
  EXPECT_TRUE(app::check_text(repeat(kAUmlaut, 100), app::kProfileNameLimit));
  auto refused = app::check_text(std::string(101, 'n'), app::kProfileNameLimit);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("name is longer than 100 characters"), std::string::npos);
}

TEST(TextLimits, ALetterWithACombiningAccentCountsOnceAsItLooks) {
  // "A" + U+0308 composes to U+00C4: 100 of them are a 100-character name, as 100 precomposed ones are.
  EXPECT_TRUE(app::check_text(repeat("A\xCC\x88", 100), app::kProfileNameLimit));
  auto refused = app::check_text(repeat("A\xCC\x88", 101), app::kProfileNameLimit);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("it has 101)"), std::string::npos) << refused.error().message;
  // A mark that composes with nothing still counts on its own.
  EXPECT_FALSE(app::check_text(repeat("x\xCC\xB6", 51), app::kProfileNameLimit));
}

TEST(TextLimits, ControlCharactersOtherThanLineBreaksAndTabsAreRefused) {
  EXPECT_TRUE(app::validate_note({kToday, "line one\nline two\r\n\tindented"}, kToday));
  EXPECT_TRUE(app::validate_note({kToday, "\xC2\xA0no-break space and \xC2\xA9 are not controls"}, kToday));
  for (const std::string& bad :
       {std::string("cut\0short", 9), std::string("bell\x07"), std::string("esc\x1B[2J"), std::string("del\x7F"),
        std::string("next line \xC2\x85"), std::string("c1 \xC2\x9F")}) {
    auto refused = app::validate_note({kToday, bad}, kToday);
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().code, core::ErrorCode::invalid_argument);
    EXPECT_NE(refused.error().message.find("contains the control character U+00"), std::string::npos)
        << refused.error().message;
  }
}

TEST(TextLimits, PasswordsAreCountedInCharacters) {
  EXPECT_TRUE(app::validate_password(repeat(kAUmlaut, 8)));
  EXPECT_FALSE(app::validate_password(repeat(kAUmlaut, 7)));  // 14 bytes, 7 characters
  EXPECT_TRUE(app::validate_password(repeat(kGrinning, 200)));
  // Counted after NFC, as compared: four "e" + combining acute are four characters, not eight.
  EXPECT_FALSE(app::validate_password(repeat("e\xcc\x81", 4)));
  EXPECT_TRUE(app::validate_password(repeat("e\xcc\x81", 8)));
  EXPECT_FALSE(app::validate_password(repeat(kGrinning, 201)));
  auto invalid = app::validate_password("password\xFF");
  ASSERT_FALSE(invalid);
  EXPECT_NE(invalid.error().message.find("not valid UTF-8"), std::string::npos);
}

TEST(ToNfc, ComposesCombiningSequencesAndLeavesNfcTextAlone) {
  EXPECT_EQ(app::to_nfc("e\xCC\x81", "x").value(), "\xC3\xA9");
  EXPECT_EQ(app::to_nfc("caf\xC3\xA9 \xEF\xAC\x81", "x").value(),
            "caf\xC3\xA9 \xEF\xAC\x81");  // ligature kept (not NFKC)
  EXPECT_FALSE(app::to_nfc("\xFF", "x"));
}
