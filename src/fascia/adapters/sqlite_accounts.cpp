#include "fascia/adapters/sqlite_accounts.hpp"

#include "fascia/adapters/sqlite_connection.hpp"
#include "fascia/adapters/sqlite_open.hpp"

namespace fascia::adapters {

core::Result<std::unique_ptr<SqlAccounts>> SqliteAccounts::open(const std::filesystem::path& file) {
  auto db = open_fascia_database(file);
  if (!db) return tl::make_unexpected(db.error());
  return std::make_unique<SqlAccounts>(std::make_unique<SqliteConnection>(std::move(*db)));
}

}  // namespace fascia::adapters
