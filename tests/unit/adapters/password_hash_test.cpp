#include "fascia/adapters/password_hash.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

using namespace fascia;

namespace {
const std::string kPrecomposed = "caf\xC3\xA9-latte";  // U+00E9
const std::string kDecomposed = "cafe\xCC\x81-latte";  // "e" + U+0301
}  // namespace

TEST(PasswordHash, APasswordMadeWithAPrecomposedAccentMatchesTheSameTypedWithACombiningOne) {
  auto hash = adapters::hash_password(kPrecomposed);
  ASSERT_TRUE(hash);
  EXPECT_TRUE(adapters::verify_password(*hash, kDecomposed));
  EXPECT_TRUE(adapters::verify_password(*hash, kPrecomposed));
  EXPECT_FALSE(adapters::verify_password(*hash, "cafe-latte"));
}

TEST(PasswordHash, ADecomposedPasswordMatchesItsPrecomposedForm) {
  auto hash = adapters::hash_password(kDecomposed);
  ASSERT_TRUE(hash);
  EXPECT_TRUE(adapters::verify_password(*hash, kPrecomposed));
}

TEST(PasswordHash, AHashMadeBeforeNormalisationFromNfcTextStillMatches) {
  // What the previous version stored: the bytes as typed, unnormalised.
  ASSERT_GE(sodium_init(), 0);
  char old[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(old, kPrecomposed.data(), kPrecomposed.size(), crypto_pwhash_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13),
            0);
  EXPECT_TRUE(adapters::verify_password(old, kPrecomposed));
  EXPECT_TRUE(adapters::verify_password(old, kDecomposed));
}

TEST(PasswordHash, APasswordThatIsNotUtf8IsRefusedWithAClearMessage) {
  auto hash = adapters::hash_password("latin1 caf\xE9");
  ASSERT_FALSE(hash);
  EXPECT_EQ(hash.error().code, core::ErrorCode::invalid_argument);
  EXPECT_EQ(hash.error().message, "the password is not valid UTF-8 text");
}
