// Care links over HTTP (issue 10; docs/API.md "Practitioners"; invitations
// in routes_invitations.cpp, the clinic administrator's in routes_clinic.cpp):
//   GET  /api/v1/links                  the caller's links to practitioners
//   POST /api/v1/links                  accept a code, choosing what to share
//   POST /api/v1/links/look-up          who and where a code is from, before accepting it
//   PUT  /api/v1/links/{id}/share       change what a link shares
//   POST /api/v1/links/{id}/revoke      end a link, at once
//   GET  /api/v1/access-log             who besides the caller read or changed their data
//   GET  /api/v1/clients                a practitioner's clients
//   GET  /api/v1/clients/attention      the monitoring list: clients by what needs attention, logged
//   GET  /api/v1/clients/{id}/progress  one client's progress page, logged
//   GET  /api/v1/clients/{id}[/journal|/sessions|/screening]  one client, checked and logged
//   POST /api/v1/clients/{id}/clearances  a linked practitioner clears warning signs
//   POST /api/v1/clients/{id}/treatments  a clinic treatment into the client's journal, logged
// Every reach into a client's data goes through app::reach_client, which
// decides and logs it before anything is read.
#include "fascia/adapters/json_care_views.hpp"
#include "fascia/adapters/json_monitoring_views.hpp"
#include "fascia/adapters/json_views.hpp"
#include "fascia/adapters/password_hash.hpp"
#include "fascia/app/care_clearance.hpp"
#include "fascia/app/care_links.hpp"
#include "fascia/app/clearance.hpp"
#include "fascia/app/clinic_treatments.hpp"
#include "fascia/app/monitoring.hpp"
#include "fascia/app/screening_state.hpp"
#include "fascia/app/text_limits.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/server/auth.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

ApiResult<Reply> get_links(Call& call) {
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(links, lift(clinics->links_of_person(call.person_id)));
  return json_reply(adapters::links_json(links));
}

