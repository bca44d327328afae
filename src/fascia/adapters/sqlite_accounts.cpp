#include "fascia/adapters/sqlite_accounts.hpp"

#include <algorithm>

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

Result<void> SqliteAccounts::set_password_hash(const std::string& name, const std::string& password_hash) {
  auto txn = Transaction::begin(db_, TransactionMode::immediate);
  if (!txn) return tl::make_unexpected(txn.error());
  auto existing = select("name = ?1", name);
  if (!existing) return tl::make_unexpected(existing.error());
  if (existing->empty()) return core::fail(ErrorCode::not_found, "no account named '" + name + "'");
  FASCIA_TRY(db_.run("UPDATE account SET password_hash = ?1 WHERE name = ?2", password_hash, name));
  // Whoever signed in with the old password is signed out.
  FASCIA_TRY(db_.run("DELETE FROM login_session WHERE person_id = ?1", existing->front().person_id));
  FASCIA_TRY(db_.run("DELETE FROM login_device WHERE name = ?1", name));
  return txn->commit();
}

Result<void> SqliteAccounts::add_login_session(const std::string& token_hash, std::int64_t person_id, std::int64_t now,
                                               std::int64_t expires_at) {
  auto txn = Transaction::begin(db_, TransactionMode::immediate);
  if (!txn) return tl::make_unexpected(txn.error());
  FASCIA_TRY(db_.run("DELETE FROM login_session WHERE expires <= ?1", now));  // expired ones go now and then
  FASCIA_TRY(db_.run("INSERT INTO login_session (token_hash, person_id, created, expires) VALUES (?1, ?2, ?3, ?4)",
                     token_hash, person_id, now, expires_at));
  return txn->commit();
}

Result<std::optional<std::int64_t>> SqliteAccounts::login_session_person(const std::string& token_hash,
                                                                         std::int64_t now) {
  // Every signed-in request asks this: one statement per connection, reused.
  auto stmt = db_.prepared("SELECT person_id FROM login_session WHERE token_hash = ?1 AND expires > ?2");
  if (!stmt) return tl::make_unexpected(stmt.error());
  (*stmt)->bind_all(token_hash, now);
  auto row = (*stmt)->step();
  if (!row) return tl::make_unexpected(row.error());
  std::optional<std::int64_t> person;
  if (*row) person = (*stmt)->int64(0);
  (*stmt)->reset();
  return person;
}

Result<void> SqliteAccounts::end_login_session(const std::string& token_hash) {
  auto txn = Transaction::begin(db_, TransactionMode::immediate);
  if (!txn) return tl::make_unexpected(txn.error());
  FASCIA_TRY(db_.run("DELETE FROM login_session WHERE token_hash = ?1", token_hash));
  return txn->commit();
}

Result<void> SqliteAccounts::add_login_device(const std::string& token_hash, const std::string& name,
                                              std::int64_t expires_at) {
  auto txn = Transaction::begin(db_, TransactionMode::immediate);
  if (!txn) return tl::make_unexpected(txn.error());
  FASCIA_TRY(db_.run("INSERT OR REPLACE INTO login_device (token_hash, name, expires) VALUES (?1, ?2, ?3)", token_hash,
                     name, expires_at));
  return txn->commit();
}

Result<std::optional<std::string>> SqliteAccounts::login_device_name(const std::string& token_hash, std::int64_t now) {
  auto stmt = db_.prepare("SELECT name FROM login_device WHERE token_hash = ?1 AND expires > ?2");
  if (!stmt) return tl::make_unexpected(stmt.error());
  stmt->bind_all(token_hash, now);
  auto row = stmt->step();
  if (!row) return tl::make_unexpected(row.error());
  if (!*row) return std::optional<std::string>{};
  return std::optional<std::string>{stmt->text(0)};
}

Result<app::AttemptVerdict> SqliteAccounts::count_login_attempt(const std::vector<app::AttemptLimit>& limits,
                                                                std::int64_t now) {
  // One write transaction: two processes counting at once are serialised,
  // so no more than the maximum ever get through.
  auto txn = Transaction::begin(db_, TransactionMode::immediate);
  if (!txn) return tl::make_unexpected(txn.error());
  app::AttemptVerdict verdict;
  for (const auto& limit : limits) {
    FASCIA_TRY(db_.run("DELETE FROM login_attempt WHERE key = ?1 AND at <= ?2", limit.key, now - limit.window_seconds));
    auto stmt = db_.prepare("SELECT count(*), coalesce(min(at), 0) FROM login_attempt WHERE key = ?1");
    if (!stmt) return tl::make_unexpected(stmt.error());
    stmt->bind(1, limit.key);
    auto row = stmt->step();
    if (!row) return tl::make_unexpected(row.error());
    if (stmt->int64(0) >= limit.max_attempts) {
      verdict.blocked_key = limit.key;
      verdict.retry_after = std::max<std::int64_t>(1, stmt->int64(1) + limit.window_seconds - now);
      return verdict;  // rolled back: nothing recorded
    }
  }
  for (const auto& limit : limits) {
    FASCIA_TRY(db_.run("INSERT INTO login_attempt (key, at) VALUES (?1, ?2)", limit.key, now));
    verdict.ids.push_back(db_.last_insert_rowid());
  }
  FASCIA_TRY(txn->commit());
  verdict.allowed = true;
  return verdict;
}

Result<void> SqliteAccounts::forget_login_attempts(const std::vector<std::int64_t>& ids,
                                                   const std::vector<std::string>& keys) {
  auto txn = Transaction::begin(db_, TransactionMode::immediate);
  if (!txn) return tl::make_unexpected(txn.error());
  for (const auto id : ids) FASCIA_TRY(db_.run("DELETE FROM login_attempt WHERE id = ?1", id));
  for (const auto& key : keys) FASCIA_TRY(db_.run("DELETE FROM login_attempt WHERE key = ?1", key));
  return txn->commit();
}

}  // namespace fascia::adapters
