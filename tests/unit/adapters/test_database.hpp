// A fresh, empty fascia database for one test, on any engine, so that one
// store contract suite runs on SQLite, on PostgreSQL (ADR 0014) and on the
// memory store that app/ tests use. SQLite: a file in a temporary folder.
// PostgreSQL: a schema of its own in the cluster FASCIA_TEST_PG names
// (scripts/test.sh starts one), dropped at the end; without FASCIA_TEST_PG
// the PostgreSQL cases are skipped, saying why. Memory: a MemoryDatabase
// (journal stores only: no accounts, no SQL).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "fascia/adapters/database_open.hpp"
#include "fascia/adapters/memory_store.hpp"
#include "unit/adapters/temp_dir.hpp"

namespace fascia::testing {

enum class Engine { sqlite, postgresql, memory };

// "sqlite" / "postgresql" / "memory", for test names.
std::string engine_name(const ::testing::TestParamInfo<Engine>& info);
// The test cluster's URL (FASCIA_TEST_PG), empty when there is none.
std::string test_postgresql_url();

class TestDatabase {
 public:
  explicit TestDatabase(Engine engine);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // False for PostgreSQL when FASCIA_TEST_PG is not set.
  bool available() const { return target_.has_value() || memory_ != nullptr; }
  Engine engine() const { return engine_; }
  // SQLite and PostgreSQL only.
  const adapters::DatabaseTarget& target() const { return *target_; }
  // A store bound to `person`, or a failed expectation and null.
  std::unique_ptr<app::JournalStore> store(std::int64_t person = 1) const;
  // SQLite and PostgreSQL only (a failed expectation and null on memory).
  std::unique_ptr<adapters::SqlAccounts> accounts() const;
  // The clinic store, on its own connection; SQLite and PostgreSQL only.
  std::unique_ptr<adapters::SqlClinics> clinics() const;
  // Runs SQL on the database outside fascia (to damage it, or look inside);
  // SQLite and PostgreSQL only.
  void run_sql(const std::string& sql) const;
  // Runs SQL that may be refused; the refusal's message, or nullopt when it ran.
  std::optional<std::string> refused_sql(const std::string& sql) const;

 private:
  Engine engine_;
  TempDir dir_;
  std::shared_ptr<adapters::MemoryDatabase> memory_;
  std::string schema_;  // PostgreSQL: the test's own schema
  std::optional<adapters::DatabaseTarget> target_;
};

}  // namespace fascia::testing

// Skips a PostgreSQL case when there is no cluster to run it on.
#define FASCIA_NEED_DATABASE(db)                                                              \
  do {                                                                                        \
    if (!(db).available())                                                                    \
      GTEST_SKIP() << "FASCIA_TEST_PG is not set, so there is no PostgreSQL to test against " \
                      "(scripts/test.sh starts one)";                                         \
  } while (false)
