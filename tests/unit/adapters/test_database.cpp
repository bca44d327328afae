#include "unit/adapters/test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <pqxx/pqxx>

#include "fascia/adapters/sqlite_handle.hpp"

namespace fascia::testing {

std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  switch (info.param) {
    case Engine::sqlite:
      return "sqlite";
    case Engine::postgresql:
      return "postgresql";
    case Engine::memory:
      return "memory";
  }
  return "unknown";
}

std::string test_postgresql_url() {
  const char* url = std::getenv("FASCIA_TEST_PG");
  return url != nullptr ? url : "";
}

namespace {
std::string unique_schema() {
  static std::atomic<int> counter{0};
  return "t" + std::to_string(getpid()) + "_" + std::to_string(++counter);
}
}  // namespace

TestDatabase::TestDatabase(Engine engine) : engine_(engine) {
  if (engine == Engine::memory) {
    memory_ = std::make_shared<adapters::MemoryDatabase>();
    return;
  }
  if (engine == Engine::sqlite) {
    target_.emplace((dir_ / "fascia.db").string());
    return;
  }
  const std::string base = test_postgresql_url();
  if (base.empty()) return;
  schema_ = unique_schema();
  pqxx::connection admin(base);
  pqxx::nontransaction(admin).exec0("CREATE SCHEMA " + schema_);
  // libpq's options parameter sets search_path for each connection fascia opens.
  target_.emplace(base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_);
}

TestDatabase::~TestDatabase() {
  if (schema_.empty()) return;
  try {
    pqxx::connection admin(test_postgresql_url());
    pqxx::nontransaction(admin).exec0("DROP SCHEMA " + schema_ + " CASCADE");
  } catch (const std::exception&) {
    // The schema stays behind in a throw-away cluster: harmless.
  }
}

std::unique_ptr<app::JournalStore> TestDatabase::store(std::int64_t person) const {
  if (memory_) return std::make_unique<adapters::MemoryStore>(memory_, person);
  auto opened = adapters::open_journal_store(*target_, person);
  EXPECT_TRUE(opened.has_value()) << opened.error().message;
  return opened ? std::move(*opened) : nullptr;
}

std::unique_ptr<adapters::SqlAccounts> TestDatabase::accounts() const {
  if (memory_) {
    ADD_FAILURE() << "the memory engine has no account store";
    return nullptr;
  }
  auto opened = adapters::open_account_store(*target_);
  EXPECT_TRUE(opened.has_value()) << opened.error().message;
  return opened ? std::move(*opened) : nullptr;
}

std::unique_ptr<adapters::SqlClinics> TestDatabase::clinics() const {
  if (memory_) {
    ADD_FAILURE() << "the memory engine has no clinic store";
    return nullptr;
  }
  auto opened = adapters::open_clinic_store(*target_);
  EXPECT_TRUE(opened.has_value()) << opened.error().message;
  return opened ? std::move(*opened) : nullptr;
}

void TestDatabase::run_sql(const std::string& sql) const {
  ASSERT_FALSE(memory_) << "the memory engine runs no SQL";
  if (!target_->is_postgresql()) {
    auto db = adapters::sqlite::Database::open(target_->file());
    ASSERT_TRUE(db.has_value());
    auto ran = db->exec(sql);
    ASSERT_TRUE(ran.has_value()) << ran.error().message;
    return;
  }
  pqxx::connection connection(target_->text());
  pqxx::work txn(connection);
  txn.exec(sql);
  txn.commit();
}

std::optional<std::string> TestDatabase::refused_sql(const std::string& sql) const {
  if (!target_->is_postgresql()) {
    auto db = adapters::sqlite::Database::open(target_->file());
    if (!db) return db.error().message;
    auto ran = db->exec(sql);
    if (!ran) return ran.error().message;
    return std::nullopt;
  }
  try {
    pqxx::connection connection(target_->text());
    pqxx::work txn(connection);
    txn.exec(sql);
    txn.commit();
  } catch (const std::exception& e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

}  // namespace fascia::testing
