#include "fascia/server/sign_in.hpp"

#include "fascia/server/route_helpers.hpp"

namespace fascia::server {

std::string cookie(const ServerState& state, std::string_view name, const std::string& value, std::string_view path,
                   std::int64_t max_age) {
  return std::string(name) + "=" + value + "; HttpOnly; SameSite=Strict; Path=" + std::string(path) +
         "; Max-Age=" + std::to_string(max_age) + (state.security.secure_cookies ? "; Secure" : "");
}

std::string session_cookie(const ServerState& state, const std::string& token) {
  return cookie(state, kSessionCookie, token, "/", LoginSessions::kLifetimeSeconds);
}

ApiResult<void> in_hashing_slot(Call& call, const std::function<void()>& hash_work) {
  if (call.state.hash_queue.fetch_add(1) >= kMaxHashQueue) {
    call.state.hash_queue.fetch_sub(1);
    call.response.set_header("Retry-After", "1");
    return api_fail(503, "db_busy", "the server is checking too many passwords at once; try again in a second");
  }
  call.state.hashing.acquire();
  call.state.hash_queue.fetch_sub(1);
  try {
    hash_work();
  } catch (...) {
    call.state.hashing.release();
    throw;
  }
  call.state.hashing.release();
  return {};
}

ApiResult<void> start_session(Call& call, std::int64_t person_id, std::int64_t now) {
  auto token = lift(call.state.sessions.create(person_id, now));
  if (!token) return tl::make_unexpected(token.error());
  call.response.add_header("Set-Cookie", session_cookie(call.state, *token));
  return {};
}

}  // namespace fascia::server
