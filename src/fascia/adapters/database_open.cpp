#include "fascia/adapters/database_open.hpp"

#include "fascia/adapters/pg_connection.hpp"
#include "fascia/adapters/sqlite_accounts.hpp"
#include "fascia/adapters/sqlite_connection.hpp"
#include "fascia/adapters/sqlite_open.hpp"
#include "fascia/adapters/sqlite_store.hpp"

namespace fascia::adapters {

DatabaseTarget::DatabaseTarget(std::string text) : text_(std::move(text)), postgresql_(is_postgresql_url(text_)) {}

std::string DatabaseTarget::display() const { return postgresql_ ? redacted_postgresql_url(text_) : text_; }

namespace {
core::Result<std::shared_ptr<sql::Connection>> connect(const DatabaseTarget& target) {
  if (target.is_postgresql()) {
    auto connection = PgConnection::open(target.text());
    if (!connection) return tl::make_unexpected(connection.error());
    return std::shared_ptr<sql::Connection>(std::move(*connection));
  }
  auto db = open_fascia_database(target.file());
  if (!db) return tl::make_unexpected(db.error());
  return std::shared_ptr<sql::Connection>(std::make_shared<SqliteConnection>(std::move(*db)));
}
}  // namespace

core::Result<OpenedDatabase> open_database(const DatabaseTarget& target) {
  auto connection = connect(target);
  if (!connection) return tl::make_unexpected(connection.error());
  return OpenedDatabase{std::make_unique<SqlStore>(*connection, 1), std::make_unique<SqlAccounts>(*connection),
                        *connection};
}

core::Result<std::unique_ptr<SqlStore>> open_journal_store(const DatabaseTarget& target, std::int64_t person_id) {
  if (!target.is_postgresql()) {
    auto store = SqliteStore::open(target.file(), person_id);
    if (!store) return tl::make_unexpected(store.error());
    return std::unique_ptr<SqlStore>(std::move(*store));
  }
  if (person_id <= 0)
    return core::fail(core::ErrorCode::invalid_argument,
                      "person id " + std::to_string(person_id) + " must be positive");
  auto connection = PgConnection::open(target.text());
  if (!connection) return tl::make_unexpected(connection.error());
  return std::make_unique<SqlStore>(std::move(*connection), person_id);
}

core::Result<std::unique_ptr<SqlAccounts>> open_account_store(const DatabaseTarget& target) {
  if (!target.is_postgresql()) return SqliteAccounts::open(target.file());
  auto connection = PgConnection::open(target.text());
  if (!connection) return tl::make_unexpected(connection.error());
  return std::make_unique<SqlAccounts>(std::move(*connection));
}

}  // namespace fascia::adapters
