// Guided sessions: the browser runs the timers and counters and posts what
// happened; the server replays it through the core's session runner, so the
// same rules decide what is logged as in the terminal.
#include "fascia/adapters/json_views.hpp"
#include "fascia/app/due_session.hpp"
#include "fascia/app/session_checkin.hpp"
#include "fascia/app/session_events.hpp"
#include "fascia/app/text_limits.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/core/session_runner.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

constexpr int kMaxAmount = core::kMaxStepAmount;  // the same limit as the terminal's

ApiResult<Reply> stop_advice(Call& call) {
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"signs"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(signs, read_string_list(body, "signs", {}, 20));
  API_TRY(outcome, lift(core::stop_outcome(call.state.kb, signs), "signs"));
  return json_reply(adapters::stop_outcome_json(outcome));
}

// One event of the posted session, read; app::save_draft replays them.
ApiResult<app::SessionEvent> read_event(const json& event, const std::string& path) {
  if (!event.is_object()) return api_fail(400, "invalid", path + " must be an object", path);
  API_TRY(kind, read_text(event, "kind", path));
  app::SessionEvent e;
  if (kind == "done") {
    if (auto ok = only_fields(event, {"kind", "amount", "pressure"}, path); !ok) return tl::make_unexpected(ok.error());
    e.kind = app::SessionEvent::Kind::done;
    API_TRY(amount, read_int(event, "amount", 0, kMaxAmount, path));
    API_TRY(pressure, read_optional_int(event, "pressure", 0, 10, path));
    e.amount = amount;
    e.pressure = pressure;
  } else if (kind == "skip") {
    if (auto ok = only_fields(event, {"kind", "reason"}, path); !ok) return tl::make_unexpected(ok.error());
    e.kind = app::SessionEvent::Kind::skip;
    API_TRY(reason, read_text(event, "reason", path, std::string(), app::kStepNoteLimit.max_characters));
    e.reason = reason;
  } else if (kind == "stop") {
    if (auto ok = only_fields(event, {"kind", "signs", "amount"}, path); !ok) return tl::make_unexpected(ok.error());
    e.kind = app::SessionEvent::Kind::stop;
    API_TRY(signs, read_string_list(event, "signs", path, 20));
    if (signs.empty())
      return api_fail(400, "invalid", path + ".signs: say which warning sign made you stop", path + ".signs");
    API_TRY(amount, read_int(event, "amount", 0, kMaxAmount, path, 0));
    e.signs = signs;
    e.amount = amount;
  } else {
    return api_fail(400, "invalid", path + ".kind '" + kind + "' is not done, skip or stop", path + ".kind");
  }
  return e;
}

// The API's answer for a session that app::save_draft did not save.
ApiError draft_refusal(const app::DraftRefusal& refusal, const std::vector<app::SessionEvent>& events) {
  using Why = app::DraftRefusal::Why;
  const std::string& why = refusal.error.message;
  switch (refusal.why) {
    case Why::blocked:
      return {409, "safety", why, {}};
    case Why::not_due:
    case Why::unfinished:  // not reached: the server's drafts are finished
      return {409, "precondition", why, "protocol"};
    case Why::bad_event: {
      const std::string path = "events[" + std::to_string(refusal.event) + "]";
      const bool stop = refusal.event < events.size() && events[refusal.event].kind == app::SessionEvent::Kind::stop;
      return from_core({refusal.error.code, path + ": " + why}, stop ? path + ".signs" : path);
    }
    case Why::incomplete:
      return {400, "invalid",
              "events: the session has " + std::to_string(refusal.cards) + " steps but only " +
                  std::to_string(events.size()) + " events were sent (end with a stop to end early)",
              "events"};
    case Why::not_recorded:
      break;
  }
  return from_core(refusal.error);
}

ApiResult<Reply> post_session(Call& call) {
  const auto& kb = call.state.kb;
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"protocol", "events", "soreness"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(protocol, read_text(body, "protocol"));
  if (!kb.protocol(protocol)) return api_fail(400, "unknown_name", "unknown protocol '" + protocol + "'", "protocol");
  API_TRY(soreness, read_optional_int(body, "soreness", 0, 10));
  auto events = body.find("events");
  if (events == body.end() || !events->is_array())
    return api_fail(400, "invalid", "events must be an array of {kind: done|skip|stop, ...}", "events");
  if (events->size() > 500) return api_fail(400, "invalid", "events: at most 500", "events");
  app::SessionDraft draft{0, call.today, protocol, {}, true, soreness};
  for (std::size_t i = 0; i < events->size(); ++i) {
    API_TRY(event, read_event((*events)[i], "events[" + std::to_string(i) + "]"));
    draft.events.push_back(std::move(event));
  }

  // Decide on fresh data, never on a cached view: inside the write's
  // transaction, after the writes before it in its batch.
  return write_through(call, [&](app::JournalStore& store) -> ApiResult<Reply> {
    API_TRY(person, load_person_state(call, store));
    draft.person_id = store.person_id();
    auto saved = app::save_draft(kb, store, person, draft);
    if (!saved) return tl::make_unexpected(draft_refusal(saved.error(), draft.events));
    return json_reply(adapters::session_saved_json(saved->entry, saved->stops, saved->warnings, saved->clearance), 201);
  });
}