ApiResult<Reply> post_link(Call& call) {
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"code", "share"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(typed, read_text(body, "code"));
  API_TRY(code, lift(app::normalise_invitation_code(typed), "code"));
  API_TRY(sharing, read_share_field(body));
  API_TRY(account, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(link,
          lift(app::accept_invitation(*clinics, app::actor_of(account), adapters::token_hash(code), sharing, call.now),
               "code"));
  return json_reply(adapters::link_json(link), 201);
}

// {code}: 200 with who and where the code is from, before the person
// chooses what to share; logs nothing, changes nothing. 404 for an unknown
// code, 409 with the reason it may not be accepted.
ApiResult<Reply> post_invitation_look_up(Call& call) {
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"code"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(typed, read_text(body, "code"));
  API_TRY(code, lift(app::normalise_invitation_code(typed), "code"));
  API_TRY(account, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(preview, lift(app::preview_invitation(*clinics, app::actor_of(account), adapters::token_hash(code), call.now),
                        "code"));
  return json_reply(adapters::invitation_preview_json(preview));
}

// The caller's link `id` with its names, after a change.
ApiResult<Reply> link_reply(app::ClinicStore& clinics, std::int64_t person_id, std::int64_t id) {
  API_TRY(links, lift(clinics.links_of_person(person_id)));
  for (const auto& d : links)
    if (d.link.id == id) return json_reply(adapters::link_json(d));
  return api_fail(404, "not_found", "no link " + std::to_string(id), "id");
}

ApiResult<Reply> put_link_share(Call& call) {
  API_TRY(id, number_in_path(call, 0, "link"));
  API_TRY(body, parse_object_body(call.request));
  API_TRY(sharing, read_sharing(body, {}));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(changed, lift(clinics->set_sharing(id, call.person_id, sharing), "id"));
  return link_reply(*clinics, call.person_id, changed.id);
}

ApiResult<Reply> post_link_revoke(Call& call) {
  API_TRY(id, number_in_path(call, 0, "link"));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(changed, lift(clinics->revoke_link(id, call.person_id, call.now), "id"));
  return link_reply(*clinics, call.person_id, changed.id);
}

ApiResult<Reply> get_access_log(Call& call) {
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(entries, lift(clinics->access_log(call.person_id)));
  return json_reply(adapters::access_log_json(entries));
}

ApiResult<Reply> get_clients(Call& call) {
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(links, lift(app::list_clients(*clinics, practitioner)));
  return json_reply(adapters::links_json(links));
}

// The monitoring list (app::attention_list): every client logged once, in one
// transaction, before any of their data is read; one pooled store, rebound
// to each client in turn.
ApiResult<Reply> get_attention(Call& call) {
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(store, lift(call.state.stores.lease(practitioner.person_id)));
  API_TRY(list, lift(app::attention_list(call.state.kb, *clinics, *store, practitioner, call.today, call.now,
                                         &call.state.original_plans)));
  return json_reply(adapters::attention_list_json(list));
}

// One client's progress page (app::client_progress): reached and logged first.
ApiResult<Reply> get_client_progress(Call& call) {
  API_TRY(client, number_in_path(call, 0, "client"));
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(store, lift(call.state.stores.lease(client)));
  API_TRY(page,
          lift(app::client_progress(call.state.kb, *clinics, *store, practitioner, client, call.today, call.now)));
  return json_reply(adapters::client_progress_json(page, call.state.kb.caps));
}

// One part of a linked client's data: decided and logged first.
ApiResult<Reply> client_area(Call& call, core::CareArea area) {
  API_TRY(client, number_in_path(call, 0, "client"));
  API_TRY(practitioner, caller_account(call));
  std::optional<app::LinkDetails> link;
  {
    API_TRY(clinics, lift(call.state.clinics.lease()));
    const std::string what =
        area == core::CareArea::link ? "opened the client page" : "read the " + std::string(core::to_string(area));
    API_TRY(reached,
            lift(app::reach_client(*clinics, practitioner, client, area, core::AccessKind::read, what, call.now)));
    link = std::move(reached);
  }
  nlohmann::json out{{"link", adapters::link_json(*link)}};
  if (area == core::CareArea::link) return json_reply(out);
  API_TRY(store, lift(call.state.stores.lease(client)));
  if (area == core::CareArea::screening) {
    API_TRY(record, lift(store->latest_screening()));
    if (record) {
      API_TRY(state, lift(app::screening_state_for_clinic(call.state.kb, *store, link->link.clinic_id)));
      out["screening"] = adapters::screening_json(*record, state.clearance);
    } else {
      out["screening"] = nullptr;
    }
    return json_reply(out);
  }
  API_TRY(journal, lift(store->load_journal()));
  if (area == core::CareArea::sessions) {
    out["sessions"] = adapters::sessions_json(journal.sessions);
  } else {
    out["journal"] = adapters::journal_json(app::journal_for_practitioner(std::move(journal), *link));
  }
  return json_reply(out);
}

// A linked practitioner's clearance for a client: {date?, regions?, note?}.
// Read and checked, reached and logged, then written in the client's group
// commit, so the client's views see it at once.
ApiResult<Reply> post_client_clearance(Call& call) {
  const auto& kb = call.state.kb;
  API_TRY(client, number_in_path(call, 0, "client"));
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"date", "regions", "note"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(date, read_date(body, "date", call.today));
  if (auto ok = app::validate_entry_date(date, call.today, "clearance"); !ok)
    return tl::make_unexpected(from_core(ok.error(), "date"));
  API_TRY(regions, read_region_sides(kb, body, "regions", ""));
  API_TRY(note, read_text(body, "note", {}, std::string(), app::kClearanceNoteLimit.max_characters));
  API_TRY(practitioner, caller_account(call));
  core::ClearanceEntry entry{date, {}, regions, note};
  {
    API_TRY(clinics, lift(call.state.clinics.lease()));
    API_TRY(signed_entry,
            lift(app::sign_client_clearance(kb, *clinics, practitioner, client, entry, call.now, call.today)));
    entry = std::move(signed_entry);
  }
  return call.state.writes.run(client, [&](app::JournalStore& store) -> ApiResult<Reply> {
    API_TRY(stored, lift(app::record_clearance(kb, store, entry, call.today)));
    return json_reply(adapters::clearances_json({stored}), 201);
  });
}

// What a linked practitioner did in clinic: checked and the access logged
// (app::record_clinic_treatment), then written through the group commit of
// the CLIENT's journal, whose revision it raises (their cached views go stale).
ApiResult<Reply> post_client_treatment(Call& call) {
  const auto& kb = call.state.kb;
  API_TRY(client, number_in_path(call, 0, "client"));
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"date", "treatment", "regions", "pressure", "minutes", "reaction", "note"}); !ok)
    return tl::make_unexpected(ok.error());
  core::ClinicTreatmentEntry entry;
  API_TRY(date, read_date(body, "date", call.today));
  API_TRY(treatment, read_text(body, "treatment"));
  API_TRY(regions, read_region_sides(kb, body, "regions", ""));
  API_TRY(pressure, read_optional_int(body, "pressure", 0, 10));
  API_TRY(minutes, read_int(body, "minutes", 1, 240));
  API_TRY(reaction, read_text(body, "reaction", {}, std::string(), app::kClinicReactionLimit.max_characters));
  API_TRY(note, read_text(body, "note", {}, std::string(), app::kClinicNoteLimit.max_characters));
  entry.date = date;
  entry.treatment = treatment;
  entry.regions = regions;
  entry.pressure = pressure;
  entry.minutes = minutes;
  entry.reaction = reaction;
  entry.note = note;
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  std::optional<ApiError> write_error;  // the group commit's own answer when the write fails
  const app::ClinicTreatmentWriter write = [&](const core::ClinicTreatmentEntry& e) -> core::Result<std::int64_t> {
    std::int64_t id = 0;
    auto written = call.state.writes.run(client, [&](app::JournalStore& store) -> ApiResult<Reply> {
      API_TRY(stored, lift(store.add_clinic_treatment(e)));
      id = stored;
      return Reply{201, {}};
    });
    if (written) return id;
    write_error = written.error();
    return core::fail(core::ErrorCode::db_error, written.error().message);
  };
  auto stored = app::record_clinic_treatment(kb, *clinics, write, practitioner, client, entry, call.now, call.today);
  if (!stored) {
    if (write_error) return tl::make_unexpected(*write_error);
    return tl::make_unexpected(from_core(stored.error().error, stored.error().field));
  }
  return json_reply(adapters::recorded_clinic_treatment_json(kb, *stored), 201);
}

}  // namespace

