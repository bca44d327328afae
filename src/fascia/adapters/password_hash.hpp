// Password hashing and random tokens, with libsodium: Argon2id password hash
// strings (salt and parameters inside the string) and tokens from the
// system's cryptographic random source.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "fascia/core/error.hpp"

namespace fascia::adapters {

// Hashes the password's Unicode NFC form. invalid_argument when it is not
// well-formed UTF-8; otherwise fails only when libsodium cannot start or is
// out of memory.
core::Result<std::string> hash_password(std::string_view password);
// Compares the password's NFC form (and, when that differs, the bytes as
// given, for hashes made before normalisation); false for a malformed hash.
bool verify_password(const std::string& hash, std::string_view password);
// `bytes` random bytes as lowercase hex (so 2 * bytes characters).
std::string random_token(std::size_t bytes = 32);
// `length` characters drawn uniformly from `alphabet` (at most 2^32
// characters), e.g. an invitation code from app::kInvitationAlphabet.
std::string random_code(std::string_view alphabet, std::size_t length);
// The hash a token is stored under (BLAKE2b-256 as 64 hex digits): the
// database never holds a token that would sign anyone in.
std::string token_hash(std::string_view token);

}  // namespace fascia::adapters
