#include "fascia/adapters/password_hash.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace fascia::adapters {

namespace {

// sodium_init is safe to call many times and from many threads.
bool sodium_ready() { return sodium_init() >= 0; }

}  // namespace

core::Result<std::string> hash_password(std::string_view password) {
  if (!sodium_ready()) return core::fail(core::ErrorCode::io_error, "libsodium could not start");
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
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
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

}  // namespace fascia::adapters
