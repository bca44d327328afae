// The visit-note part of the clinic store's contract (app/clinic_store.hpp),
// on SQLite and on the PostgreSQL cluster of FASCIA_TEST_PG: a note is
// stored with its first revision, amendments are numbered one after the
// last, notes are listed per person (one clinic or all), newest visit first,
// and no revision can be changed or deleted, even by SQL from outside.
#include <gtest/gtest.h>

#include "unit/adapters/sample_person.hpp"
#include "unit/adapters/test_database.hpp"

using namespace fascia;
using core::ErrorCode;
using fascia::testing::day;
using fascia::testing::Engine;
using fascia::testing::TestDatabase;

namespace {

class VisitNoteStoreContract : public ::testing::TestWithParam<Engine> {};

core::NoteRevision revision(std::int64_t at, const std::string& plan, const std::string& reason = {}) {
  return {.number = 1,
          .author_id = 3,
          .author = "dr.lee",
          .at = at,
          .text = {"neck stiff", "", "", plan},
          .reason = reason};
}

core::VisitNote note(std::int64_t person, std::int64_t clinic, const char* date, std::int64_t at) {
  return {.id = 0,
          .person_id = person,
          .clinic_id = clinic,
          .clinic_name = {},
          .visit_date = day(date),
          .revisions = {revision(at, "review in a week")}};
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, VisitNoteStoreContract, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         fascia::testing::engine_name);

TEST_P(VisitNoteStoreContract, ANoteIsStoredWithItsFirstRevisionAndItsClinicsNameAndReadBackAfterReopening) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const auto clinic = db.clinics()->add_clinic("North Clinic", day("2026-11-01"));
  ASSERT_TRUE(clinic);
  auto given = note(1, clinic->id, "2026-11-20", 500);
  given.revisions.front().number = 7;  // the store numbers it
  const auto stored = db.clinics()->add_visit_note(given);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->id, 1);
  EXPECT_EQ(stored->clinic_name, "North Clinic");
  EXPECT_EQ(stored->revisions.front().number, 1);
  EXPECT_EQ(stored->revisions.front().text.plan, "review in a week");

  auto reopened = db.clinics();
  EXPECT_EQ(*reopened->find_visit_note(stored->id), std::optional<core::VisitNote>(*stored));
  EXPECT_EQ(*reopened->find_visit_note(99), std::nullopt);
}

TEST_P(VisitNoteStoreContract, AmendmentsAreNumberedAfterTheLastAndEveryEarlierRevisionIsKept) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto clinics = db.clinics();
  const auto clinic = clinics->add_clinic("North Clinic", day("2026-11-01"));
  const auto stored = clinics->add_visit_note(note(1, clinic->id, "2026-11-20", 500));
  ASSERT_TRUE(stored);
  const auto second = clinics->add_note_revision(stored->id, revision(600, "review in two weeks", "typo"));
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->number, 2);
  const auto third = clinics->add_note_revision(stored->id, revision(700, "discharged", "seen again"));
  EXPECT_EQ(third->number, 3);

  const auto read = *db.clinics()->find_visit_note(stored->id);
  ASSERT_TRUE(read);
  ASSERT_EQ(read->revisions.size(), 3u);
  EXPECT_EQ(read->revisions[0], stored->revisions[0]) << "the first text, as written";
  EXPECT_EQ(read->revisions[1], *second);
  EXPECT_EQ(read->current(), *third);
  EXPECT_EQ(read->current().reason, "seen again");
  EXPECT_EQ(clinics->add_note_revision(99, revision(800, "x", "y")).error().code, ErrorCode::not_found);
}

