#include "fascia/adapters/password_hash.hpp"

#include <sodium.h>

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "fascia/app/unicode_text.hpp"

namespace fascia::adapters {

namespace {

// sodium_init is safe to call many times and from many threads.
bool sodium_ready() { return sodium_init() >= 0; }

bool verify_exact(const std::string& hash, std::string_view password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace

// Passwords are hashed in Unicode Normalization Form C, so the same
// characters typed as "e" + U+0301 or as U+00E9 (keyboards and systems
// differ) are the same password. NIST SP 800-63B suggests NFKC or NFKD; NFC
// is chosen because it leaves every already-NFC password byte for byte as it
// was, so hashes made before normalisation keep working, whereas NFKC would
// also fold compatibility characters (fullwidth letters, ligatures,
// superscripts) and lock out whoever used them.
core::Result<std::string> hash_password(std::string_view password) {
  if (!sodium_ready()) return core::fail(core::ErrorCode::io_error, "libsodium could not start");
  auto normalised = app::to_nfc(password, "the password");
  if (!normalised) return tl::make_unexpected(normalised.error());
  password = *normalised;
  char out[crypto_pwhash_STRBYTES];
  // The "interactive" limits: about 64 MiB and a tenth of a second here,
  // enough to make guessing slow without making a login feel slow.
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return core::fail(core::ErrorCode::io_error, "not enough memory to hash the password");
  return std::string(out);
}

bool verify_password(const std::string& hash, std::string_view password) {
  if (!sodium_ready() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  auto normalised = app::to_nfc(password, "the password");
  if (normalised && verify_exact(hash, *normalised)) return true;
  // A hash made before passwords were normalised, from text that was not
  // NFC (or not UTF-8): the bytes as typed still match it.
  return (!normalised || *normalised != password) && verify_exact(hash, password);
}

std::string random_token(std::size_t bytes) {
  if (!sodium_ready()) throw std::runtime_error("libsodium could not start");
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
  hex.pop_back();
  return hex;
}

std::string random_code(std::string_view alphabet, std::size_t length) {
  if (!sodium_ready()) throw std::runtime_error("libsodium could not start");
  std::string code;
  for (std::size_t i = 0; i < length; ++i)
    code.push_back(alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))]);
  return code;
}

std::string token_hash(std::string_view token) {
  if (!sodium_ready()) throw std::runtime_error("libsodium could not start");
  unsigned char digest[crypto_generichash_BYTES];  // 32 bytes
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  std::string hex(sizeof digest * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);
  hex.pop_back();
  return hex;
}

}  // namespace fascia::adapters
