// Signing up with a practitioner's invitation code (issue 10, point 2; ADR
// 0028; docs/API.md "Signing up"), for someone who has no account yet:
//   POST /api/v1/signup/look-up  who and where an open code is from
//   POST /api/v1/signup          a person account, the invitation accepted, signed in
// Both are open to anyone, counted under SignupPolicy before anything is
// read. The rules are app/signup.
#include "fascia/adapters/json_care_views.hpp"
#include "fascia/adapters/json_text.hpp"
#include "fascia/adapters/password_hash.hpp"
#include "fascia/app/care_links.hpp"
#include "fascia/app/signup.hpp"
#include "fascia/app/text_limits.hpp"
#include "fascia/server/auth.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"
#include "fascia/server/sign_in.hpp"

namespace fascia::server {

namespace {

// One attempt counted for the caller's address: 429 with Retry-After when
// it is at its limit.
ApiResult<void> count_signup_attempt(Call& call, app::AccountStore& accounts, std::int64_t now) {
  API_TRY(verdict, lift(accounts.count_login_attempt({SignupPolicy::limit(client_address(call))}, now)));
  if (verdict.allowed) return {};
  call.response.set_header("Retry-After", std::to_string(verdict.retry_after));
  return api_fail(
      429, "rate_limited",
      "too many sign-up attempts from this network; try again in " + std::to_string(verdict.retry_after) + " s");
}

// The body's "code", made canonical; 400 when it is not a code's shape.
ApiResult<std::string> read_code(const nlohmann::json& body) {
  API_TRY(typed, read_text(body, "code"));
  return lift(app::normalise_invitation_code(typed), "code");
}

// {code}: 200 with the code's practitioner and clinic; 404 for an unknown
// code; 409 when it is used, cancelled or expired; 429 past the limit.
ApiResult<Reply> post_signup_look_up(Call& call) {
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"code"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(code, read_code(body));
  API_TRY(accounts, lift(call.state.accounts.lease()));
  if (auto counted = count_signup_attempt(call, *accounts, unix_now()); !counted)
    return tl::make_unexpected(counted.error());
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(preview, lift(app::preview_signup(*clinics, adapters::token_hash(code), call.now), "code"));
  return json_reply(adapters::invitation_preview_json(preview));
}

// {code, name, password, share}: 201 {name, person_id, link, link_refusal}
// with the session cookie set. 400 for a malformed field (the password's
// rules: app::validate_password); 404 unknown code; 409 for a code that may
// not be accepted or a name that is taken (said only to a holder of an
// open code); 429 past the limit; 503 when too many passwords wait.
ApiResult<Reply> post_signup(Call& call) {
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"code", "name", "password", "share"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(code, read_code(body));
  API_TRY(name, read_text(body, "name", {}, std::nullopt, app::kAccountNameLimit.max_characters));
  if (auto valid = lift(app::validate_account_name(name), "name"); !valid) return tl::make_unexpected(valid.error());
  API_TRY(password, read_text(body, "password", {}, std::nullopt, app::kPasswordLimit.max_characters));
  if (auto valid = lift(app::validate_password(password), "password"); !valid)
    return tl::make_unexpected(valid.error());
  API_TRY(sharing, read_share_field(body));

  const std::int64_t now = unix_now();
  API_TRY(accounts, lift(call.state.accounts.lease()));
  if (auto counted = count_signup_attempt(call, *accounts, now); !counted) return tl::make_unexpected(counted.error());
  API_TRY(clinics, lift(call.state.clinics.lease()));
  const std::string code_hash = adapters::token_hash(code);
  // Refused before the slow hash: a wrong code or a taken name costs no Argon2id.
  if (auto checked = lift_field(app::check_signup(*accounts, *clinics, code_hash, name, call.now)); !checked)
    return tl::make_unexpected(checked.error());
  core::Result<std::string> hash = std::string();
  if (auto hashed = in_hashing_slot(call, [&] { hash = adapters::hash_password(password); }); !hashed)
    return tl::make_unexpected(hashed.error());
  API_TRY(password_hash, lift(std::move(hash)));
  API_TRY(made, lift_field(app::sign_up_with_invitation(*accounts, *clinics, code_hash, name, password_hash, sharing,
                                                        call.today, call.now)));
  if (auto started = start_session(call, made.account.person_id, now); !started)
    return tl::make_unexpected(started.error());
  return json_reply(
      adapters::json_text({{"name", made.account.name},
                           {"person_id", made.account.person_id},
                           {"link", made.link ? adapters::link_json(*made.link) : nlohmann::json(nullptr)},
                           {"link_refusal", made.link ? nlohmann::json(nullptr) : nlohmann::json(made.link_refusal)}}),
      201);
}

}  // namespace

void add_signup_routes(ApiRouter& api) {
  api.post("/api/v1/signup/look-up", post_signup_look_up, Access::anyone);
  api.post("/api/v1/signup", post_signup, Access::anyone);
}

}  // namespace fascia::server
