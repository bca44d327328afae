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

// ---- the order of clearances and screenings (issue 8) ----

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
  EXPECT_FALSE(clearances[0].by_practitioner) << "recorded before practitioners could sign one: the person's";
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