void add_care_routes(ApiRouter& api) {
  api.get("/api/v1/links", get_links);
  api.post("/api/v1/links", post_link);
  api.post("/api/v1/links/look-up", post_invitation_look_up);
  api.put(R"(/api/v1/links/(\d+)/share)", put_link_share);
  api.post(R"(/api/v1/links/(\d+)/revoke)", post_link_revoke);
  api.get("/api/v1/access-log", get_access_log);
  api.get("/api/v1/clients", get_clients);
  api.get("/api/v1/clients/attention", get_attention);
  api.get(R"(/api/v1/clients/(\d+)/progress)", get_client_progress);
  api.get(R"(/api/v1/clients/(\d+))", [](Call& call) { return client_area(call, core::CareArea::link); });
  api.get(R"(/api/v1/clients/(\d+)/journal)", [](Call& call) { return client_area(call, core::CareArea::journal); });
  api.get(R"(/api/v1/clients/(\d+)/sessions)", [](Call& call) { return client_area(call, core::CareArea::sessions); });
  api.get(R"(/api/v1/clients/(\d+)/screening)",
          [](Call& call) { return client_area(call, core::CareArea::screening); });
  api.post(R"(/api/v1/clients/(\d+)/clearances)", post_client_clearance);
  api.post(R"(/api/v1/clients/(\d+)/treatments)", post_client_treatment);
}

}  // namespace fascia::server
