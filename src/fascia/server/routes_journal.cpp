// The journal: read it whole, add one entry of each kind. Every field is
// checked (naming the field) before anything is written; the answer comes
// after the transaction is durable.
#include <nlohmann/json.hpp>

#include "fascia/adapters/json_views.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/core/journal_analysis.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

ApiResult<Reply> get_journal(Call& call) {
  API_TRY(store, person_store(call));
  API_TRY(journal, lift(store->load_journal()));
  return json_reply(adapters::journal_json(journal));
}

ApiResult<core::Date> entry_date(Call& call, const json& body) {
  API_TRY(date, read_date(body, "date", call.today));
  if (auto ok = app::validate_entry_date(date, call.today, ""); !ok)
    return tl::make_unexpected(from_core(ok.error(), "date"));
  return date;
}

// Validates with the same app rule as the terminal, then stores durably.
template <class Entry, class Validate, class Add>
ApiResult<Reply> save(Call& call, const Entry& entry, Validate validate, Add add, nlohmann::json answer) {
  if (auto ok = validate(entry); !ok) return tl::make_unexpected(from_core(ok.error()));
  return write_through(call, [&](app::JournalStore& store) -> ApiResult<Reply> {
    if (auto ok = lift(add(store, entry)); !ok) return tl::make_unexpected(ok.error());
    return json_reply(answer, 201);
  });
}

ApiResult<Reply> add_pain(Call& call) {
  const auto& kb = call.state.kb;
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"date", "region", "side", "score"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(date, entry_date(call, body));
  API_TRY(where, read_region_side(kb, body));
  API_TRY(score, read_int(body, "score", 0, 10));
  core::PainEntry e{date, where.first, where.second, score};
  return save(
      call, e, [&](auto& x) { return app::validate_pain(kb, x, call.today); },
      [](auto& store, auto& x) { return store.add_pain(x); },
      {{"saved", "pain " + std::to_string(score) + "/10 in " + e.region + " on " + core::format_long_date(date)}});
}

ApiResult<Reply> add_reaction(Call& call) {
  const auto& kb = call.state.kb;
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"date", "region", "side", "redness", "red_dots", "bruising", "soreness"}); !ok)
    return tl::make_unexpected(ok.error());
  API_TRY(date, entry_date(call, body));
  API_TRY(where, read_region_side(kb, body));
  API_TRY(redness, read_bool(body, "redness", false));
  API_TRY(red_dots, read_bool(body, "red_dots", false));
  API_TRY(bruising, read_bool(body, "bruising", false));
  API_TRY(soreness, read_int(body, "soreness", 0, 10, {}, 0));
  core::ReactionEntry e{date, where.first, where.second, redness, red_dots, bruising, soreness};
  const bool settled = core::reaction_settled(kb, e);
  return save(
      call, e, [&](auto& x) { return app::validate_reaction(kb, x, call.today); },
      [](auto& store, auto& x) { return store.add_reaction(x); },
      {{"saved", "check-in for " + e.region + " on " + core::format_long_date(date)}, {"settled", settled}});
}

ApiResult<Reply> add_habit(Call& call) {
  const auto& kb = call.state.kb;
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"date", "habit"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(date, entry_date(call, body));
  API_TRY(habit, read_text(body, "habit"));
  if (!kb.habits.count(habit)) return api_fail(400, "unknown_name", "unknown habit '" + habit + "'", "habit");
  core::HabitEntry e{date, habit};
  return save(
      call, e, [&](auto& x) { return app::validate_habit(kb, x, call.today); },
      [](auto& store, auto& x) { return store.add_habit(x); },
      {{"saved", "habit " + habit + " on " + core::format_long_date(date)}});
}

ApiResult<Reply> add_treatment(Call& call) {
  const auto& kb = call.state.kb;
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"date", "treatment", "region", "note"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(date, entry_date(call, body));
  API_TRY(treatment, read_text(body, "treatment"));
  if (!kb.treatments.count(treatment))
    return api_fail(400, "unknown_name", "unknown treatment '" + treatment + "'", "treatment");
  API_TRY(region, read_text(body, "region", {}, std::string()));
  if (!region.empty() && !kb.region(region))
    return api_fail(400, "unknown_name", "unknown region '" + region + "'", "region");
  API_TRY(note, read_text(body, "note", {}, std::string(), app::kTreatmentNoteLimit.max_characters));
  core::TreatmentEntry e{date, treatment, region, note};
  return save(
      call, e, [&](auto& x) { return app::validate_treatment(kb, x, call.today); },
      [](auto& store, auto& x) { return store.add_treatment(x); },
      {{"saved", "treatment " + treatment + " on " + core::format_long_date(date)}});
}

ApiResult<Reply> add_note(Call& call) {
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"date", "text"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(date, entry_date(call, body));
  API_TRY(text, read_text(body, "text", {}, std::nullopt, app::kNoteLimit.max_characters));
  if (text.empty()) return api_fail(400, "invalid", "text is empty", "text");
  core::NoteEntry e{date, text};
  return save(
      call, e, [&](auto& x) { return app::validate_note(x, call.today); },
      [](auto& store, auto& x) { return store.add_note(x); }, {{"saved", "note on " + core::format_long_date(date)}});
}

}  // namespace

void add_journal_routes(ApiRouter& api) {
  api.get("/api/v1/journal", get_journal);
  api.post("/api/v1/journal/pain", add_pain);
  api.post("/api/v1/journal/reaction", add_reaction);
  api.post("/api/v1/journal/habit", add_habit);
  api.post("/api/v1/journal/treatment", add_treatment);
  api.post("/api/v1/journal/note", add_note);
  add_clearance_routes(api);
}

}  // namespace fascia::server
