#include "fascia/adapters/sqlite_store.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <set>

#include "fascia/adapters/sqlite_handle.hpp"
#include "fascia/adapters/sqlite_migrations.hpp"
#include "unit/adapters/sample_person.hpp"
#include "unit/adapters/temp_dir.hpp"

using namespace fascia;
using adapters::SqliteStore;
using core::ErrorCode;
using fascia::testing::day;
using fascia::testing::sample_person;
using fascia::testing::sample_session;
using fascia::testing::TempDir;

namespace {

std::unique_ptr<SqliteStore> open_store(const std::filesystem::path& file, std::int64_t person = 1) {
  auto store = SqliteStore::open(file, person);
  EXPECT_TRUE(store.has_value()) << store.error().message;
  return store ? std::move(*store) : nullptr;
}

// A second, independent connection, as another fascia process would have.
adapters::sqlite::Database other_connection(const std::filesystem::path& file) {
  auto db = adapters::sqlite::Database::open(file);
  EXPECT_TRUE(db.has_value());
  return std::move(*db);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(SqliteStore, KeepsEveryAcknowledgedEntryAfterReopening) {
  TempDir dir;
  const core::PersonData expected = sample_person();
  {
    auto store = open_store(dir / "fascia.db");
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
  }
  auto reopened = open_store(dir / "fascia.db");
  auto all = reopened->export_all();
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(*all, expected);
  EXPECT_EQ(*reopened->load_profile(), expected.profile);
  EXPECT_EQ(*reopened->load_journal(), expected.journal);
}

TEST(SqliteStore, NumbersSessionsAndKeepsTheirStepLogsInOrder) {
  TempDir dir;
  auto store = open_store(dir / "fascia.db");
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

TEST(SqliteStore, ReturnsEntriesInDateOrderWithTiesInTheOrderStored) {
  TempDir dir;
  auto store = open_store(dir / "fascia.db");
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

TEST(SqliteStore, HasNoProfileOrScreeningUntilOneIsSaved) {
  TempDir dir;
  auto store = open_store(dir / "fascia.db");
  EXPECT_EQ(*store->load_profile(), std::nullopt);
  EXPECT_EQ(*store->latest_screening(), std::nullopt);
  EXPECT_EQ(*store->export_all(), core::PersonData{});
}

TEST(SqliteStore, LatestScreeningIsTheOneWithTheNewestDate) {
  TempDir dir;
  auto store = open_store(dir / "fascia.db");
  const auto data = sample_person();
  ASSERT_TRUE(store->add_screening(data.screenings[1]));  // newer, stored first
  ASSERT_TRUE(store->add_screening(data.screenings[0]));
  EXPECT_EQ(*store->latest_screening(), data.screenings[1]);
}

TEST(SqliteStore, SavingAProfileReplacesThePreviousOne) {
  TempDir dir;
  auto store = open_store(dir / "fascia.db");
  core::Profile profile = *sample_person().profile;
  ASSERT_TRUE(store->save_profile(profile));
  profile.regions.pop_back();
  profile.tools = {"foam-roller"};
  profile.weekdays = {6};
  ASSERT_TRUE(store->save_profile(profile));
  EXPECT_EQ(*store->load_profile(), profile);
}

TEST(SqliteStore, ReplaceAllThenExportAllReturnsTheSameData) {
  TempDir dir;
  auto store = open_store(dir / "fascia.db");
  ASSERT_TRUE(store->add_pain({day("2025-01-01"), "old", core::Side::left, 9}));
  const auto data = sample_person();
  auto replaced = store->replace_all(data);
  ASSERT_TRUE(replaced) << replaced.error().message;
  EXPECT_EQ(*store->export_all(), data);
}

TEST(SqliteStore, KeepsEachPersonsDataInvisibleToOthers) {
  TempDir dir;
  auto person1 = open_store(dir / "clinic.db", 1);
  auto person2 = open_store(dir / "clinic.db", 2);
  ASSERT_TRUE(person2->replace_all(sample_person()));
  EXPECT_EQ(*person1->export_all(), core::PersonData{});
  const auto id = *person1->add_session(sample_session(0, "2026-05-01"));
  for (const auto& s : sample_person().journal.sessions) EXPECT_NE(id, s.id) << "ids are unique across people";

  ASSERT_TRUE(person1->replace_all(core::PersonData{}));
  EXPECT_EQ(*person2->export_all(), sample_person());
}

TEST(SqliteStore, AnImportNeverTakesASessionIdAnotherPersonHolds) {
  TempDir dir;
  auto person1 = open_store(dir / "clinic.db", 1);
  auto person2 = open_store(dir / "clinic.db", 2);
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
TEST(SqliteStore, ANewSessionAfterImportingTheLargestIdGetsTheLowestFreeOne) {
  TempDir dir;
  auto store = open_store(dir / "fascia.db");
  core::PersonData imported = sample_person();  // sessions 1 and 2
  imported.journal.sessions[1].id = app::kMaxSessionId;
  ASSERT_TRUE(store->replace_all(imported));
  const auto next = store->add_session(sample_session(0, "2026-05-05"));
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_EQ(*next, 2);
  const auto exported = store->export_all();
  ASSERT_TRUE(exported);
  auto again = open_store(dir / "again.db");
  EXPECT_TRUE(again->replace_all(*exported)) << "an export must import again";
  imported.journal.sessions[1].id = app::kMaxSessionId + 1;
  const auto refused = store->replace_all(imported);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::out_of_range);
}

TEST(SqliteStore, MigratesToTheLatestSchemaOnceAndReopensWithoutChanges) {
  TempDir dir;
  const auto latest = std::to_string(adapters::sqlite_migrations().size());
  {
    auto store = open_store(dir / "fascia.db");
    EXPECT_EQ(*store->pragma("user_version"), latest);
    EXPECT_EQ(*store->pragma("application_id"), std::to_string(adapters::kSqliteApplicationId));
    ASSERT_TRUE(store->add_note({day("2026-03-01"), "kept"}));
  }
  const std::string schema_query = "SELECT group_concat(sql, ';') FROM sqlite_schema";
  const std::string schema_before = *other_connection(dir / "fascia.db").query_text(schema_query);
  auto store = open_store(dir / "fascia.db");
  EXPECT_EQ(*store->pragma("user_version"), latest);
  EXPECT_EQ(*other_connection(dir / "fascia.db").query_text(schema_query), schema_before);
  EXPECT_EQ(store->load_journal()->notes.size(), 1u);
}

TEST(SqliteStore, RefusesADatabaseMadeByANewerFascia) {
  TempDir dir;
  open_store(dir / "fascia.db");
  ASSERT_TRUE(other_connection(dir / "fascia.db").exec("PRAGMA user_version = 99"));
  auto store = SqliteStore::open(dir / "fascia.db");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::db_error);
  EXPECT_TRUE(contains(store.error().message, "created by a newer fascia")) << store.error().message;
}

TEST(SqliteStore, WritesWithWriteAheadLoggingAndFullSync) {
  TempDir dir;
  auto store = open_store(dir / "fascia.db");
  EXPECT_EQ(*store->pragma("journal_mode"), "wal");
  EXPECT_EQ(*store->pragma("synchronous"), "2");  // FULL
  EXPECT_EQ(*store->pragma("foreign_keys"), "1");
  EXPECT_EQ(*store->pragma("busy_timeout"), "1500");
  EXPECT_EQ(store->pragma("cache_size").error().code, ErrorCode::invalid_argument);
  // WAL is a property of the file: another connection sees it too.
  EXPECT_EQ(*other_connection(dir / "fascia.db").query_text("PRAGMA journal_mode"), "wal");
}

TEST(SqliteStore, ReportsLockedAndChangesNothingWhileAnotherProcessHoldsTheWriteLock) {
  TempDir dir;
  auto store = open_store(dir / "fascia.db");
  ASSERT_TRUE(store->add_pain({day("2026-03-01"), "neck", core::Side::both, 5}));
  const auto before = *store->load_journal();

  auto other = other_connection(dir / "fascia.db");
  ASSERT_TRUE(other.exec("BEGIN EXCLUSIVE"));
  auto added = store->add_pain({day("2026-03-02"), "neck", core::Side::both, 3});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, ErrorCode::db_locked);
  EXPECT_TRUE(contains(added.error().message, (dir / "fascia.db").string())) << added.error().message;
  EXPECT_TRUE(contains(added.error().message, "is locked by another program")) << added.error().message;
  EXPECT_EQ(*store->load_journal(), before);  // readers are not blocked by the writer
  ASSERT_TRUE(other.exec("ROLLBACK"));

  EXPECT_EQ(*store->load_journal(), before);
  EXPECT_TRUE(store->add_pain({day("2026-03-02"), "neck", core::Side::both, 3}));  // usable again
}

TEST(SqliteStore, OpensAndReadsWhileAnotherProcessHoldsTheWriteLock) {
  TempDir dir;
  ASSERT_TRUE(open_store(dir / "fascia.db")->add_note({day("2026-03-01"), "before"}));
  auto other = other_connection(dir / "fascia.db");
  ASSERT_TRUE(other.exec("BEGIN EXCLUSIVE"));
  auto store = SqliteStore::open(dir / "fascia.db");
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->load_journal()->notes.size(), 1u);
}

TEST(SqliteStore, ReportsAGarbageFileAsDamagedAndLeavesItsBytesUntouched) {
  TempDir dir;
  const auto file = dir / "fascia.db";
  std::string garbage(8192, '\0');
  std::mt19937 random(42);
  for (char& c : garbage) c = static_cast<char>(random() & 0xff);
  std::ofstream(file, std::ios::binary) << garbage;

  auto store = SqliteStore::open(file);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::db_corrupt);
  EXPECT_TRUE(contains(store.error().message, file.string() + " is damaged or not a fascia database"))
      << store.error().message;
  EXPECT_EQ(fascia::testing::read_bytes(file), garbage);
  EXPECT_FALSE(std::filesystem::exists(file.string() + "-wal"));
}

