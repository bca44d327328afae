// A clinic administrator's routes (issue 10, point 1; docs/API.md
// "Practitioners"):
//   GET  /api/v1/clinic                                  the clinic and its members, with their state
//   POST /api/v1/clinic/practitioners                    add a practitioner
//   POST /api/v1/clinic/practitioners/{id}/deactivate    signed out, open invitations cancelled, nothing deleted
//   POST /api/v1/clinic/practitioners/{id}/reactivate    may sign in again
// The rules are app/clinic_admin. None of these reads or writes a person's
// data (a practitioner's account is not a client's record), so nothing goes
// into an access log (ADR 0021).
#include "fascia/adapters/json_care_views.hpp"
#include "fascia/adapters/password_hash.hpp"
#include "fascia/app/clinic_admin.hpp"
#include "fascia/app/text_limits.hpp"
#include "fascia/server/auth.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

nlohmann::json accounts_json(const std::vector<app::Account>& accounts) {
  auto out = nlohmann::json::array();
  for (const auto& a : accounts) out.push_back(adapters::account_json(a));
  return out;
}

ApiResult<Reply> get_clinic(Call& call) {
  API_TRY(admin, caller_account(call));
  API_TRY(accounts, lift(call.state.accounts.lease()));
  API_TRY(members, lift(app::clinic_members(*accounts, admin)));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(clinic, lift(clinics->find_clinic(*admin.membership.clinic_id)));
  if (!clinic) return api_fail(500, "server", "the clinic of this account is missing from the database");
  return json_reply(nlohmann::json{{"clinic", adapters::clinic_json(*clinic)}, {"members", accounts_json(members)}});
}

// {name, password}: 201 with the new practitioner's account.
ApiResult<Reply> post_practitioner(Call& call) {
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"name", "password"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(name, read_text(body, "name", {}, std::nullopt, app::kAccountNameLimit.max_characters));
  API_TRY(password, read_text(body, "password", {}, std::nullopt, app::kPasswordLimit.max_characters));
  API_TRY(admin, caller_account(call));
  API_TRY(clinic_id, lift(app::administered_clinic(admin)));
  if (auto ok = app::validate_account_name(name); !ok) return tl::make_unexpected(from_core(ok.error(), "name"));
  if (auto ok = app::validate_password(password); !ok) return tl::make_unexpected(from_core(ok.error(), "password"));
  API_TRY(hash, lift(adapters::hash_password(password)));
  API_TRY(accounts, lift(call.state.accounts.lease()));
  API_TRY(added, lift(accounts->add_account(name, hash, call.today, {core::Role::practitioner, clinic_id}), "name"));
  return json_reply(adapters::account_json(added), 201);
}

enum class Change { deactivate, reactivate };

// 200 with the practitioner's account as it now is; 404 unless they are a
// practitioner of the caller's clinic; 409 for the caller's own account,
// another administrator, or no change to make.
ApiResult<Reply> post_practitioner_state(Call& call, Change change) {
  API_TRY(person_id, number_in_path(call, 0, "practitioner"));
  API_TRY(admin, caller_account(call));
  API_TRY(accounts, lift(call.state.accounts.lease()));
  auto changed = change == Change::deactivate ? app::deactivate_practitioner(*accounts, admin, person_id, call.now)
                                              : app::reactivate_practitioner(*accounts, admin, person_id);
  API_TRY(account, lift_for_record(std::move(changed), "id"));
  return json_reply(adapters::account_json(account));
}

}  // namespace

void add_clinic_routes(ApiRouter& api) {
  api.get("/api/v1/clinic", get_clinic);
  api.post("/api/v1/clinic/practitioners", post_practitioner);
  api.post(R"(/api/v1/clinic/practitioners/(\d+)/deactivate)",
           [](Call& call) { return post_practitioner_state(call, Change::deactivate); });
  api.post(R"(/api/v1/clinic/practitioners/(\d+)/reactivate)",
           [](Call& call) { return post_practitioner_state(call, Change::reactivate); });
}

}  // namespace fascia::server
