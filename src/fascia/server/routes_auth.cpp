// Logging in and out: the one-time start-up link, name and password, and
// who am I.
#include <algorithm>
#include <cctype>

#include "fascia/adapters/json_text.hpp"
#include "fascia/adapters/password_hash.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

std::string session_cookie(const std::string& token) {
  return std::string(kSessionCookie) + "=" + token + "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" +
         std::to_string(std::chrono::seconds(SessionTokens::kLifetime).count());
}

// Verifying against a real hash when the name is unknown keeps the answer
// time the same, so timing does not tell which names exist.
const std::string& decoy_hash() {
  static const std::string hash = adapters::hash_password("decoy password, never valid").value_or("");
  return hash;
}

ApiResult<Reply> login(Call& call) {
  auto body = parse_object_body(call.request);
  if (!body) return tl::make_unexpected(body.error());
  if (auto ok = only_fields(*body, {"name", "password"}); !ok) return tl::make_unexpected(ok.error());
  auto name = read_text(*body, "name", {}, std::nullopt, app::kAccountNameLimit.max_characters);
  if (!name) return tl::make_unexpected(name.error());
  auto password = read_text(*body, "password", {}, std::nullopt, app::kPasswordLimit.max_characters);
  if (!password) return tl::make_unexpected(password.error());

  const auto now = std::chrono::steady_clock::now();
  const std::string name_key = "name:" + *name;
  const std::string address_key = "address:" + call.request.remote_address;
  auto& limiter = call.state.login_limiter;
  auto wait = limiter.blocked(name_key, now);
  if (!wait) wait = limiter.blocked(address_key, now);
  if (wait) {
    call.response.set_header("Retry-After", std::to_string(*wait));
    return api_fail(429, "rate_limited", "too many failed logins; try again in " + std::to_string(*wait) + " s");
  }

  std::optional<app::Account> account;
  {
    std::lock_guard lock(call.state.accounts.mutex);
    auto found = call.state.accounts.store.find_account(*name);
    if (!found) return tl::make_unexpected(from_core(found.error()));
    account = std::move(*found);
  }
  const bool ok = adapters::verify_password(account ? account->password_hash : decoy_hash(), *password) && account;
  if (!ok) {
    limiter.record_failure(name_key, now);
    limiter.record_failure(address_key, now);
    return api_fail(401, "bad_credentials", "that name and password do not match an account");
  }
  limiter.record_success(name_key);
  call.response.set_header("Set-Cookie", session_cookie(call.state.sessions.create(account->person_id, now)));
  return json_reply(adapters::json_text({{"name", account->name}, {"person_id", account->person_id}}));
}

ApiResult<Reply> logout(Call& call) {
  call.state.sessions.remove(cookie_value(std::string(call.request.header("Cookie")), kSessionCookie));
  call.response.set_header("Set-Cookie",
                           std::string(kSessionCookie) + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
  return Reply{204, {}};
}

ApiResult<Reply> me(Call& call) {
  std::optional<app::Account> account;
  {
    std::lock_guard lock(call.state.accounts.mutex);
    auto found = call.state.accounts.store.account_of(call.person_id);
    if (!found) return tl::make_unexpected(from_core(found.error()));
    account = std::move(*found);
  }
  auto store = person_store(call);
  if (!store) return tl::make_unexpected(store.error());
  auto profile = lift((*store)->load_profile());
  if (!profile) return tl::make_unexpected(profile.error());
  auto screening = lift((*store)->latest_screening());
  if (!screening) return tl::make_unexpected(screening.error());
  return json_reply(adapters::json_text({{"person_id", call.person_id},
                                         {"name", account ? account->name : "local"},
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
    const auto token = state.sessions.create(1, std::chrono::steady_clock::now());
    response.set_header("Set-Cookie", session_cookie(token));
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