TEST(SqliteStore, RefusesAnSqliteFileThatBelongsToAnotherProgram) {
  TempDir dir;
  ASSERT_TRUE(other_connection(dir / "other.db").exec("CREATE TABLE photos (id INTEGER PRIMARY KEY)"));
  auto store = SqliteStore::open(dir / "other.db");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::db_corrupt);
}

TEST(SqliteStore, ReportsAStoredDateThatDoesNotExistAsDamaged) {
  TempDir dir;
  auto store = open_store(dir / "fascia.db");
  ASSERT_TRUE(other_connection(dir / "fascia.db")
                  .exec("INSERT INTO pain_entry (person_id, date, region, side, score) "
                        "VALUES (1, '2026-02-30', 'neck', 'left', 3)"));
  auto journal = store->load_journal();
  ASSERT_FALSE(journal);
  EXPECT_EQ(journal.error().code, ErrorCode::db_corrupt);
  EXPECT_TRUE(contains(journal.error().message, "pain_entry holds date '2026-02-30'")) << journal.error().message;
}

TEST(SqliteStore, ReplaceAllThatFailsOnItsLastRowKeepsTheOldData) {
  TempDir dir;
  auto store = open_store(dir / "fascia.db");
  const auto old_data = sample_person();
  ASSERT_TRUE(store->replace_all(old_data));

  core::PersonData new_data;
  new_data.journal.pain = {{day("2026-06-01"), "neck", core::Side::both, 1}};
  new_data.journal.sessions = {sample_session(1, "2026-06-01")};
  new_data.journal.sessions[0].steps.back().pressure_used = 11;  // violates a CHECK in the very last insert
  auto replaced = store->replace_all(new_data);
  ASSERT_FALSE(replaced);
  EXPECT_EQ(replaced.error().code, ErrorCode::db_error);
  EXPECT_TRUE(contains(replaced.error().message, "CHECK constraint failed")) << replaced.error().message;
  EXPECT_EQ(*store->export_all(), old_data);
}

