// The person's profile, their screening, and "pain here often comes from
// there" referral suggestions.
#include "fascia/adapters/json_views.hpp"
#include "fascia/app/screening_state.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/core/referral.hpp"
#include "fascia/core/screening.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

ApiResult<std::vector<core::RegionTarget>> read_targets(const core::KnowledgeBase& kb, const json& body) {
  auto it = body.find("regions");
  if (it == body.end() || !it->is_array() || it->empty())
    return api_fail(400, "invalid", "regions: name at least one region to work on", "regions");
  if (it->size() > 30) return api_fail(400, "invalid", "regions: at most 30", "regions");
  std::vector<core::RegionTarget> out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string path = "regions[" + std::to_string(i) + "]";
    const json& item = (*it)[i];
    if (!item.is_object()) return api_fail(400, "invalid", path + " must be an object", path);
    if (auto ok = only_fields(item, {"region", "side", "pain"}, path); !ok) return tl::make_unexpected(ok.error());
    API_TRY(region, read_region_side(kb, item, path));
    API_TRY(pain, read_int(item, "pain", 0, 10, path));
    out.push_back({region.first, region.second, pain});
  }
  return out;
}

ApiResult<std::vector<int>> read_weekdays(const json& body) {
  auto it = body.find("weekdays");
  if (it == body.end() || !it->is_array() || it->empty())
    return api_fail(400, "invalid", "weekdays: name at least one day (0 = Monday .. 6 = Sunday)", "weekdays");
  if (it->size() > 7) return api_fail(400, "invalid", "weekdays: at most 7 days", "weekdays");
  std::vector<int> out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string path = "weekdays[" + std::to_string(i) + "]";
    const json& day = (*it)[i];
    // Unsigned first: get<int64_t>() would wrap numbers above int64's range.
    const bool a_day = day.is_number_unsigned()
                           ? day.get<std::uint64_t>() <= 6
                           : day.is_number_integer() && day.get<std::int64_t>() >= 0 && day.get<std::int64_t>() <= 6;
    if (!a_day)
      return api_fail(400, "invalid", path + " " + day.dump() + " is not a whole number 0..6 (0 = Monday)", path);
    out.push_back(day.get<int>());
  }
  return out;
}

ApiResult<core::Profile> read_profile(Call& call, const json& body) {
  const auto& kb = call.state.kb;
  if (auto ok = only_fields(body, {"name", "regions", "tools", "weekdays", "minutes_per_session", "start", "weeks"});
      !ok)
    return tl::make_unexpected(ok.error());
  core::Profile p;
  API_TRY(name, read_text(body, "name", {}, std::string(), app::kProfileNameLimit.max_characters));
  API_TRY(targets, read_targets(kb, body));
  API_TRY(tools, read_string_list(body, "tools", {}, 50));
  for (std::size_t i = 0; i < tools.size(); ++i)
    if (!kb.tools.count(tools[i]) && !kb.kits.count(tools[i]))
      return api_fail(400, "unknown_name", "unknown tool or kit '" + tools[i] + "'",
                      "tools[" + std::to_string(i) + "]");
  API_TRY(weekdays, read_weekdays(body));
  API_TRY(minutes, read_int(body, "minutes_per_session", 5, 120, {}, 20));
  API_TRY(start, read_date(body, "start", call.today));
  API_TRY(weeks, read_int(body, "weeks", 1, 52, {}, 6));
  p.name = name;
  p.regions = targets;
  p.tools = tools;
  p.weekdays = weekdays;
  p.minutes_per_session = minutes;
  p.start = start;
  p.weeks = weeks;
  if (auto ok = app::validate_profile(kb, p); !ok) return tl::make_unexpected(from_core(ok.error()));
  return p;
}

ApiResult<Reply> get_profile(Call& call) {
  API_TRY(store, person_store(call));
  API_TRY(profile, lift(store->load_profile()));
  if (!profile) return api_fail(404, "not_found", "no profile yet");
  return json_reply(adapters::profile_json(*profile), 200, JsonLayout::indented);
}

ApiResult<Reply> put_profile(Call& call) {
  API_TRY(body, parse_object_body(call.request));
  API_TRY(profile, read_profile(call, body));
  return write_through(call, [&](app::JournalStore& store) -> ApiResult<Reply> {
    if (auto ok = lift(store.save_profile(profile)); !ok) return tl::make_unexpected(ok.error());
    return json_reply(adapters::profile_json(profile), 200, JsonLayout::indented);
  });
}

