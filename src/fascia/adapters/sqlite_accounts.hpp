// Accounts in the same SQLite file as the journal (table `account`).
#pragma once

#include <filesystem>
#include <memory>

#include "fascia/adapters/sqlite_handle.hpp"
#include "fascia/app/account_store.hpp"

namespace fascia::adapters {

class SqliteAccounts final : public app::AccountStore {
 public:
  static core::Result<std::unique_ptr<SqliteAccounts>> open(const std::filesystem::path& file);

  core::Result<app::Account> add_account(const std::string& name, const std::string& password_hash,
                                         core::Date created) override;
  core::Result<std::optional<app::Account>> find_account(const std::string& name) override;
  core::Result<std::optional<app::Account>> account_of(std::int64_t person_id) override;
  core::Result<std::vector<app::Account>> list_accounts() override;

 private:
  explicit SqliteAccounts(sqlite::Database db) : db_(std::move(db)) {}
  core::Result<std::vector<app::Account>> select(std::string_view where, const std::string& key);
  sqlite::Database db_;
};

}  // namespace fascia::adapters
