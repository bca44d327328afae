// Visit notes over HTTP (issue 10, point 7; docs/API.md "Visit notes"):
//   POST /api/v1/clients/{id}/notes                     a linked practitioner writes a SOAP note
//   GET  /api/v1/clients/{id}/notes                     the clinic's notes about that client
//   POST /api/v1/clients/{id}/notes/{note}/amendments   a new revision, the earlier ones kept
//   GET  /api/v1/notes                                  the caller's own notes, of every clinic
// The rules are app/visit_notes: every practitioner's reach is decided and
// logged before anything is read or written; the notes live beside the care
// links, not in the client's journal, so no write goes through the client's
// group commit.
#include "fascia/adapters/json_care_views.hpp"
#include "fascia/app/text_limits.hpp"
#include "fascia/app/visit_notes.hpp"
#include "fascia/server/auth.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

ApiResult<Reply> field_reply(const app::FieldError& error) {
  return tl::make_unexpected(from_core(error.error, error.field));
}

// The SOAP parts present in `body`, each read as text within its limit.
ApiResult<core::SoapChanges> read_parts(const nlohmann::json& body) {
  core::SoapChanges parts;
  std::optional<std::string>* slots[] = {&parts.subjective, &parts.objective, &parts.assessment, &parts.plan};
  for (std::size_t i = 0; i < 4; ++i) {
    if (!body.contains(app::kSoapParts[i])) continue;
    API_TRY(text, read_text(body, app::kSoapParts[i], {}, std::nullopt, app::kSoapPartLimit.max_characters));
    *slots[i] = std::move(text);
  }
  return parts;
}

// {date?, subjective?, objective?, assessment?, plan?}: at least one part not blank.
ApiResult<Reply> post_note(Call& call) {
  API_TRY(client, number_in_path(call, 0, "client"));
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"date", "subjective", "objective", "assessment", "plan"}); !ok)
    return tl::make_unexpected(ok.error());
  API_TRY(date, read_date(body, "date", call.today));
  API_TRY(parts, read_parts(body));
  const core::Soap text = core::apply_changes({}, parts);
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  auto note = app::write_visit_note(*clinics, practitioner, client, date, text, call.now, call.today);
  if (!note) return field_reply(note.error());
  return json_reply(adapters::visit_note_json(*note), 201);
}

ApiResult<Reply> get_client_notes(Call& call) {
  API_TRY(client, number_in_path(call, 0, "client"));
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(notes, lift(app::client_visit_notes(*clinics, practitioner, client, call.now)));
  return json_reply(adapters::visit_notes_json(notes));
}

// {reason, subjective?, objective?, assessment?, plan?}: the parts given replace the latest text.
ApiResult<Reply> post_amendment(Call& call) {
  API_TRY(client, number_in_path(call, 0, "client"));
  API_TRY(note_id, number_in_path(call, 1, "visit note", "note"));
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"reason", "subjective", "objective", "assessment", "plan"}); !ok)
    return tl::make_unexpected(ok.error());
  API_TRY(reason, read_text(body, "reason", {}, std::nullopt, app::kAmendmentReasonLimit.max_characters));
  API_TRY(parts, read_parts(body));
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  auto note = app::amend_visit_note(*clinics, practitioner, client, note_id, parts, reason, call.now);
  if (!note) return field_reply(note.error());
  return json_reply(adapters::visit_note_json(*note), 201);
}

ApiResult<Reply> get_own_notes(Call& call) {
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(notes, lift(app::own_visit_notes(*clinics, call.person_id)));
  return json_reply(adapters::visit_notes_json(notes));
}

}  // namespace

void add_note_routes(ApiRouter& api) {
  api.post(R"(/api/v1/clients/(\d+)/notes)", post_note);
  api.get(R"(/api/v1/clients/(\d+)/notes)", get_client_notes);
  api.post(R"(/api/v1/clients/(\d+)/notes/(\d+)/amendments)", post_amendment);
  api.get("/api/v1/notes", get_own_notes);
}

}  // namespace fascia::server