// The answers given, each checked (post_screening checks that none is missing).
ApiResult<std::map<std::string, core::Answer>> read_answers(const core::KnowledgeBase& kb, const json& body) {
  auto it = body.find("answers");
  if (it == body.end() || !it->is_object())
    return api_fail(400, "invalid", "answers must be an object of question id -> {yes, regions}", "answers");
  std::map<std::string, core::Answer> out;
  for (const auto& [id, value] : it->items()) {
    const std::string path = "answers." + id;
    const core::Question* question = nullptr;
    for (const auto& q : kb.questions)
      if (q.id == id) question = &q;
    if (!question) return api_fail(400, "unknown_name", "unknown screening question '" + id + "'", path);
    if (!value.is_object()) return api_fail(400, "invalid", path + " must be an object {yes, regions}", path);
    if (auto ok = only_fields(value, {"yes", "regions"}, path); !ok) return tl::make_unexpected(ok.error());
    if (!value.contains("yes")) return api_fail(400, "invalid", path + ".yes is required", path + ".yes");
    API_TRY(yes, read_bool(value, "yes", false, path));
    API_TRY(regions, read_region_sides(kb, value, "regions", path));
    out[id] = core::Answer{yes, regions};
  }
  return out;
}

// POST /api/v1/screening: {answers: {question id: {yes, regions?}}, stop_early?}
// -> 201 the clearance. 400 for a missing, unknown or malformed answer; with
// stop_early, unanswered questions are allowed only when the answers given
// reach emergency or urgent (core::close_early_on_alarm).
ApiResult<Reply> post_screening(Call& call) {
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"answers", "stop_early"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(stop_early, read_bool(body, "stop_early", false));
  API_TRY(answers, read_answers(call.state.kb, body));
  core::ScreeningRecord record{call.today, answers};
  if (stop_early)
    if (auto closed = core::close_early_on_alarm(call.state.kb, record)) record = std::move(*closed);
  // No answer is ever assumed: every question needs one, unless the answers
  // given already called for help now (then the rest were recorded as no).
  for (const auto& q : call.state.kb.questions)
    if (!record.answers.count(q.id))
      return api_fail(400, "invalid",
                      "answers." + q.id + " is required" +
                          (stop_early ? ": the questions may stop early only when the answers given call for "
                                        "emergency or same-day help"
                                      : ""),
                      "answers." + q.id);
  if (auto ok = core::validate_answers(call.state.kb, record); !ok)
    return tl::make_unexpected(from_core(ok.error(), "answers"));
  return write_through(call, [&](app::JournalStore& store) -> ApiResult<Reply> {
    API_TRY(state, lift(app::record_screening(call.state.kb, store, record)));
    return json_reply(adapters::clearance_json(state.clearance), 201, JsonLayout::indented);
  });
}

ApiResult<Reply> get_screening(Call& call) {
  API_TRY(store, person_store(call));
  API_TRY(record, lift(store->latest_screening()));
  if (!record) return api_fail(404, "not_found", "no screening yet");
  API_TRY(state, lift(app::screening_state(call.state.kb, *store)));
  return json_reply(adapters::screening_json(*record, state.clearance));
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const auto end = std::min(text.find(',', pos), text.size());
    if (end > pos) out.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

ApiResult<Reply> referral(Call& call) {
  // Comma-separated, and the parameter may repeat (?locations=a&locations=b): every value counts.
  std::vector<std::string> locations;
  const std::size_t given = call.request.param_count("locations");
  for (std::size_t i = 0; i < given; ++i)
    for (auto& l : split_commas(call.request.param("locations", i))) locations.push_back(std::move(l));
  if (locations.empty())
    return api_fail(400, "invalid", "locations: name at least one place where it hurts (see kb/locations)",
                    "locations");
  if (locations.size() > 30) return api_fail(400, "invalid", "locations: at most 30", "locations");
  API_TRY(suggestions, lift(core::suggest_sources(call.state.kb, locations), "locations"));
  return json_reply(adapters::referral_json(suggestions, core::referral_warnings(call.state.kb, locations)), 200,
                    JsonLayout::indented);
}

}  // namespace

void add_profile_routes(ApiRouter& api) {
  api.get("/api/v1/profile", get_profile);
  api.put("/api/v1/profile", put_profile);
  api.get("/api/v1/screening", get_screening);
  api.post("/api/v1/screening", post_screening);
  api.get("/api/v1/referral", referral);
}

}  // namespace fascia::server
