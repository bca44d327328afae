// Derived views: the plan, today's sessions (or why not today), progress.
// Each is computed by the same app functions as the terminal commands and
// kept for a moment in the view cache.
#include "fascia/adapters/json_text.hpp"
#include "fascia/adapters/json_views.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

using Compute = nlohmann::json (*)(const core::KnowledgeBase&, const app::PersonState&, core::Date);

nlohmann::json plan_body(const core::KnowledgeBase& kb, const app::PersonState& person, core::Date today) {
  return adapters::plan_json(app::current_plan(kb, person, today));
}

nlohmann::json today_body(const core::KnowledgeBase& kb, const app::PersonState& person, core::Date today) {
  return adapters::today_json(app::current_today(kb, person, today));
}

nlohmann::json progress_body(const core::KnowledgeBase& kb, const app::PersonState& person, core::Date today) {
  auto out = adapters::progress_json(app::current_progress(kb, person, today));
  // The band a chart draws around the baseline: a change counts as
  // meaningful when it reaches either figure.
  out["meaningful_change"] = {{"points", kb.caps.meaningful_change_points.value},
                              {"percent", kb.caps.meaningful_change_percent.value}};
  return out;
}

RouteHandler cached_view(std::string name, Compute compute) {
  return [name = std::move(name), compute](Call& call) -> ApiResult<Reply> {
    auto& views = call.state.views;
    API_TRY(store, person_store(call));
    API_TRY(revision, lift(store->revision()));
    if (auto hit = views.find(call.person_id, name, call.today, revision)) return json_reply(*hit);
    const auto filling = views.fill_lock(call.person_id, name);
    API_TRY(current, lift(store->revision()));
    if (auto hit = views.find(call.person_id, name, call.today, current))
      return json_reply(*hit);  // computed by the caller we waited for
    API_TRY(person, load_person_state(call, *store));
    // Compact on the wire; written once per cache fill, not per request.
    std::string body = adapters::json_text(compute(call.state.kb, person, call.today));
    views.store(call.person_id, name, call.today, current, body);
    return json_reply(std::move(body));
  };
}

}  // namespace

void add_plan_routes(ApiRouter& api) {
  api.get("/api/v1/plan", cached_view("plan", plan_body));
  api.get("/api/v1/today", cached_view("today", today_body));
  api.get("/api/v1/progress", cached_view("progress", progress_body));
}

}  // namespace fascia::server
