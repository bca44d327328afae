// Practitioner clearances: POST records one (who, when, which regions), GET
// lists them. A clearance lifts warning-sign findings raised on or before its
// date (app::record_clearance, core::evaluate_screenings).
#include "fascia/adapters/json_views.hpp"
#include "fascia/app/clearance.hpp"
#include "fascia/app/text_limits.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

ApiResult<Reply> get_clearances(Call& call) {
  API_TRY(store, person_store(call));
  API_TRY(journal, lift(store->load_journal()));
  return json_reply(adapters::clearances_json(journal.clearances), 200, JsonLayout::indented);
}

ApiResult<Reply> post_clearance(Call& call) {
  const auto& kb = call.state.kb;
  API_TRY(body, parse_object_body(call.request));
  if (auto ok = only_fields(body, {"by", "date", "regions", "note"}); !ok) return tl::make_unexpected(ok.error());
  API_TRY(by, read_text(body, "by", {}, std::nullopt, app::kClearanceByLimit.max_characters));
  API_TRY(date, read_date(body, "date", call.today));
  if (auto ok = app::validate_entry_date(date, call.today, "clearance"); !ok)
    return tl::make_unexpected(from_core(ok.error(), "date"));
  API_TRY(regions, read_region_sides(kb, body, "regions", ""));
  API_TRY(note, read_text(body, "note", {}, std::string(), app::kClearanceNoteLimit.max_characters));
  core::ClearanceEntry entry{date, by, regions, note};
  if (auto ok = app::validate_clearance(kb, entry, call.today); !ok) return tl::make_unexpected(from_core(ok.error()));
  return write_through(call, [&](app::JournalStore& store) -> ApiResult<Reply> {
    API_TRY(stored, lift(app::record_clearance(kb, store, entry, call.today)));
    return json_reply(adapters::clearances_json({stored}), 201, JsonLayout::indented);
  });
}

}  // namespace

void add_clearance_routes(ApiRouter& api) {
  api.get("/api/v1/clearances", get_clearances);
  api.post("/api/v1/clearances", post_clearance);
}

}  // namespace fascia::server