TEST(SqliteStore, SessionWhoseLastStepIsRejectedIsNotStoredAtAll) {
  TempDir dir;
  auto store = open_store(dir / "fascia.db");
  auto session = sample_session(0, "2026-06-01");
  session.steps.back().seconds = -1;
  ASSERT_FALSE(store->add_session(session));
  EXPECT_TRUE(store->load_journal()->sessions.empty());
  EXPECT_EQ(*store->add_session(sample_session(0, "2026-06-01")), 1);
}

TEST(SqliteStore, CreatesMissingParentDirectories) {
  TempDir dir;
  const auto file = dir.path() / "nested" / "deeper" / "fascia.db";
  auto store = open_store(file);
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(std::filesystem::exists(file));
}

TEST(SqliteStore, RejectsAPersonIdBelowOne) {
  TempDir dir;
  auto store = SqliteStore::open(dir / "fascia.db", 0);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::invalid_argument);
}

TEST(SqliteStore, StoresASessionWithItsCheckInsAndRescreeningAllOrNothing) {
  TempDir dir;
  auto store = open_store(dir / "fascia.db");
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

// ---- the order of clearances and screenings (issue 8) ----

TEST(SqliteStore, AClearanceRemembersHowManyScreeningsCameBeforeIt) {
  TempDir dir;
  const core::PersonData person = sample_person();
  auto store = open_store(dir / "fascia.db");
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

TEST(SqliteStore, MigratingAVersion3FileOrdersItsClearancesAfterTheScreeningsOfTheirDay) {
  TempDir dir;
  {
    auto db = other_connection(dir / "fascia.db");
    const auto migrations = adapters::sqlite_migrations();
    for (std::size_t v = 0; v < 3; ++v) ASSERT_TRUE(db.exec(std::string(migrations[v])));
    ASSERT_TRUE(db.exec("PRAGMA user_version = 3"));
    ASSERT_TRUE(db.exec("INSERT INTO screening (person_id, date) VALUES (1, '2026-03-01'), (1, '2026-03-05'), "
                        "(1, '2026-03-09'), (2, '2026-03-01')"));
    ASSERT_TRUE(db.exec("INSERT INTO clearance (person_id, date, cleared_by, note) VALUES (1, '2026-03-05', 'GP', '')"));
  }
  auto store = open_store(dir / "fascia.db");
  const auto clearances = store->load_journal()->clearances;
  ASSERT_EQ(clearances.size(), 1u);
  EXPECT_EQ(clearances[0].after_screenings, 2u) << "the two screenings of person 1 dated on or before 5 March";
}

// A full disk is its own error (the API answers 503 storage_full), not a
// generic storage failure. SQLite's page limit stands in for the disk.
TEST(SqliteStore, AFullDatabaseIsReportedAsFullNamingTheFile) {
  TempDir dir;
  auto db = other_connection(dir / "full.db");
  ASSERT_TRUE(db.exec("CREATE TABLE t (x BLOB); PRAGMA max_page_count = 3"));
  auto wrote = db.exec("INSERT INTO t VALUES (zeroblob(100000))");
  ASSERT_FALSE(wrote);
  EXPECT_EQ(wrote.error().code, ErrorCode::db_full);
  EXPECT_TRUE(contains(wrote.error().message, (dir / "full.db").string())) << wrote.error().message;
  EXPECT_TRUE(contains(wrote.error().message, "full")) << wrote.error().message;
}
