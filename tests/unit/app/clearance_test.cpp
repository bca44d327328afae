// Recording screenings and practitioner clearances (app/screening_state,
// app/clearance) on the memory store: what is stored, and the warning signs
// in force afterwards.
#include "fascia/app/clearance.hpp"

#include <gtest/gtest.h>

#include "fascia/adapters/memory_store.hpp"
#include "fascia/app/screening_state.hpp"
#include "unit/core/fixture_kb.hpp"

using namespace fascia;
using core::ErrorCode;
using core::Side;
using fixture::day;

namespace {

const core::KnowledgeBase kKb = fixture::kb();

core::ScreeningRecord dizzy_on(core::Date date) {
  core::ScreeningRecord r = fixture::with_yes(kKb, {"dizziness-with-neck-movement"});
  r.date = date;
  return r;
}

core::ClearanceEntry by_dr_lee(core::Date date, std::vector<core::RegionSide> regions = {}) {
  return {date, "Dr Lee, physiotherapist", std::move(regions), "", 0};
}

}  // namespace

TEST(RecordScreening, StoresTheAnswersWithMidlineSidesAndReturnsTheStateWithThem) {
  adapters::MemoryStore store;
  core::ScreeningRecord wound = fixture::all_clear(kKb);
  wound.answers["open-wound"] = {true, {{"abdomen", Side::both}}};
  auto state = app::record_screening(kKb, store, wound);
  ASSERT_TRUE(state) << state.error().message;
  const auto stored = **store.latest_screening();
  EXPECT_EQ(stored.answers.at("open-wound").regions, (std::vector<core::RegionSide>{{"abdomen", Side::midline}}));
  ASSERT_EQ(state->clearance.findings.size(), 1u);
  EXPECT_EQ(state->clearance.findings.front().rule, "wound");
}

TEST(RecordScreening, RefusesAnswersThatDoNotFitTheQuestionsAndStoresNothing) {
  adapters::MemoryStore store;
  core::ScreeningRecord unknown = fixture::all_clear(kKb);
  unknown.answers["no-such-question"] = {true, {}};
  ASSERT_FALSE(app::record_screening(kKb, store, unknown));
  EXPECT_TRUE(store.load_screenings()->empty());
}

TEST(ScreeningState, AWarningSignStaysAfterANoUntilAClearanceLiftsIt) {
  adapters::MemoryStore store;
  ASSERT_TRUE(app::record_screening(kKb, store, dizzy_on(day("2026-11-23"))));
  auto all_clear = app::record_screening(kKb, store, fixture::all_clear(kKb, day("2026-11-24")));
  ASSERT_TRUE(all_clear);
  ASSERT_EQ(all_clear->clearance.findings.size(), 1u) << "answering no does not lift a warning sign";
  EXPECT_EQ(all_clear->clearance.findings.front().rule, "neck-dizziness");

  auto cleared = app::record_clearance(kKb, store, by_dr_lee(day("2026-11-25")), day("2026-11-25"));
  ASSERT_TRUE(cleared) << cleared.error().message;
  auto state = app::screening_state(kKb, store);
  ASSERT_TRUE(state);
  EXPECT_TRUE(state->clearance.findings.empty());
  ASSERT_EQ(state->history.size(), 1u);
  EXPECT_EQ(state->history.front().cleared, day("2026-11-25"));
  EXPECT_EQ(state->history.front().cleared_by, "Dr Lee, physiotherapist");
}

// The store counts the screenings before a clearance: one noted in the
// morning cannot lift a warning raised that afternoon, though both share a date.
TEST(RecordClearance, CannotLiftAWarningRaisedAfterItWasRecordedOnTheSameDay) {
  adapters::MemoryStore store;
  ASSERT_TRUE(app::record_screening(kKb, store, fixture::all_clear(kKb, day("2026-11-23"))));
  auto morning = app::record_clearance(kKb, store, by_dr_lee(day("2026-11-23")), day("2026-11-23"));
  ASSERT_TRUE(morning) << morning.error().message;
  EXPECT_EQ(morning->after_screenings, 1u);
  ASSERT_TRUE(app::record_screening(kKb, store, dizzy_on(day("2026-11-23"))));
  auto state = app::record_screening(kKb, store, fixture::all_clear(kKb, day("2026-11-24")));
  ASSERT_TRUE(state);
  ASSERT_EQ(state->clearance.findings.size(), 1u);
  EXPECT_EQ(state->clearance.findings.front().rule, "neck-dizziness");
}

TEST(RecordClearance, NormalisesTheAreasAndStoresWhatItReturns) {
  adapters::MemoryStore store;
  ASSERT_TRUE(store.add_screening(fixture::all_clear(kKb, day("2026-11-20"))));
  ASSERT_TRUE(store.add_screening(fixture::all_clear(kKb, day("2026-11-21"))));
  core::ClearanceEntry entry = by_dr_lee(
      day("2026-11-22"), {{"abdomen", Side::both}, {"upper-trapezius", Side::left}, {"upper-trapezius", Side::left}});
  entry.after_screenings = 9;  // the store counts
  auto stored = app::record_clearance(kKb, store, entry, day("2026-11-23"));
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->regions,
            (std::vector<core::RegionSide>{{"abdomen", Side::midline}, {"upper-trapezius", Side::left}}));
  EXPECT_EQ(stored->after_screenings, 2u);
  EXPECT_EQ(store.load_journal()->clearances, std::vector<core::ClearanceEntry>{*stored});
}

TEST(RecordClearance, RefusesWhatDoesNotFitAndStoresNothing) {
  adapters::MemoryStore store;
  auto nobody = app::record_clearance(kKb, store, {day("2026-11-22"), " ", {}, "", 0}, day("2026-11-23"));
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().code, ErrorCode::invalid_argument);
  auto future = app::record_clearance(kKb, store, by_dr_lee(day("2026-11-24")), day("2026-11-23"));
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().code, ErrorCode::bad_date);
  auto unknown =
      app::record_clearance(kKb, store, by_dr_lee(day("2026-11-22"), {{"elbow", Side::left}}), day("2026-11-23"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::unknown_name);
  EXPECT_TRUE(store.load_journal()->clearances.empty());
}

TEST(RecordClearance, AFailedWriteRecordsNoClearanceAndTheWarningStays) {
  adapters::MemoryStore store;
  ASSERT_TRUE(app::record_screening(kKb, store, dizzy_on(day("2026-11-23"))));
  store.database().fail_write({ErrorCode::db_locked, "the database is busy"});
  auto failed = app::record_clearance(kKb, store, by_dr_lee(day("2026-11-24")), day("2026-11-24"));
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::db_locked);
  EXPECT_TRUE(store.load_journal()->clearances.empty());
  EXPECT_EQ(app::screening_state(kKb, store)->clearance.findings.size(), 1u);
}
