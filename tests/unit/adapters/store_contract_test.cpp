// The journal store's contract (app/journal_store.hpp), one suite run on
// every engine: SQLite, the PostgreSQL cluster of FASCIA_TEST_PG (ADR 0014),
// and the memory store that app/ tests stand on (so those tests stand on a
// faithful store). Engine-only behaviour (files, PRAGMAs, connection
// settings) is in sqlite_store_test.cpp, pg_store_test.cpp and
// memory_store_test.cpp.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "unit/adapters/sample_person.hpp"
#include "unit/adapters/test_database.hpp"

using namespace fascia;
using core::ErrorCode;
using fascia::testing::day;
using fascia::testing::Engine;
using fascia::testing::sample_person;
using fascia::testing::sample_session;
using fascia::testing::TestDatabase;

namespace {
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
class StoreContract : public ::testing::TestWithParam<Engine> {};
}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, StoreContract, ::testing::Values(Engine::sqlite, Engine::postgresql, Engine::memory),
                         fascia::testing::engine_name);

TEST_P(StoreContract, KeepsEveryAcknowledgedEntryAfterReopening) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const core::PersonData expected = sample_person();
  {
    auto store = db.store();
    ASSERT_TRUE(store->save_profile(*expected.profile));
    for (const auto& s : expected.screenings) ASSERT_TRUE(store->add_screening(s));
    for (const auto& e : expected.journal.pain) ASSERT_TRUE(store->add_pain(e));
    for (const auto& e : expected.journal.reactions) ASSERT_TRUE(store->add_reaction(e));
    for (const auto& e : expected.journal.habits) ASSERT_TRUE(store->add_habit(e));
    for (const auto& e : expected.journal.treatments) ASSERT_TRUE(store->add_treatment(e));
    for (const auto& e : expected.journal.notes) ASSERT_TRUE(store->add_note(e));
    for (const auto& e : expected.journal.clearances) ASSERT_TRUE(store->add_clearance(e).has_value());
    for (auto s : expected.journal.sessions) {
      s.id = 0;  // the store assigns ids
      ASSERT_TRUE(store->add_session(s));
    }
    for (auto t : expected.journal.clinic_treatments) {
      t.id = 0;  // the store assigns ids
      ASSERT_TRUE(store->add_clinic_treatment(t));
    }
    for (auto p : expected.programs) {
      if (p.version == 1) p.id = 0;  // a new program; later versions name theirs
      const auto stored = store->add_program_version(p);
      ASSERT_TRUE(stored) << stored.error().message;
    }
  }
  auto reopened = db.store();
  auto all = reopened->export_all();
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(*all, expected);
  EXPECT_EQ(*reopened->load_profile(), expected.profile);
  EXPECT_EQ(*reopened->load_journal(), expected.journal);
}

TEST_P(StoreContract, NumbersSessionsAndKeepsTheirStepLogsInOrder) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = db.store();
  auto first = store->add_session(sample_session(0, "2026-03-02"));
  auto second = store->add_session(sample_session(0, "2026-03-03"));
  ASSERT_TRUE(first && second);
  EXPECT_EQ(*first, 1);
  EXPECT_EQ(*second, 2);
  auto journal = store->load_journal();
  ASSERT_TRUE(journal);
  ASSERT_EQ(journal->sessions.size(), 2u);
  EXPECT_EQ(journal->sessions[1], sample_session(2, "2026-03-03"));
  EXPECT_EQ(journal->sessions[0].steps[0].pressure_used, std::nullopt);
  EXPECT_EQ(journal->sessions[0].steps[2].pressure_used, 6);
}

