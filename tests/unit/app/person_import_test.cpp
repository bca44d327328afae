// Importing a person's whole record (app/person_import): a file cannot sign
// a clearance on a practitioner's behalf, a restore of one's own export
// keeps what was signed, and a refused file leaves everything as it was.
#include "fascia/app/person_import.hpp"

#include <gtest/gtest.h>

#include "fascia/adapters/memory_store.hpp"
#include "unit/core/fixture_kb.hpp"

using namespace fascia;
using fixture::day;

namespace {

const core::KnowledgeBase kKb = fixture::kb();
const core::Date kToday = day("2026-11-30");

core::ClearanceEntry signed_by_pat(core::Date date) {
  core::ClearanceEntry c{date, "pat (Harbour Clinic)", {}, "seen in clinic", 1};
  c.by_practitioner = true;
  c.clinic_id = 7;
  return c;
}

// One screening with a warning sign, and a clearance marked as a practitioner's.
core::PersonData dizzy_and_cleared() {
  core::PersonData data;
  core::ScreeningRecord dizzy = fixture::with_yes(kKb, {"dizziness-with-neck-movement"});
  dizzy.date = day("2026-11-20");
  data.screenings.push_back(dizzy);
  data.journal.clearances.push_back(signed_by_pat(day("2026-11-21")));
  return data;
}

}  // namespace

TEST(ImportPersonData, AClearanceMarkedAsAPractitionersIsKeptAsThePersonsOwnEntry) {
  adapters::MemoryStore store;
  auto summary = app::import_person_data(kKb, store, dizzy_and_cleared(), kToday);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->clearances_kept_as_own, 1u);
  EXPECT_EQ(summary->screenings, 1u);
  const auto stored = store.load_journal()->clearances;
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_FALSE(stored.front().by_practitioner);
  EXPECT_FALSE(stored.front().clinic_id.has_value());
  // Still a clearance: it lifts the warning sign as one the person typed in would.
  const auto state = core::evaluate_screenings(kKb, *store.load_screenings(), stored);
  ASSERT_EQ(state.history.size(), 1u);
  EXPECT_TRUE(state.history.front().cleared.has_value());
  EXPECT_FALSE(state.history.front().cleared_by_practitioner);
}

TEST(ImportPersonData, ARestoreOfOnesOwnExportKeepsAPractitionersSignature) {
  adapters::MemoryStore store;
  core::ScreeningRecord dizzy = fixture::with_yes(kKb, {"dizziness-with-neck-movement"});
  dizzy.date = day("2026-11-20");
  ASSERT_TRUE(store.add_screening(dizzy));
  ASSERT_TRUE(store.add_clearance(signed_by_pat(day("2026-11-21"))));
  auto exported = store.export_all();
  ASSERT_TRUE(exported);
  auto summary = app::import_person_data(kKb, store, *exported, kToday);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->clearances_kept_as_own, 0u);
  EXPECT_EQ(*store.export_all(), *exported);
}

TEST(ImportPersonData, ARefusedFileChangesNothing) {
  adapters::MemoryStore store;
  ASSERT_TRUE(app::import_person_data(kKb, store, dizzy_and_cleared(), kToday));
  const auto before = store.export_all();
  core::PersonData bad = dizzy_and_cleared();
  bad.journal.pain.push_back({day("2026-11-22"), "no-such-region", core::Side::both, 5});
  auto refused = app::import_person_data(kKb, store, bad, kToday);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::unknown_name) << refused.error().message;
  EXPECT_EQ(*store.export_all(), *before);
}
