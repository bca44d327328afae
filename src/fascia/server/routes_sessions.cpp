// Guided sessions: the browser runs the timers and counters and posts what
// happened; the server replays it through the core's session runner, so the
// same rules decide what is logged as in the terminal.
#include <httplib.h>

#include "fascia/adapters/json_views.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/core/session_runner.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

constexpr int kMaxAmount = 100000;

ApiResult<Reply> stop_advice(Call& call) {
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"signs"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(signs, read_string_list(body, "signs", {}, 20));
  API_TRY(outcome, lift(core::stop_outcome(call.state.kb, signs), "signs"));
  return json_reply(adapters::stop_outcome_json(outcome));
}

// One event of the posted session, applied to the runner.
ApiResult<void> apply_event(const json& event, const std::string& path, core::SessionRunner& runner,
                            std::vector<core::StopOutcome>& stops, std::vector<core::Reason>& warnings) {
  if (!event.is_object()) return api_fail(400, "invalid", path + " must be an object", path);
  if (runner.finished())
    return api_fail(400, "invalid", path + ": the session had already ended before this event", path);
  API_TRY(kind, read_text(event, "kind", path));
  if (kind == "done") {
    if (auto ok = only_fields(event, {"kind", "amount", "pressure"}, path); !ok) return tl::make_unexpected(ok.error());
    API_TRY(amount, read_int(event, "amount", 0, kMaxAmount, path));
    API_TRY(pressure, read_optional_int(event, "pressure", 0, 10, path));
    API_TRY(warning, lift(runner.done(amount, pressure), path));
    if (warning) warnings.push_back(*warning);
  } else if (kind == "skip") {
    if (auto ok = only_fields(event, {"kind", "reason"}, path); !ok) return tl::make_unexpected(ok.error());
    API_TRY(reason, read_text(event, "reason", path, std::string(), 200));
    if (auto ok = lift(runner.skip(reason), path); !ok) return ok;
  } else if (kind == "stop") {
    if (auto ok = only_fields(event, {"kind", "signs", "amount"}, path); !ok) return tl::make_unexpected(ok.error());
    API_TRY(signs, read_string_list(event, "signs", path, 20));
    if (signs.empty())
      return api_fail(400, "invalid", path + ".signs: say which warning sign made you stop", path + ".signs");
    API_TRY(amount, read_int(event, "amount", 0, kMaxAmount, path, 0));
    API_TRY(outcome, lift(runner.stop(signs, amount), path + ".signs"));
    stops.push_back(outcome);
  } else {
    return api_fail(400, "invalid", path + ".kind '" + kind + "' is not done, skip or stop", path + ".kind");
  }
  return {};
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

  // Decide on fresh data, never on a cached view.
  API_TRY(store, person_store(call));
  API_TRY(person, load_person_state(call, *store));
  const core::TodayView view = app::current_today(kb, person, call.today);
  if (view.blocked)
    return api_fail(409, "safety", "your screening says not to self-treat now; see your screening result");
  auto chosen = std::find_if(view.due.begin(), view.due.end(), [&](auto& s) { return s.protocol == protocol; });
  if (chosen == view.due.end())
    return api_fail(409, "precondition", "protocol '" + protocol + "' is not due today (see today)", "protocol");

  core::SessionRunner runner(kb, *chosen, call.today);
  std::vector<core::StopOutcome> stops;
  std::vector<core::Reason> warnings;
  for (std::size_t i = 0; i < events->size(); ++i)
    if (auto ok = apply_event((*events)[i], "events[" + std::to_string(i) + "]", runner, stops, warnings); !ok)
      return tl::make_unexpected(ok.error());
  if (!runner.finished())
    return api_fail(400, "invalid",
                    "events: the session has " + std::to_string(runner.cards().size()) + " steps but only " +
                        std::to_string(events->size()) + " events were sent (end with a stop to end early)",
                    "events");

  core::SessionEntry entry = runner.log();
  API_TRY(recorded, lift(app::record_session(kb, *store, person, *chosen, entry, soreness, stops, call.today)));
  entry.id = recorded.id;
  call.state.views.bump(call.person_id);
  return json_reply(adapters::session_saved_json(entry, stops, warnings, recorded.clearance), 201);
}

ApiResult<core::Journal> journal_of(Call& call) {
  API_TRY(store, person_store(call));
  return lift(store->load_journal());
}

ApiResult<Reply> list_sessions(Call& call) {
  API_TRY(journal, journal_of(call));
  return json_reply(adapters::sessions_json(journal.sessions));
}

ApiResult<Reply> get_session(Call& call) {
  const std::string text = call.request.matches[1];
  std::int64_t id = 0;
  try {
    id = std::stoll(text);
  } catch (const std::exception&) {
    return api_fail(404, "not_found", "no session " + text, "id");
  }
  API_TRY(journal, journal_of(call));
  for (const auto& s : journal.sessions)
    if (s.id == id) return json_reply(adapters::session_entry_json(s));
  // Someone else's session answers exactly like one that does not exist.
  return api_fail(404, "not_found", "no session " + text, "id");
}

}  // namespace

void add_session_routes(ApiRouter& api) {
  api.post("/api/v1/stop-advice", stop_advice);
  api.post("/api/v1/sessions", post_session);
  api.get("/api/v1/sessions", list_sessions);
  api.get(R"(/api/v1/sessions/(\d+))", get_session);
}

}  // namespace fascia::server