TEST_P(StoreContract, ReturnsEntriesInDateOrderWithTiesInTheOrderStored) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = db.store();
  ASSERT_TRUE(store->add_pain({day("2026-03-09"), "neck", core::Side::both, 5}));
  ASSERT_TRUE(store->add_pain({day("2026-03-01"), "neck", core::Side::both, 7}));
  ASSERT_TRUE(store->add_pain({day("2026-03-09"), "neck", core::Side::both, 2}));
  auto journal = store->load_journal();
  ASSERT_TRUE(journal);
  ASSERT_EQ(journal->pain.size(), 3u);
  EXPECT_EQ(journal->pain[0].score, 7);
  EXPECT_EQ(journal->pain[1].score, 5);
  EXPECT_EQ(journal->pain[2].score, 2);
}

TEST_P(StoreContract, HasNoProfileOrScreeningUntilOneIsSaved) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = db.store();
  EXPECT_EQ(*store->load_profile(), std::nullopt);
  EXPECT_EQ(*store->latest_screening(), std::nullopt);
  EXPECT_EQ(*store->export_all(), core::PersonData{});
}

TEST_P(StoreContract, LatestScreeningIsTheOneWithTheNewestDate) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = db.store();
  const auto data = sample_person();
  ASSERT_TRUE(store->add_screening(data.screenings[1]));  // newer, stored first
  ASSERT_TRUE(store->add_screening(data.screenings[0]));
  EXPECT_EQ(*store->latest_screening(), data.screenings[1]);
}

TEST_P(StoreContract, SavingAProfileReplacesThePreviousOne) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = db.store();
  core::Profile profile = *sample_person().profile;
  ASSERT_TRUE(store->save_profile(profile));
  profile.regions.pop_back();
  profile.tools = {"foam-roller"};
  profile.weekdays = {6};
  ASSERT_TRUE(store->save_profile(profile));
  EXPECT_EQ(*store->load_profile(), profile);
}

// The monitoring list reads a long journal from a day on (ADR 0020): for
// every cut, from before the first entry to after the last, the entries
// dated then or later in the whole journal's order, every clearance still.
TEST_P(StoreContract, LoadsTheJournalSinceADayWithEveryClearanceAndTheWholeJournalsOrder) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = db.store();
  ASSERT_TRUE(store->replace_all(sample_person()));
  ASSERT_TRUE(store->add_pain({day("2026-03-05"), "lumbar", core::Side::midline, 3}));  // a tie on the cut day
  const auto whole = store->load_journal();
  ASSERT_TRUE(whole);
  ASSERT_FALSE(whole->clinic_treatments.empty());
  for (core::Date from = day("2026-02-27"); from <= day("2026-04-03"); from = core::add_days(from, 1)) {
    core::Journal expected = *whole;
    const auto before = [from](const auto& entry) { return entry.date < from; };
    std::erase_if(expected.pain, before);
    std::erase_if(expected.reactions, before);
    std::erase_if(expected.habits, before);
    std::erase_if(expected.treatments, before);
    std::erase_if(expected.notes, before);
    std::erase_if(expected.sessions, before);
    std::erase_if(expected.clinic_treatments, before);
    const auto since = store->load_journal_since(from);
    ASSERT_TRUE(since) << since.error().message;
    EXPECT_EQ(*since, expected) << "since " << core::format_date(from);
  }
}

TEST_P(StoreContract, ReplaceAllThenExportAllReturnsTheSameData) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = db.store();
  ASSERT_TRUE(store->add_pain({day("2025-01-01"), "old", core::Side::left, 9}));
  const auto data = sample_person();
  auto replaced = store->replace_all(data);
  ASSERT_TRUE(replaced) << replaced.error().message;
  EXPECT_EQ(*store->export_all(), data);
}

TEST_P(StoreContract, KeepsEachPersonsDataInvisibleToOthers) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto person1 = db.store(1);
  auto person2 = db.store(2);
  ASSERT_TRUE(person2->replace_all(sample_person()));
  EXPECT_EQ(*person1->export_all(), core::PersonData{});
  const auto id = *person1->add_session(sample_session(0, "2026-05-01"));
  for (const auto& s : sample_person().journal.sessions) EXPECT_NE(id, s.id) << "ids are unique across people";

  ASSERT_TRUE(person1->replace_all(core::PersonData{}));
  EXPECT_EQ(*person2->export_all(), sample_person());
}