ApiResult<core::Journal> journal_of(Call& call) {
  API_TRY(store, person_store(call));
  return lift(store->load_journal());
}

ApiResult<Reply> list_sessions(Call& call) {
  API_TRY(journal, journal_of(call));
  return json_reply(adapters::sessions_json(journal.sessions));
}

// The session id in the path (quoted as sent when it is not one); someone
// else's session is not_found like a missing one.
ApiResult<std::int64_t> session_id_of(Call& call) { return number_in_path(call, 0, "session"); }

ApiResult<Reply> get_session(Call& call) {
  API_TRY(id, session_id_of(call));
  API_TRY(journal, journal_of(call));
  for (const auto& s : journal.sessions)
    if (s.id == id) return json_reply(adapters::session_entry_json(s));
  // Someone else's session answers exactly like one that does not exist.
  return api_fail(404, "not_found", "no session " + std::string(call.request.path_params.at(0)), "id");
}

// The check-in form after session `id`, or after the latest instrument work
// (a session's or a clinic treatment's) without one.
ApiResult<Reply> checkin_form(Call& call, std::optional<std::int64_t> id) {
  API_TRY(journal, journal_of(call));
  API_TRY(form, lift(app::session_checkin_form(journal, call.state.kb, id), "id"));
  return json_reply(adapters::checkin_form_json(call.state.kb, form));
}

// GET /api/v1/sessions/{id}/check-in: the areas a check-in after that session covers.
ApiResult<Reply> get_checkin_form(Call& call) {
  API_TRY(id, session_id_of(call));
  return checkin_form(call, id);
}

// GET /api/v1/check-in: the areas a check-in after the latest instrument work
// covers, at home or in clinic; 404 when there is none.
ApiResult<Reply> get_latest_checkin_form(Call& call) { return checkin_form(call, std::nullopt); }

// {date?, soreness?, areas?: [{region, side?, redness?, red_dots?, bruising?,
// soreness?}]} stored as one check-in after session `id` (the latest
// instrument work without one); every area not listed is settled with
// `soreness` (default 0).
ApiResult<Reply> record_checkin(Call& call, std::optional<std::int64_t> id) {
  const auto& kb = call.state.kb;
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"date", "soreness", "areas"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(date, read_date(body, "date", call.today));
  API_TRY(soreness, read_int(body, "soreness", 0, 10, {}, 0));
  std::vector<core::ReactionEntry> adjustments;
  if (auto areas = body.find("areas"); areas != body.end() && !areas->is_null()) {
    if (!areas->is_array()) return api_fail(400, "invalid", "areas must be an array of {region, side, ...}", "areas");
    if (areas->size() > 100) return api_fail(400, "invalid", "areas: at most 100", "areas");
    for (std::size_t i = 0; i < areas->size(); ++i) {
      const std::string path = "areas[" + std::to_string(i) + "]";
      const json& a = (*areas)[i];
      if (!a.is_object()) return api_fail(400, "invalid", path + " must be an object", path);
      if (auto ok = only_fields(a, {"region", "side", "redness", "red_dots", "bruising", "soreness"}, path); !ok)
        return tl::make_unexpected(ok.error());
      API_TRY(where, read_region_side(kb, a, path));
      API_TRY(redness, read_bool(a, "redness", false, path));
      API_TRY(red_dots, read_bool(a, "red_dots", false, path));
      API_TRY(bruising, read_bool(a, "bruising", false, path));
      API_TRY(sore, read_int(a, "soreness", 0, 10, path, soreness));
      adjustments.push_back({date, where.first, where.second, redness, red_dots, bruising, sore});
    }
  }
  return write_through(call, [&](app::JournalStore& store) -> ApiResult<Reply> {
    API_TRY(saved, lift(app::record_session_checkin(kb, store, id, soreness, adjustments, date, call.today)));
    return json_reply(adapters::checkin_saved_json(kb, saved), 201);
  });
}

// POST /api/v1/sessions/{id}/check-in: one check-in after that session.
ApiResult<Reply> post_checkin(Call& call) {
  API_TRY(id, session_id_of(call));
  return record_checkin(call, id);
}

// POST /api/v1/check-in: one check-in after the latest instrument work, at
// home or in clinic (what GET /api/v1/check-in showed).
ApiResult<Reply> post_latest_checkin(Call& call) { return record_checkin(call, std::nullopt); }

}  // namespace

void add_session_routes(ApiRouter& api) {
  api.get(R"(/api/v1/sessions/(\d+)/check-in)", get_checkin_form);
  api.post(R"(/api/v1/sessions/(\d+)/check-in)", post_checkin);
  api.get("/api/v1/check-in", get_latest_checkin_form);
  api.post("/api/v1/check-in", post_latest_checkin);
  api.post("/api/v1/stop-advice", stop_advice);
  api.post("/api/v1/sessions", post_session);
  api.get("/api/v1/sessions", list_sessions);
  api.get(R"(/api/v1/sessions/(\d+))", get_session);
}

}  // namespace fascia::server
