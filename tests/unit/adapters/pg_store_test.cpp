// What only the PostgreSQL store does (the shared contract is in
// store_contract_test.cpp): migrating once under concurrency, refusing
// databases that are not fascia's or are newer, durable commits whatever the
// server's default, and messages that name the database without a password.
#include <gtest/gtest.h>

#include <thread>

#include "fascia/adapters/pg_connection.hpp"
#include "fascia/adapters/pg_migrations.hpp"
#include "unit/adapters/test_database.hpp"

using namespace fascia;
using core::ErrorCode;
using fascia::testing::Engine;
using fascia::testing::TestDatabase;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The text of a one-row, one-column query through fascia's own connection.
std::string query_text(adapters::PgConnection& connection, const std::string& sql) {
  std::string out;
  auto ran = connection.each_row(sql, [&](const adapters::sql::Row& row) { out = row.text(0); });
  EXPECT_TRUE(ran.has_value()) << ran.error().message;
  return out;
}

}  // namespace

TEST(PgStore, MigratesOnceEvenWhenServersStartTogetherAndReopensUnchanged) {
  TestDatabase db(Engine::postgresql);
  FASCIA_NEED_DATABASE(db);
  std::vector<std::thread> starters;
  std::vector<std::string> errors(4);
  for (int i = 0; i < 4; ++i)
    starters.emplace_back([&, i] {
      auto opened = adapters::PgConnection::open(db.target().text());
      if (!opened) errors[i] = opened.error().message;
    });
  for (auto& t : starters) t.join();
  for (const auto& e : errors) EXPECT_EQ(e, "");
  auto connection = adapters::PgConnection::open(db.target().text());
  ASSERT_TRUE(connection) << connection.error().message;
  EXPECT_EQ(query_text(**connection, "SELECT version FROM fascia_schema"),
            std::to_string(adapters::pg_migrations().size()));
  EXPECT_EQ(query_text(**connection, "SELECT count(*) FROM fascia_schema"), "1");
}

TEST(PgStore, RefusesADatabaseMadeByANewerFascia) {
  TestDatabase db(Engine::postgresql);
  FASCIA_NEED_DATABASE(db);
  ASSERT_TRUE(db.store());
  db.run_sql("UPDATE fascia_schema SET version = 99");
  auto store = adapters::open_journal_store(db.target());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::db_error);
  EXPECT_TRUE(contains(store.error().message, "newer fascia (schema version 99)")) << store.error().message;
}

TEST(PgStore, RefusesADatabaseThatHoldsSomeoneElsesTablesAndTouchesNothing) {
  TestDatabase db(Engine::postgresql);
  FASCIA_NEED_DATABASE(db);
  db.run_sql("CREATE TABLE invoices (id integer)");
  auto store = adapters::open_journal_store(db.target());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::db_error);
  EXPECT_TRUE(contains(store.error().message, "not fascia's")) << store.error().message;
  db.run_sql("SELECT id FROM invoices");  // still there
  db.run_sql("DO $$ BEGIN IF to_regclass('fascia_schema') IS NOT NULL THEN RAISE 'fascia made its tables'; END IF; END $$");
}

TEST(PgStore, EveryCommitWaitsForTheDiskEvenWhenTheServerDefaultSaysOtherwise) {
  TestDatabase db(Engine::postgresql);
  FASCIA_NEED_DATABASE(db);
  // The connection asks for synchronous_commit off; fascia turns it back on.
  auto connection = adapters::PgConnection::open(db.target().text() + "%20-csynchronous_commit%3Doff");
  ASSERT_TRUE(connection) << connection.error().message;
  EXPECT_EQ(query_text(**connection, "SHOW synchronous_commit"), "on");
  EXPECT_EQ(query_text(**connection, "SHOW lock_timeout"), "5s");
}

TEST(PgStore, AServerThatCannotBeReachedIsNamedWithoutItsPassword) {
  auto store = adapters::open_journal_store(
      adapters::DatabaseTarget("postgresql://clinic:s3cret-pw@/fascia?host=/nonexistent-socket-dir&port=1"));
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::db_locked);  // the server answers 503 with Retry-After: try again
  EXPECT_TRUE(contains(store.error().message, "postgresql://clinic@/fascia")) << store.error().message;
  EXPECT_FALSE(contains(store.error().message, "s3cret")) << store.error().message;
}

TEST(PgStore, OnlyPostgresqlUrlsChooseIt) {
  EXPECT_TRUE(adapters::DatabaseTarget("postgresql://h/db").is_postgresql());
  EXPECT_TRUE(adapters::DatabaseTarget("postgres://h/db").is_postgresql());
  EXPECT_FALSE(adapters::DatabaseTarget("postgresql.db").is_postgresql());
  EXPECT_FALSE(adapters::DatabaseTarget("./postgresql://x").is_postgresql());
  EXPECT_EQ(adapters::redacted_postgresql_url("postgresql://u:pw@db.example:5433/fascia"),
            "postgresql://u@db.example:5433/fascia");
}

// A mistyped URL is refused, not taken for a file name to create here.
TEST(PgStore, AMistypedUrlIsRefusedRatherThanMadeIntoAFile) {
  for (const char* text : {"POSTGRESQL://fascia@/fascia", "postgresql:/fascia", "postgres:", "mysql://db/x", "",
                           "postgresql//fascia@/fascia", " postgresql://fascia@/fascia", "file:/tmp/x.db",
                           "sqlite:journal.db", "fascia.db "}) {
    const adapters::DatabaseTarget target(text);
    EXPECT_FALSE(target.problem().empty()) << text;
    auto store = adapters::open_journal_store(target);
    ASSERT_FALSE(store) << text;
    EXPECT_EQ(store.error().code, ErrorCode::invalid_argument) << text;
  }
  EXPECT_FALSE(contains(adapters::DatabaseTarget("POSTGRESQL://u:secret@h/db").problem(), "secret"));
  EXPECT_FALSE(contains(adapters::DatabaseTarget(" postgresql://u:secret@h/db").problem(), "secret"));
  EXPECT_FALSE(contains(adapters::DatabaseTarget("postgresql//u:secret@h/db").problem(), "secret"));
  for (const char* text : {"fascia.db", "./postgres-notes.db", "/tmp/a:b.db", "./a:b.db", "postgres-notes.db"})
    EXPECT_EQ(adapters::DatabaseTarget(text).problem(), "") << text;
}