TEST_P(StoreContract, AnImportNeverTakesASessionIdAnotherPersonHolds) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto person1 = db.store(1);
  auto person2 = db.store(2);
  const auto first = *person1->add_session(sample_session(0, "2026-05-01"));   // id 1
  const auto second = *person1->add_session(sample_session(0, "2026-05-03"));  // id 2
  core::PersonData imported = sample_person();  // sessions 1 and 2, plus one without an id
  imported.journal.sessions.push_back(sample_session(0, "2026-03-06"));
  ASSERT_TRUE(person2->replace_all(imported));
  std::set<std::int64_t> ids{first, second};
  const auto exported = person2->export_all();
  ASSERT_TRUE(exported);
  for (const auto& s : exported->journal.sessions)
    EXPECT_TRUE(ids.insert(s.id).second) << "id " << s.id << " is held twice in the file";
  const auto next = person1->add_session(sample_session(0, "2026-05-05"));
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_TRUE(ids.insert(*next).second) << "new id " << *next << " collides";
}

// New ids never pass what an import accepts, so every export imports again:
// after the largest, the lowest free id.
TEST_P(StoreContract, ANewSessionAfterImportingTheLargestIdGetsTheLowestFreeOne) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = db.store();
  core::PersonData imported = sample_person();  // sessions 1 and 2
  imported.journal.sessions[1].id = app::kMaxSessionId;
  ASSERT_TRUE(store->replace_all(imported));
  const auto next = store->add_session(sample_session(0, "2026-05-05"));
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_EQ(*next, 2);
  const auto exported = store->export_all();
  ASSERT_TRUE(exported);
  TestDatabase other(GetParam());
  auto again = other.store();
  EXPECT_TRUE(again->replace_all(*exported)) << "an export must import again";
  imported.journal.sessions[1].id = app::kMaxSessionId + 1;
  const auto refused = store->replace_all(imported);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::out_of_range);
}

TEST_P(StoreContract, ReplaceAllThatFailsOnItsLastRowKeepsTheOldData) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = db.store();
  const auto old_data = sample_person();
  ASSERT_TRUE(store->replace_all(old_data));

  core::PersonData new_data;
  new_data.journal.pain = {{day("2026-06-01"), "neck", core::Side::both, 1}};
  new_data.journal.sessions = {sample_session(1, "2026-06-01")};
  new_data.journal.sessions[0].steps.back().pressure_used = 11;  // violates a CHECK in the very last insert
  auto replaced = store->replace_all(new_data);
  ASSERT_FALSE(replaced);
  EXPECT_EQ(replaced.error().code, ErrorCode::db_error);
  EXPECT_TRUE(
      contains(replaced.error().message, GetParam() == Engine::sqlite ? "CHECK constraint failed" : "check constraint"))
      << replaced.error().message;
  EXPECT_EQ(*store->export_all(), old_data);
}

TEST_P(StoreContract, SessionWhoseLastStepIsRejectedIsNotStoredAtAll) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = db.store();
  auto session = sample_session(0, "2026-06-01");
  session.steps.back().seconds = -1;
  ASSERT_FALSE(store->add_session(session));
  EXPECT_TRUE(store->load_journal()->sessions.empty());
  EXPECT_EQ(*store->add_session(sample_session(0, "2026-06-01")), 1);
}

TEST_P(StoreContract, StoresASessionWithItsCheckInsAndRescreeningAllOrNothing) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = db.store();
  app::SessionRecord record{sample_session(0, "2026-06-01"),
                            {{day("2026-06-01"), "upper-trapezius", core::Side::left, false, false, false, 3}},
                            core::ScreeningRecord{day("2026-06-01"), {{"dizziness-with-neck-movement", {true, {}}}}}};
  auto id = store->add_session_record(record);
  ASSERT_TRUE(id) << id.error().message;
  auto journal = *store->load_journal();
  EXPECT_EQ(journal.sessions.size(), 1u);
  EXPECT_EQ(journal.reactions, record.checkins);
  EXPECT_EQ(**store->latest_screening(), *record.rescreen);

  // A check-in the database refuses (score out of its CHECK range) takes the session with it.
  app::SessionRecord broken = record;
  broken.checkins.front().soreness = 42;
  EXPECT_FALSE(store->add_session_record(broken));
  EXPECT_EQ(*store->load_journal(), journal);
}