TEST_P(VisitNoteStoreContract, NotesAreListedPerPersonNewestVisitFirstForOneClinicOrEveryClinic) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto clinics = db.clinics();
  const auto north = clinics->add_clinic("North Clinic", day("2026-11-01"))->id;
  const auto south = clinics->add_clinic("South Clinic", day("2026-11-01"))->id;
  const auto older = clinics->add_visit_note(note(1, north, "2026-11-10", 100))->id;
  const auto newer = clinics->add_visit_note(note(1, north, "2026-11-20", 50))->id;
  const auto other_clinic = clinics->add_visit_note(note(1, south, "2026-11-15", 200))->id;
  const auto other_person = clinics->add_visit_note(note(2, north, "2026-11-21", 300))->id;

  const auto ids = [](const std::vector<core::VisitNote>& notes) {
    std::vector<std::int64_t> out;
    for (const auto& n : notes) out.push_back(n.id);
    return out;
  };
  EXPECT_EQ(ids(*clinics->visit_notes(1, north)), (std::vector<std::int64_t>{newer, older}));
  EXPECT_EQ(ids(*clinics->visit_notes(1, south)), (std::vector<std::int64_t>{other_clinic}));
  EXPECT_EQ(ids(*clinics->visit_notes(1, std::nullopt)), (std::vector<std::int64_t>{newer, other_clinic, older}));
  EXPECT_EQ(ids(*clinics->visit_notes(2, std::nullopt)), (std::vector<std::int64_t>{other_person}));
  EXPECT_TRUE(clinics->visit_notes(3, std::nullopt)->empty());
  EXPECT_EQ(clinics->visit_notes(1, south)->front().clinic_name, "South Clinic");
}

TEST_P(VisitNoteStoreContract, ANoteNeedsOneRevisionAClinicThatExistsAndTextWithinItsLimits) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto clinics = db.clinics();
  const auto clinic = clinics->add_clinic("North Clinic", day("2026-11-01"))->id;
  EXPECT_EQ(clinics->add_visit_note(note(1, 42, "2026-11-20", 1)).error().code, ErrorCode::invalid_argument);
  auto two = note(1, clinic, "2026-11-20", 1);
  two.revisions.push_back(revision(2, "again"));
  EXPECT_EQ(clinics->add_visit_note(two).error().code, ErrorCode::invalid_argument);
  auto long_text = note(1, clinic, "2026-11-20", 1);
  long_text.revisions.front().text.objective = std::string(4001, 'x');
  EXPECT_EQ(clinics->add_visit_note(long_text).error().code, ErrorCode::invalid_argument);
  EXPECT_TRUE(clinics->visit_notes(1, std::nullopt)->empty()) << "nothing stored";
}

// "No silent edits" holds in the database itself, not only in the code that writes it.
TEST_P(VisitNoteStoreContract, TheDatabaseRefusesChangingOrDeletingANoteOrARevision) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto clinics = db.clinics();
  const auto clinic = clinics->add_clinic("North Clinic", day("2026-11-01"))->id;
  const auto stored = *clinics->add_visit_note(note(1, clinic, "2026-11-20", 500));
  for (const char* sql : {"UPDATE visit_note_revision SET plan = 'edited'", "DELETE FROM visit_note_revision",
                          "UPDATE visit_note SET visit_date = '2026-11-21'", "DELETE FROM visit_note"}) {
    const auto refused = db.refused_sql(sql);
    ASSERT_TRUE(refused) << sql << " ran";
    EXPECT_NE(refused->find("never"), std::string::npos) << *refused;
  }
  EXPECT_EQ(*db.clinics()->find_visit_note(stored.id), std::optional<core::VisitNote>(stored));
}

TEST_P(VisitNoteStoreContract, RestoringKeepsTheIdAndEveryRevisionAndRefusesATakenId) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto clinics = db.clinics();
  ASSERT_TRUE(clinics->restore_clinic({5, "North Clinic", day("2026-11-01")}));
  core::VisitNote copied = note(1, 5, "2026-11-20", 500);
  copied.id = 9;
  copied.clinic_name = "North Clinic";
  auto second = revision(600, "later", "typo");
  second.number = 2;
  copied.revisions.push_back(second);
  ASSERT_TRUE(clinics->restore_visit_note(copied));
  EXPECT_EQ(clinics->restore_visit_note(copied).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(*clinics->find_visit_note(9), std::optional<core::VisitNote>(copied));
  EXPECT_EQ(clinics->add_visit_note(note(1, 5, "2026-11-21", 700))->id, 10) << "after the restored id";
}
