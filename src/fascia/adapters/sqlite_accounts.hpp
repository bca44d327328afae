// The account store (sql_accounts.hpp) on a fascia SQLite file.
#pragma once

#include <filesystem>
#include <memory>

#include "fascia/adapters/sql_accounts.hpp"

namespace fascia::adapters {

class SqliteAccounts final {
 public:
  // Opens (creating and migrating when needed) like SqliteStore::open; the
  // same errors.
  static core::Result<std::unique_ptr<SqlAccounts>> open(const std::filesystem::path& file);
};

}  // namespace fascia::adapters