TEST_P(StoreContract, AClearanceRemembersHowManyScreeningsCameBeforeIt) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  const core::PersonData person = sample_person();
  auto store = db.store();
  core::ClearanceEntry clearance{day("2026-03-20"), "Dr Lee", {}, "", 7};  // 7 is ignored: the store counts
  ASSERT_TRUE(store->add_clearance(clearance));
  ASSERT_TRUE(store->add_screening(person.screenings[0]));
  ASSERT_TRUE(store->add_clearance(clearance));
  ASSERT_TRUE(store->add_screening(person.screenings[1]));
  ASSERT_TRUE(store->add_clearance(clearance));
  const auto clearances = store->load_journal()->clearances;
  ASSERT_EQ(clearances.size(), 3u);
  EXPECT_EQ(clearances[0].after_screenings, 0u);
  EXPECT_EQ(clearances[1].after_screenings, 1u);
  EXPECT_EQ(clearances[2].after_screenings, 2u);
}

// Issue 10: a practitioner's clinic treatment, with its areas in order,
// numbered across the database like sessions; a value outside the schema's
// ranges is refused whole; each write raises the person's revision.
TEST_P(StoreContract, StoresClinicTreatmentsWithTheirAreasNumberedAcrossPeople) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto ana = db.store(1);
  auto ben = db.store(2);
  const core::ClinicTreatmentEntry sample = sample_person().journal.clinic_treatments[0];
  core::ClinicTreatmentEntry later = sample;
  later.date = day("2026-03-12");
  const auto first = ana->add_clinic_treatment(later);
  ASSERT_TRUE(first) << first.error().message;
  const auto revision = *ana->revision();
  const auto other = ben->add_clinic_treatment(sample);
  ASSERT_TRUE(other) << other.error().message;
  const auto second = ana->add_clinic_treatment(sample);  // earlier date, stored later
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(std::set<std::int64_t>({*first, *other, *second}).size(), 3u) << "ids are unique across people";
  EXPECT_GT(*ana->revision(), revision);

  const auto journal = ana->load_journal();
  ASSERT_TRUE(journal) << journal.error().message;
  ASSERT_EQ(journal->clinic_treatments.size(), 2u);
  core::ClinicTreatmentEntry expected = sample;
  expected.id = *second;
  EXPECT_EQ(journal->clinic_treatments[0], expected) << "oldest first";
  EXPECT_EQ(journal->clinic_treatments[1].id, *first);
  EXPECT_EQ(ben->load_journal()->clinic_treatments.size(), 1u);

  std::vector<core::ClinicTreatmentEntry> refused(3, sample);
  refused[0].pressure = 11;
  refused[1].minutes = 0;
  refused[2].minutes = 241;
  for (const auto& broken : refused) {
    const auto before = *ana->revision();
    EXPECT_FALSE(ana->add_clinic_treatment(broken));
    EXPECT_EQ(*ana->revision(), before);
  }
  EXPECT_EQ(ana->load_journal()->clinic_treatments.size(), 2u);
}

