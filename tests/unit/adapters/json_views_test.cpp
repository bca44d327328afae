// The views and the export share one encoding per type: each value a view
// shows is the same JSON object as the export writes for it, and a view adds
// its derived fields on top instead of encoding the value again.
#include "fascia/adapters/json_views.hpp"

#include <gtest/gtest.h>

#include "fascia/adapters/json_codec.hpp"
#include "fascia/adapters/json_kb_views.hpp"
#include "fascia/adapters/json_text.hpp"
#include "unit/adapters/sample_person.hpp"

using namespace fascia;
using fascia::testing::day;
using fascia::testing::sample_person;
using nlohmann::json;

namespace {

// The export of the sample person, read back as a plain value (keys sorted,
// as the views keep them).
json exported() { return json::parse(adapters::person_data_to_json(sample_person())); }

core::KnowledgeBase kb_with_trapezius() {
  core::KnowledgeBase kb;
  core::Region trapezius;
  trapezius.id = "upper-trapezius";
  trapezius.name = "Top of the shoulder";
  kb.regions[trapezius.id] = trapezius;
  kb.caps.soreness_resolved_at = {2, "seed-000"};
  return kb;
}

}  // namespace

TEST(JsonViews, ASessionInTheApiIsTheSessionTheExportWrites) {
  const auto data = sample_person();
  const json journal = exported()["journal"];
  ASSERT_EQ(journal["sessions"].size(), data.journal.sessions.size());
  for (std::size_t i = 0; i < data.journal.sessions.size(); ++i)
    EXPECT_EQ(adapters::session_entry_json(data.journal.sessions[i]), journal["sessions"][i]) << i;
  EXPECT_EQ(adapters::sessions_json(data.journal.sessions), journal["sessions"]);
}

TEST(JsonViews, TheSavedSessionAddsItsStopsToTheExportedSession) {
  const auto session = sample_person().journal.sessions[0];
  const core::StopOutcome stop{core::StopAction::stop_session, {{"numbness", "stop now", "seed-000"}}, {}, true};
  json view = adapters::session_json(session, {stop});
  ASSERT_TRUE(view.contains("stops"));
  EXPECT_EQ(view["stops"][0]["action"], "stop-session");
  view.erase("stops");
  EXPECT_EQ(view, exported()["journal"]["sessions"][0]);
  EXPECT_EQ(adapters::session_saved_json(session, {stop}, {}, std::nullopt)["session"],
            exported()["journal"]["sessions"][0]);
}

TEST(JsonViews, TheProfileJournalAndClearancesAreTheExportsParts) {
  const auto data = sample_person();
  const json doc = exported();
  EXPECT_EQ(adapters::profile_json(*data.profile), doc["profile"]);
  EXPECT_EQ(adapters::journal_json(data.journal), doc["journal"]);
  EXPECT_EQ(adapters::clearances_json(data.journal.clearances), doc["journal"]["clearances"]);
}

TEST(JsonViews, TheScreeningViewIsTheExportedScreeningWithItsOutcome) {
  const auto data = sample_person();
  core::Clearance clearance;
  clearance.level = core::ClearanceLevel::cleared;
  json view = adapters::screening_json(data.screenings[0], clearance);
  EXPECT_EQ(view["clearance"], adapters::clearance_json(clearance));
  view.erase("clearance");
  EXPECT_EQ(view, exported()["screenings"][0]);
}

TEST(JsonViews, ACheckInAreaIsTheExportedCheckInWithItsRegionNameAndWhetherItSettled) {
  const auto kb = kb_with_trapezius();
  const auto data = sample_person();
  const core::ReactionEntry& sore = data.journal.reactions[0];  // redness and bruising: not settled
  app::SessionCheckinSaved saved;
  saved.form = {7, day("2026-03-02"), day("2026-03-03"), {sore}};
  saved.saved = {sore};
  const json form = adapters::checkin_form_json(kb, saved.form);
  EXPECT_EQ(form["session_date"], "2026-03-02");
  EXPECT_EQ(form["counts_from"], "2026-03-03");

  json area = adapters::checkin_saved_json(kb, saved)["saved"][0];
  EXPECT_EQ(area["region_name"], "Top of the shoulder");
  EXPECT_EQ(area["settled"], false);
  area.erase("region_name");
  area.erase("settled");
  EXPECT_EQ(area, exported()["journal"]["reactions"][0]);

  json undated = form["areas"][0];
  EXPECT_FALSE(undated.contains("date"));  // the form's areas are not dated yet
  undated["date"] = "2026-03-03";
  undated.erase("region_name");
  undated.erase("settled");
  EXPECT_EQ(undated, exported()["journal"]["reactions"][0]);
}

TEST(JsonViews, AnUnknownRegionIsNamedByItsIdAndASettledCheckInSaysSo) {
  const auto kb = kb_with_trapezius();
  app::SessionCheckinForm form{1, day("2026-03-02"), day("2026-03-03"), {{{}, "neck", core::Side::left}}};
  const json area = adapters::checkin_form_json(kb, form)["areas"][0];
  EXPECT_EQ(area["region_name"], "neck");
  EXPECT_EQ(area["settled"], true);
}

TEST(JsonViews, ViewsKeepKeysSortedWhileTheExportKeepsItsOwnOrder) {
  const auto session = sample_person().journal.sessions[0];
  const std::string view = adapters::json_text(adapters::session_entry_json(session));
  EXPECT_EQ(view.rfind("{\"date\":\"2026-03-02\",\"id\":1,\"other_stop_signs\":[", 0), 0u) << view;
  const std::string text = adapters::person_data_to_json(sample_person());
  const auto at = text.find("\"sessions\": [");
  ASSERT_NE(at, std::string::npos);
  const std::string in_order = "\"sessions\": [\n      {\n        \"id\": 1,\n        \"date\": \"2026-03-02\",";
  EXPECT_EQ(text.compare(at, in_order.size(), in_order), 0) << text.substr(at, 120);
}

TEST(JsonKbViews, AnUnknownKindOrIdIsNoValue) {
  const auto kb = kb_with_trapezius();
  EXPECT_FALSE(adapters::kb_list_json(kb, "nonsense"));
  EXPECT_FALSE(adapters::kb_entry_json(kb, "regions", "nonsense"));
  const auto region = adapters::kb_entry_json(kb, "regions", "upper-trapezius");
  ASSERT_TRUE(region);
  EXPECT_EQ((*region)["name"], "Top of the shoulder");
  const auto cap = adapters::kb_entry_json(kb, "caps", "soreness-resolved-at");
  ASSERT_TRUE(cap);
  EXPECT_EQ(*cap, (json{{"source", "seed-000"}, {"value", 2}}));
}
