#include "unit/adapters/test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <pqxx/pqxx>

#include "fascia/adapters/sqlite_handle.hpp"

namespace fascia::testing {

std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::sqlite ? "sqlite" : "postgresql";
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

TestDatabase::TestDatabase(Engine engine) {
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

std::unique_ptr<adapters::SqlStore> TestDatabase::store(std::int64_t person) const {
  auto opened = adapters::open_journal_store(*target_, person);
  EXPECT_TRUE(opened.has_value()) << opened.error().message;
  return opened ? std::move(*opened) : nullptr;
}

std::unique_ptr<adapters::SqlAccounts> TestDatabase::accounts() const {
  auto opened = adapters::open_account_store(*target_);
  EXPECT_TRUE(opened.has_value()) << opened.error().message;
  return opened ? std::move(*opened) : nullptr;
}

void TestDatabase::run_sql(const std::string& sql) const {
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

}  // namespace fascia::testing