TEST_P(StoreContract, AnImportKeepsClinicTreatmentIdsUnlessAnotherPersonHoldsThem) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto person1 = db.store(1);
  auto person2 = db.store(2);
  const auto held = person1->add_clinic_treatment(sample_person().journal.clinic_treatments[0]);  // id 1
  ASSERT_TRUE(held) << held.error().message;
  core::PersonData imported = sample_person();  // clinic treatments 1 and 2
  imported.journal.clinic_treatments[1].id = 40;
  ASSERT_TRUE(person2->replace_all(imported));
  const auto exported = person2->export_all();
  ASSERT_TRUE(exported);
  ASSERT_EQ(exported->journal.clinic_treatments.size(), 2u);
  EXPECT_NE(exported->journal.clinic_treatments[0].id, *held) << "person 1 holds it";
  EXPECT_EQ(exported->journal.clinic_treatments[1].id, 40) << "a free id is kept";
  const auto next = person1->add_clinic_treatment(sample_person().journal.clinic_treatments[1]);
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_GT(*next, 40);
  imported.journal.clinic_treatments[1].id = app::kMaxSessionId + 1;
  const auto refused = person2->replace_all(imported);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::out_of_range);
}

TEST_P(StoreContract, ReportsAStoredDateThatDoesNotExistAsDamaged) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  if (db.engine() == Engine::memory) GTEST_SKIP() << "a memory database holds dates as values: none can be damaged";
  auto store = db.store();
  db.run_sql(
      "INSERT INTO pain_entry (person_id, date, region, side, score) VALUES (1, '2026-02-30', 'neck', 'left', 3)");
  auto journal = store->load_journal();
  ASSERT_FALSE(journal);
  EXPECT_EQ(journal.error().code, ErrorCode::db_corrupt);
  EXPECT_TRUE(contains(journal.error().message, "pain_entry holds date '2026-02-30'")) << journal.error().message;
}

TEST_P(StoreContract, NumbersSessionsAcrossPeopleSoAnIdNamesOneSessionOnly) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto ana = db.store(1);
  auto ben = db.store(2);
  ASSERT_TRUE(ana && ben);
  auto a1 = ana->add_session(fascia::testing::sample_session(0, "2026-11-01"));
  auto b1 = ben->add_session(fascia::testing::sample_session(0, "2026-11-01"));
  ASSERT_TRUE(a1 && b1);
  EXPECT_NE(*a1, *b1);
  EXPECT_EQ(ana->load_journal()->sessions.size(), 1u);
  EXPECT_EQ(ben->load_journal()->sessions.front().id, *b1);
}

TEST_P(StoreContract, RebindingAConnectionReadsAndWritesOnlyTheNewPersonsRows) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = db.store(1);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->add_pain({day("2026-11-01"), "upper-trapezius", core::Side::left, 7}));
  store->rebind(2);
  EXPECT_TRUE(store->load_journal()->pain.empty());
  ASSERT_TRUE(store->add_pain({day("2026-11-02"), "calves", core::Side::both, 2}));
  store->rebind(1);
  auto pain = store->load_journal()->pain;
  ASSERT_EQ(pain.size(), 1u);
  EXPECT_EQ(pain.front().score, 7);
}

// Cached views rely on it (server/view_cache.hpp): a write through another
// connection, as another process would make it, is seen at once.
TEST_P(StoreContract, EveryCommittedWriteRaisesThatPersonsRevisionWhicheverConnectionMadeIt) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto reader = db.store(1);
  auto writer = db.store(1);
  auto other_person = db.store(2);
  EXPECT_EQ(*reader->revision(), 0);
  ASSERT_TRUE(writer->add_pain({day("2026-11-01"), "neck", core::Side::both, 4}));
  const auto after_one = *reader->revision();
  EXPECT_GT(after_one, 0);
  ASSERT_TRUE(other_person->add_note({day("2026-11-01"), "not yours"}));
  EXPECT_EQ(*reader->revision(), after_one);
  ASSERT_TRUE(writer->save_profile(*sample_person().profile));
  EXPECT_GT(*reader->revision(), after_one);
  // A refused write changes nothing, its revision included.
  const auto before_refusal = *reader->revision();
  ASSERT_FALSE(writer->add_pain({day("2026-11-02"), "neck", core::Side::both, 42}));
  EXPECT_EQ(*reader->revision(), before_refusal);
}

