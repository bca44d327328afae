// A practitioner's invitations over HTTP (issue 10, point 2; docs/API.md
// "Practitioners"):
//   POST /api/v1/invitations              a single-use code, shown once
//   GET  /api/v1/invitations              the caller's invitations with their state, never a code
//   POST /api/v1/invitations/{id}/cancel  cancel an open one: its code is refused from then on
// The rules are app/care_links (invite_client) and app/invitations.
#include "fascia/adapters/json_care_views.hpp"
#include "fascia/adapters/password_hash.hpp"
#include "fascia/app/care_links.hpp"
#include "fascia/app/invitations.hpp"
#include "fascia/server/auth.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

// {days?}: 201 with the code, shown only in this answer.
ApiResult<Reply> post_invitation(Call& call) {
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"days"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(days, read_int(body, "days", 1, 90, {}, 7));
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  const std::string code = adapters::random_code(app::kInvitationAlphabet, app::kInvitationCodeLength);
  API_TRY(invitation, lift(app::invite_client(*clinics, practitioner, adapters::token_hash(code), call.now,
                                              std::int64_t{days} * 24 * 3600)));
  return json_reply(adapters::invitation_json(app::format_invitation_code(code), invitation), 201);
}

ApiResult<Reply> get_invitations(Call& call) {
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(invitations, lift(app::list_invitations(*clinics, practitioner)));
  return json_reply(adapters::invitation_statuses_json(invitations, call.now));
}

// 200 with the cancelled invitation; 404 when it is not the caller's; 409
// naming its state when it is no longer open.
ApiResult<Reply> post_invitation_cancel(Call& call) {
  API_TRY(id, number_in_path(call, 0, "invitation"));
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  const std::int64_t now = call.now;
  API_TRY(cancelled, lift_for_record(app::cancel_invitation(*clinics, practitioner, id, now), "id"));
  return json_reply(adapters::invitation_status_json(cancelled, now));
}

}  // namespace

void add_invitation_routes(ApiRouter& api) {
  api.post("/api/v1/invitations", post_invitation);
  api.get("/api/v1/invitations", get_invitations);
  api.post(R"(/api/v1/invitations/(\d+)/cancel)", post_invitation_cancel);
}

}  // namespace fascia::server
