// What logging in and signing up share: the cookies they set, and the
// hashing slots a password waits for (at most kMaxConcurrentHashes at once,
// kMaxHashQueue waiting, ADR 0012).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "fascia/server/api_router.hpp"
#include "fascia/server/server_state.hpp"

namespace fascia::server {

// A cookie: HttpOnly and SameSite=Strict always; Secure when the server is
// reached beyond loopback. Max-Age 0 clears it.
std::string cookie(const ServerState& state, std::string_view name, const std::string& value, std::string_view path,
                   std::int64_t max_age);
// The signed-in session's cookie, for LoginSessions::kLifetimeSeconds.
std::string session_cookie(const ServerState& state, const std::string& token);

// Runs `hash_work` (an Argon2id hash or check, which keeps its result) in a
// hashing slot, waiting for one. 503 db_busy with Retry-After 1, running
// nothing, when kMaxHashQueue callers already wait.
ApiResult<void> in_hashing_slot(Call& call, const std::function<void()>& hash_work);

// The signed-in session just made for `person_id`: its cookie is set on the
// response. Its storage errors.
ApiResult<void> start_session(Call& call, std::int64_t person_id, std::int64_t now);

}  // namespace fascia::server