// The server's group commit (ADR 0013) relies on it: a batch's writes are
// seen by its own connection at once, by others only after its commit, which
// raises the revision of each person written.
TEST_P(StoreContract, ABatchsWritesAreSeenByOthersOnlyOnceItCommits) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto writer = db.store(1);
  auto reader = db.store(1);
  ASSERT_TRUE(writer && reader);
  EXPECT_FALSE(writer->in_batch());
  auto batch = writer->begin_batch();
  ASSERT_TRUE(batch) << batch.error().message;
  EXPECT_TRUE(writer->in_batch());
  ASSERT_TRUE(writer->add_note({day("2026-11-01"), "in the batch"}));
  writer->rebind(2);
  ASSERT_TRUE(writer->add_pain({day("2026-11-01"), "neck", core::Side::both, 3}));
  writer->rebind(1);
  EXPECT_EQ(writer->load_journal()->notes.size(), 1u);
  EXPECT_TRUE(reader->load_journal()->notes.empty());
  EXPECT_EQ(*reader->revision(), 0);
  ASSERT_TRUE((*batch)->commit());
  EXPECT_FALSE(writer->in_batch());
  EXPECT_EQ(reader->load_journal()->notes.size(), 1u);
  EXPECT_GT(*reader->revision(), 0);
  reader->rebind(2);
  EXPECT_EQ(reader->load_journal()->pain.size(), 1u);
  EXPECT_GT(*reader->revision(), 0);
}

TEST_P(StoreContract, ANestedBatchIsASavepointAndAnOuterBatchNotCommittedLeavesNothing) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto store = db.store(1);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->add_note({day("2026-11-01"), "before"}));
  const auto revision = *store->revision();
  {
    auto outer = store->begin_batch();
    ASSERT_TRUE(outer) << outer.error().message;
    ASSERT_TRUE(store->add_note({day("2026-11-02"), "outer"}));
    {
      auto dropped = store->begin_batch();
      ASSERT_TRUE(dropped) << dropped.error().message;
      ASSERT_TRUE(store->add_note({day("2026-11-03"), "dropped with its savepoint"}));
    }
    {
      auto folded = store->begin_batch();
      ASSERT_TRUE(folded) << folded.error().message;
      ASSERT_TRUE(store->add_note({day("2026-11-04"), "folded into the outer batch"}));
      ASSERT_TRUE((*folded)->commit());
    }
    std::vector<std::string> texts;
    const auto journal = store->load_journal();
    for (const auto& n : journal->notes) texts.push_back(n.text);
    EXPECT_EQ(texts, (std::vector<std::string>{"before", "outer", "folded into the outer batch"}));
  }  // the outer batch rolls back
  EXPECT_FALSE(store->in_batch());
  ASSERT_EQ(store->load_journal()->notes.size(), 1u);
  EXPECT_EQ(store->load_journal()->notes.front().text, "before");
  EXPECT_EQ(*store->revision(), revision);
}

// Writers on separate connections (two server processes) are serialised, so
// the next session id, read and then used, is never handed out twice.
TEST_P(StoreContract, WritersOnSeparateConnectionsNeverShareASessionId) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  if (db.engine() == Engine::memory)
    GTEST_SKIP() << "the memory store is for one thread: it has no writers to serialise";
  constexpr int kEach = 25;
  std::vector<std::int64_t> ids[2];
  std::vector<std::thread> writers;
  for (int w = 0; w < 2; ++w)
    writers.emplace_back([&, w] {
      auto store = db.store(w + 1);
      for (int i = 0; i < kEach; ++i) {
        auto id = store->add_session(sample_session(0, "2026-05-01"));
        if (id)
          ids[w].push_back(*id);
        else
          ADD_FAILURE() << id.error().message;
      }
    });
  for (auto& t : writers) t.join();
  std::set<std::int64_t> all(ids[0].begin(), ids[0].end());
  all.insert(ids[1].begin(), ids[1].end());
  EXPECT_EQ(all.size(), 2u * kEach);
}
