#include "fascia/adapters/sqlite_accounts.hpp"

#include "fascia/adapters/sqlite_open.hpp"

namespace fascia::adapters {

using core::ErrorCode;
using core::Result;
using sqlite::Transaction;
using sqlite::TransactionMode;

Result<std::unique_ptr<SqliteAccounts>> SqliteAccounts::open(const std::filesystem::path& file) {
  auto db = open_fascia_database(file);
  if (!db) return tl::make_unexpected(db.error());
  return std::unique_ptr<SqliteAccounts>(new SqliteAccounts(std::move(*db)));
}

Result<app::Account> SqliteAccounts::add_account(const std::string& name, const std::string& password_hash,
                                                 core::Date created) {
  FASCIA_TRY(app::validate_account_name(name));
  auto txn = Transaction::begin(db_, TransactionMode::immediate);
  if (!txn) return tl::make_unexpected(txn.error());
  auto existing = select("name = ?1", name);
  if (!existing) return tl::make_unexpected(existing.error());
  if (!existing->empty()) return core::fail(ErrorCode::invalid_argument, "account '" + name + "' already exists");
  // Person 1 is the terminal's person: the first account takes it over.
  auto next = db_.query_int("SELECT coalesce(max(person_id), 0) + 1 FROM account");
  if (!next) return tl::make_unexpected(next.error());
  app::Account account{*next, name, password_hash};
  FASCIA_TRY(db_.run("INSERT INTO account (person_id, name, password_hash, created) VALUES (?1, ?2, ?3, ?4)",
                     account.person_id, account.name, account.password_hash, core::format_date(created)));
  FASCIA_TRY(txn->commit());
  return account;
}

Result<std::vector<app::Account>> SqliteAccounts::select(std::string_view where, const std::string& key) {
  auto stmt = db_.prepare("SELECT person_id, name, password_hash FROM account" +
                          (where.empty() ? std::string() : " WHERE " + std::string(where)) + " ORDER BY person_id");
  if (!stmt) return tl::make_unexpected(stmt.error());
  if (!where.empty()) stmt->bind(1, key);
  std::vector<app::Account> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return tl::make_unexpected(row.error());
    if (!*row) break;
    out.push_back({stmt->int64(0), stmt->text(1), stmt->text(2)});
  }
  return out;
}

Result<std::optional<app::Account>> SqliteAccounts::find_account(const std::string& name) {
  auto rows = select("name = ?1", name);
  if (!rows) return tl::make_unexpected(rows.error());
  if (rows->empty()) return std::optional<app::Account>{};
  return rows->front();
}

Result<std::optional<app::Account>> SqliteAccounts::account_of(std::int64_t person_id) {
  auto rows = select("person_id = ?1", std::to_string(person_id));
  if (!rows) return tl::make_unexpected(rows.error());
  if (rows->empty()) return std::optional<app::Account>{};
  return rows->front();
}

Result<std::vector<app::Account>> SqliteAccounts::list_accounts() { return select("", ""); }

}  // namespace fascia::adapters
