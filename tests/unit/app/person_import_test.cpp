// Importing a person's whole record (app/person_import, ADR 0027): a file
// cannot sign a clearance on a practitioner's behalf, nor bring in, change or
// remove a home program or a clinic treatment; a restore of one's own export
// keeps what was signed; a refused file leaves everything as it was.
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

core::HomeProgram neck_by_pat() {
  core::HomeProgram p;  // id 0: the store gives the new program its id (1)
  p.practitioner_id = 7;
  p.practitioner = "pat";
  p.clinic_id = 7;
  p.clinic = "Harbour Clinic";
  p.assigned = day("2026-11-23");
  p.start = day("2026-11-23");
  p.weeks = 6;
  p.review = day("2026-12-21");
  p.weekdays = {0, 2, 4};
  p.items = {{"neck", {"upper-trapezius", core::Side::both}, 4, 100, "breathe out on each stroke"}};
  return p;
}

core::ClinicTreatmentEntry iastm_by_pat() {
  core::ClinicTreatmentEntry t;
  t.date = day("2026-11-24");
  t.treatment = "clinic-iastm";
  t.regions = {{"upper-trapezius", core::Side::left}};
  t.minutes = 5;
  t.practitioner_id = 7;
  t.practitioner = "pat";
  t.clinic_id = 7;
  return t;
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

  // The same signed clearance twice in a file: one signature is held, so one copy is the person's own.
  core::PersonData twice = *exported;
  twice.journal.clearances.push_back(twice.journal.clearances.front());
  auto doubled = app::import_person_data(kKb, store, twice, kToday);
  ASSERT_TRUE(doubled) << doubled.error().message;
  EXPECT_EQ(doubled->clearances_kept_as_own, 1u);
  const auto after = store.load_journal()->clearances;
  ASSERT_EQ(after.size(), 2u);
  EXPECT_NE(after[0].by_practitioner, after[1].by_practitioner) << "one signed, one the person's";
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

TEST(ImportPersonData, AProgramOrClinicTreatmentTheDatabaseDoesNotHoldIsRefusedAndNothingChanges) {
  adapters::MemoryStore store;
  ASSERT_TRUE(store.add_program_version(neck_by_pat()));
  ASSERT_TRUE(store.add_clinic_treatment(iastm_by_pat()));
  const auto before = store.export_all();
  ASSERT_TRUE(before);

  core::PersonData forged = *before;
  forged.programs[0].items[0].cue = "press hard, pain is good";  // pat's program, changed
  auto changed = app::import_person_data(kKb, store, forged, kToday);
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, core::ErrorCode::invalid_argument);
  EXPECT_NE(changed.error().message.find("programs[0]: home program 1 (version 1, assigned by pat, Harbour Clinic)"),
            std::string::npos)
      << changed.error().message;

  forged = *before;
  core::HomeProgram other = forged.programs[0];
  other.id = 2;
  other.practitioner = "zoe";
  other.clinic = "South Clinic";
  forged.programs.push_back(other);  // a program nobody assigned here
  EXPECT_FALSE(app::import_person_data(kKb, store, forged, kToday));

  forged = *before;
  core::ClinicTreatmentEntry ghost = iastm_by_pat();
  ghost.id = 99;
  ghost.practitioner = "ghost";
  forged.journal.clinic_treatments.push_back(ghost);
  auto added = app::import_person_data(kKb, store, forged, kToday);
  ASSERT_FALSE(added);
  EXPECT_NE(added.error().message.find("journal.clinic_treatments[1]: clinic treatment 99 (by ghost)"),
            std::string::npos)
      << added.error().message;
  EXPECT_EQ(*store.export_all(), *before);
}

TEST(ImportPersonData, WhatAPractitionerRecordedIsKeptWhenTheFileLeavesItOutOrChangesIt) {
  adapters::MemoryStore store;
  ASSERT_TRUE(store.add_program_version(neck_by_pat()));
  ASSERT_TRUE(store.add_clinic_treatment(iastm_by_pat()));
  core::ScreeningRecord dizzy = fixture::with_yes(kKb, {"dizziness-with-neck-movement"});
  dizzy.date = day("2026-11-20");
  ASSERT_TRUE(store.add_screening(dizzy));
  const auto signed_entry = store.add_clearance(signed_by_pat(day("2026-11-21")));
  ASSERT_TRUE(signed_entry);

  // An older backup without them, whose copy of pat's clearance names one area more.
  core::PersonData file;
  file.screenings.push_back(dizzy);
  core::ClearanceEntry edited = *signed_entry;
  edited.regions = {{"suboccipitals", core::Side::both}};
  file.journal.clearances.push_back(edited);
  auto summary = app::import_person_data(kKb, store, file, kToday);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->practitioner_records_kept, 3u);  // the program, the clinic treatment, the signed clearance
  EXPECT_EQ(summary->clearances_kept_as_own, 1u);
  const auto after = store.export_all();
  EXPECT_EQ(after->programs.size(), 1u);
  EXPECT_EQ(after->journal.clinic_treatments.size(), 1u);
  ASSERT_EQ(after->journal.clearances.size(), 2u);
  const auto signed_count = std::count_if(after->journal.clearances.begin(), after->journal.clearances.end(),
                                          [](const core::ClearanceEntry& c) { return c.by_practitioner; });
  EXPECT_EQ(signed_count, 1) << "pat's own clearance is kept, signed; the edited copy is the person's";
}
