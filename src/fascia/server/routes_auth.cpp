// Logging in and out: the one-time start-up link, name and password, and
// who am I.
#include <algorithm>
#include <cctype>

#include "fascia/adapters/json_text.hpp"
#include "fascia/adapters/password_hash.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"
#include "fascia/server/sign_in.hpp"

namespace fascia::server {

namespace {

constexpr const char* kDeviceCookie = "fascia_device";

// Verifying against a real hash when the name is unknown keeps the answer
// time the same, so timing does not tell which names exist.
const std::string& decoy_hash() {
  static const std::string hash = adapters::hash_password("decoy password, never valid").value_or("");
  return hash;
}

// The hash of the caller's device cookie when that device signed in to
// `name` before (and the cookie has not expired).
ApiResult<std::optional<std::string>> known_device(Call& call, app::AccountStore& accounts, const std::string& name,
                                                   std::int64_t now) {
  const auto token = cookie_value(std::string(call.request.header("Cookie")), kDeviceCookie);
  if (token.empty()) return std::optional<std::string>{};
  const auto hash = adapters::token_hash(token);
  auto device_name = lift(accounts.login_device_name(hash, now));
  if (!device_name) return tl::make_unexpected(device_name.error());
  if (*device_name != name) return std::optional<std::string>{};
  return std::optional<std::string>{hash};
}

// POST /api/v1/login. A deactivated account is refused (403) after its
// password is checked. The attempt is counted (LoginPolicy) before the
// password is hashed, and at most kMaxConcurrentHashes hashes run at once,
// so a burst of guesses costs at most the limit's worth of Argon2id; past
// kMaxHashQueue waiting, sign-ins are answered 503 at once instead of queueing.
ApiResult<Reply> login(Call& call) {
  auto body = parse_object_body(call.request);
  if (!body) return tl::make_unexpected(body.error());
  if (auto ok = only_fields(*body, {"name", "password"}); !ok) return tl::make_unexpected(ok.error());
  auto name = read_text(*body, "name", {}, std::nullopt, app::kAccountNameLimit.max_characters);
  if (!name) return tl::make_unexpected(name.error());
  auto password = read_text(*body, "password", {}, std::nullopt, app::kPasswordLimit.max_characters);
  if (!password) return tl::make_unexpected(password.error());

  const std::int64_t now = unix_now();
  auto accounts = lift(call.state.accounts.lease());
  if (!accounts) return tl::make_unexpected(accounts.error());
  auto device = known_device(call, **accounts, *name, now);
  if (!device) return tl::make_unexpected(device.error());
  const auto limits = LoginPolicy::limits(*name, client_address(call), *device);
  auto verdict = lift((*accounts)->count_login_attempt(limits, now));
  if (!verdict) return tl::make_unexpected(verdict.error());
  if (!verdict->allowed) {
    call.response.set_header("Retry-After", std::to_string(verdict->retry_after));
    const bool name_locked = verdict->blocked_key.rfind("name:", 0) == 0;
    return api_fail(429, "rate_limited",
                    std::string("too many failed logins") +
                        (name_locked ? " for this name from browsers it has not signed in on" : "") +
                        "; try again in " + std::to_string(verdict->retry_after) + " s");
  }
  auto account = lift((*accounts)->find_account(*name));
  if (!account) return tl::make_unexpected(account.error());

  bool ok = false;
  if (auto hashed = in_hashing_slot(
          call,
          [&] {
            ok = adapters::verify_password(*account ? (*account)->password_hash : decoy_hash(), *password) && *account;
          });
      !hashed)
    return tl::make_unexpected(hashed.error());
  if (!ok) return api_fail(401, "bad_credentials", "that name and password do not match an account");
  // Said only after the right password, so it tells no more than a wrong one
  // does to someone who does not know it (ADR 0021). No session, no device
  // cookie, and the attempt keeps counting.
  if ((*account)->deactivated_at)
    return api_fail(403, "forbidden",
                    "this account has been deactivated by its clinic's administrator; ask them to reactivate it");

  // The name's (or this device's) failures no longer count; nor does this attempt.
  if (auto forgot = lift((*accounts)->forget_login_attempts(verdict->ids, {limits.front().key})); !forgot)
    return tl::make_unexpected(forgot.error());
  if (auto started = start_session(call, (*account)->person_id, now); !started)
    return tl::make_unexpected(started.error());
  // This browser is now a known device of the account (OWASP device cookies).
  const auto device_token = adapters::random_token();
  if (auto stored = (*accounts)->add_login_device(adapters::token_hash(device_token), *name,
                                                  now + LoginPolicy::kDeviceLifetimeSeconds);
      stored)
    call.response.add_header("Set-Cookie", cookie(call.state, kDeviceCookie, device_token, "/api/v1/login",
                                                  LoginPolicy::kDeviceLifetimeSeconds));
  return json_reply(adapters::json_text({{"name", (*account)->name}, {"person_id", (*account)->person_id}}));
}

ApiResult<Reply> logout(Call& call) {
  if (auto ended =
          lift(call.state.sessions.end(cookie_value(std::string(call.request.header("Cookie")), kSessionCookie)));
      !ended)
    return tl::make_unexpected(ended.error());
  call.response.add_header("Set-Cookie", cookie(call.state, kSessionCookie, "", "/", 0));
  return Reply{204, {}};
}

ApiResult<Reply> me(Call& call) {
  std::optional<app::Account> account;
  {
    auto accounts = lift(call.state.accounts.lease());
    if (!accounts) return tl::make_unexpected(accounts.error());
    auto found = lift((*accounts)->account_of(call.person_id));
    if (!found) return tl::make_unexpected(found.error());
    account = std::move(*found);
  }
  auto store = person_store(call);
  if (!store) return tl::make_unexpected(store.error());
  auto profile = lift((*store)->load_profile());
  if (!profile) return tl::make_unexpected(profile.error());
  auto screening = lift((*store)->latest_screening());
  if (!screening) return tl::make_unexpected(screening.error());
  return json_reply(adapters::json_text(
      {{"person_id", call.person_id},
       {"name", account ? account->name : "local"},
       {"role", core::to_string(account ? account->membership.role : core::Role::person)},
       {"clinic_id", account && account->membership.clinic_id ? nlohmann::json(*account->membership.clinic_id)
                                                              : nlohmann::json(nullptr)},
       {"has_profile", profile->has_value()},
       {"has_screening", screening->has_value()},
       {"today", core::format_date(call.today)}}));
}

// GET /login?token=T: the link printed at start-up; works once. 303 to "/"
// with the session cookie; 400 when T is not a token at all (not letters,
// digits, '-' or '_', e.g. %FF: the link was cut or changed); 401 otherwise.
void token_login(ServerState& state, const HttpRequest& request, HttpResponse& response) {
  const std::string offered = request.param("token");
  const bool token_shaped = !offered.empty() && std::all_of(offered.begin(), offered.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
  if (!token_shaped) {
    response.status = 400;
    response.set_content(
        "<!doctype html><meta charset=utf-8><title>fascia</title>"
        "<p>This login link is damaged: copy the whole link fascia serve printed, "
        "or <a href=\"/\">log in with your account</a>.</p>",
        "text/html; charset=utf-8");
    return;
  }
  if (!state.login_token.value().empty() && state.login_token.consume(offered)) {
    auto token = state.sessions.create(1, unix_now());
    if (!token) return write_error(response, from_core(token.error()));
    response.add_header("Set-Cookie", session_cookie(state, *token));
    response.set_redirect("/", 303);
    return;
  }
  response.status = 401;
  response.set_content(
      "<!doctype html><meta charset=utf-8><title>fascia</title>"
      "<p>This login link has already been used or is not valid. "
      "<a href=\"/\">Log in with your account</a>, or restart fascia serve for a new link.</p>",
      "text/html; charset=utf-8");
}

}  // namespace

void add_auth_routes(HttpRouter& http, ApiRouter& api, ServerState& state) {
  http.add("GET", "/login",
           [&state](const HttpRequest& request, HttpResponse& response) { token_login(state, request, response); });
  api.post("/api/v1/login", login, Access::anyone);
  api.post("/api/v1/logout", logout);
  api.get("/api/v1/me", me);
}

}  // namespace fascia::server
