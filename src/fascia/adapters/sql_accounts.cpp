#include "fascia/adapters/sql_accounts.hpp"

#include <algorithm>

namespace fascia::adapters {

using core::ErrorCode;
using core::Result;
using sql::Access;

namespace {

// invalid_argument "no clinic N" unless the membership's clinic (if any) exists.
Result<void> require_clinic(sql::Connection& db, const app::Membership& membership) {
  if (!membership.clinic_id) return {};
  auto found = db.query_int("SELECT count(*) FROM clinic WHERE id = ?1", *membership.clinic_id);
  if (!found) return tl::make_unexpected(found.error());
  if (found->value_or(0) == 0)
    return core::fail(ErrorCode::invalid_argument, "no clinic " + std::to_string(*membership.clinic_id));
  return {};
}

constexpr std::string_view kInsertAccount =
    "INSERT INTO account (person_id, name, password_hash, created, role, clinic_id, deactivated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

}  // namespace

Result<app::Account> SqlAccounts::add_account(const std::string& name, const std::string& password_hash,
                                              core::Date created, const app::Membership& membership,
                                              app::TerminalPerson terminal) {
  FASCIA_TRY(app::validate_account_name(name));
  FASCIA_TRY(app::validate_membership(membership));
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto existing = select("name = ?1", name);
  if (!existing) return tl::make_unexpected(existing.error());
  if (!existing->empty()) return core::fail(ErrorCode::invalid_argument, "account '" + name + "' already exists");
  FASCIA_TRY(require_clinic(*db_, membership));
  // Person 1 is the terminal's person: the first person's account takes it
  // over. A practitioner or an administrator never does (the terminal's own
  // journal is a self-treater's), so they start from person 2; nor does an
  // account made over the web (TerminalPerson::never).
  auto next = db_->query_int("SELECT coalesce(max(person_id), 0) + 1 FROM account");
  if (!next) return tl::make_unexpected(next.error());
  auto one_taken = db_->query_int("SELECT count(*) FROM account WHERE person_id = 1");
  if (!one_taken) return tl::make_unexpected(one_taken.error());
  std::int64_t person_id = std::max<std::int64_t>(next->value_or(1), 2);
  if (membership.role == core::Role::person && terminal == app::TerminalPerson::may_own && one_taken->value_or(0) == 0)
    person_id = 1;
  app::Account account{person_id, name, password_hash, created, membership, std::nullopt};
  FASCIA_TRY(db_->run(kInsertAccount, account.person_id, account.name, account.password_hash,
                      core::format_date(created), core::to_string(membership.role), membership.clinic_id,
                      account.deactivated_at));
  FASCIA_TRY(txn->commit());
  return account;
}

Result<std::vector<app::Account>> SqlAccounts::select(std::string_view where, const sql::Param& key) {
  const std::string sql =
      "SELECT person_id, name, password_hash, created, role, clinic_id, deactivated_at FROM account" +
      (where.empty() ? std::string() : " WHERE " + std::string(where)) + " ORDER BY person_id";
  std::vector<app::Account> out;
  std::optional<core::Error> bad;
  const auto damaged = [&](const std::string& what) {
    if (!bad) bad = core::Error{ErrorCode::db_corrupt, db_->name() + " is damaged: account holds " + what};
  };
  const auto add = [&](const sql::Row& row) {
    auto created = core::parse_date(row.text(3));
    if (!created) damaged("date '" + row.text(3) + "'");
    const auto role = core::parse_role(row.text(4));
    if (!role || row.text(4) == "admin") damaged("role '" + row.text(4) + "'");
    app::Membership membership{role.value_or(core::Role::person),
                               row.is_null(5) ? std::nullopt : std::optional<std::int64_t>(row.int64(5))};
    if (role && !app::validate_membership(membership))
      damaged("a " + std::string(core::to_string(*role)) + " " + (membership.clinic_id ? "with" : "without") +
              " a clinic");
    out.push_back({row.int64(0), row.text(1), row.text(2), created.value_or(core::Date{}), membership,
                   row.is_null(6) ? std::nullopt : std::optional<std::int64_t>(row.int64(6))});
  };
  FASCIA_TRY(db_->query(sql, std::span<const sql::Param>(&key, where.empty() ? 0 : 1), add));
  if (bad) return tl::make_unexpected(*bad);
  return out;
}

Result<void> SqlAccounts::restore_account(const app::Account& account) {
  FASCIA_TRY(app::validate_account_name(account.name));
  FASCIA_TRY(app::validate_membership(account.membership));
  if (account.person_id <= 0)
    return core::fail(ErrorCode::invalid_argument, "account '" + account.name + "': person id must be positive");
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto taken =
      db_->query_int("SELECT count(*) FROM account WHERE name = ?1 OR person_id = ?2", account.name, account.person_id);
  if (!taken) return tl::make_unexpected(taken.error());
  if (taken->value_or(0) > 0)
    return core::fail(ErrorCode::invalid_argument, "account '" + account.name + "' or person " +
                                                       std::to_string(account.person_id) + " already exists");
  FASCIA_TRY(require_clinic(*db_, account.membership));
  FASCIA_TRY(db_->run(kInsertAccount, account.person_id, account.name, account.password_hash,
                      core::format_date(account.created), core::to_string(account.membership.role),
                      account.membership.clinic_id, account.deactivated_at));
  return txn->commit();
}

Result<std::optional<app::Account>> SqlAccounts::find_account(const std::string& name) {
  auto rows = select("name = ?1", name);
  if (!rows) return tl::make_unexpected(rows.error());
  if (rows->empty()) return std::optional<app::Account>{};
  return rows->front();
}

Result<std::optional<app::Account>> SqlAccounts::account_of(std::int64_t person_id) {
  auto rows = select("person_id = ?1", person_id);
  if (!rows) return tl::make_unexpected(rows.error());
  if (rows->empty()) return std::optional<app::Account>{};
  return rows->front();
}

Result<std::vector<app::Account>> SqlAccounts::list_accounts() { return select("", nullptr); }

Result<void> SqlAccounts::set_password_hash(const std::string& name, const std::string& password_hash) {
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto existing = select("name = ?1", name);
  if (!existing) return tl::make_unexpected(existing.error());
  if (existing->empty()) return core::fail(ErrorCode::not_found, "no account named '" + name + "'");
  FASCIA_TRY(db_->run("UPDATE account SET password_hash = ?1 WHERE name = ?2", password_hash, name));
  // Whoever signed in with the old password is signed out.
  FASCIA_TRY(db_->run("DELETE FROM login_session WHERE person_id = ?1", existing->front().person_id));
  FASCIA_TRY(db_->run("DELETE FROM login_device WHERE name = ?1", name));
  return txn->commit();
}

Result<app::Account> SqlAccounts::existing_account(std::int64_t person_id) {
  auto existing = select("person_id = ?1", person_id);
  if (!existing) return tl::make_unexpected(existing.error());
  if (existing->empty()) return core::fail(ErrorCode::not_found, "no account of person " + std::to_string(person_id));
  return existing->front();
}

Result<app::Account> SqlAccounts::deactivate_account(std::int64_t person_id, std::int64_t now) {
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto found = existing_account(person_id);
  if (!found) return found;
  app::Account account = std::move(*found);
  if (account.deactivated_at)
    return core::fail(ErrorCode::precondition, "'" + account.name + "' is already deactivated");
  FASCIA_TRY(db_->run("UPDATE account SET deactivated_at = ?1 WHERE person_id = ?2", now, person_id));
  FASCIA_TRY(db_->run("DELETE FROM login_session WHERE person_id = ?1", person_id));
  // Open invitations only: a used one made a link (kept), an expired or
  // cancelled one already opens nothing and keeps its own story.
  FASCIA_TRY(
      db_->run("UPDATE invitation SET cancelled_at = ?1 WHERE practitioner_id = ?2 AND used_at IS NULL AND "
               "cancelled_at IS NULL AND expires_at > ?1",
               now, person_id));
  FASCIA_TRY(txn->commit());
  account.deactivated_at = now;
  return account;
}

Result<app::Account> SqlAccounts::reactivate_account(std::int64_t person_id) {
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto found = existing_account(person_id);
  if (!found) return found;
  app::Account account = std::move(*found);
  if (!account.deactivated_at) return core::fail(ErrorCode::precondition, "'" + account.name + "' is already active");
  FASCIA_TRY(db_->run("UPDATE account SET deactivated_at = NULL WHERE person_id = ?1", person_id));
  FASCIA_TRY(txn->commit());
  account.deactivated_at.reset();
  return account;
}

Result<void> SqlAccounts::add_login_session(const std::string& token_hash, std::int64_t person_id, std::int64_t now,
                                            std::int64_t expires_at) {
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  FASCIA_TRY(db_->run("DELETE FROM login_session WHERE expires <= ?1", now));  // expired ones go now and then
  FASCIA_TRY(db_->run("INSERT INTO login_session (token_hash, person_id, created, expires) VALUES (?1, ?2, ?3, ?4)",
                      token_hash, person_id, now, expires_at));
  return txn->commit();
}

Result<std::optional<std::int64_t>> SqlAccounts::login_session_person(const std::string& token_hash, std::int64_t now) {
  // Every signed-in request asks this (a statement each engine prepares once
  // per connection). A person without an account (the start-up link's person
  // 1) has no row in account, hence NOT EXISTS rather than a join.
  return db_->query_int(
      "SELECT s.person_id FROM login_session s WHERE s.token_hash = ?1 AND s.expires > ?2 AND NOT EXISTS "
      "(SELECT 1 FROM account a WHERE a.person_id = s.person_id AND a.deactivated_at IS NOT NULL)",
      token_hash, now);
}

Result<void> SqlAccounts::end_login_session(const std::string& token_hash) {
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  FASCIA_TRY(db_->run("DELETE FROM login_session WHERE token_hash = ?1", token_hash));
  return txn->commit();
}

Result<void> SqlAccounts::add_login_device(const std::string& token_hash, const std::string& name,
                                           std::int64_t expires_at) {
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  FASCIA_TRY(
      db_->run("INSERT INTO login_device (token_hash, name, expires) VALUES (?1, ?2, ?3) "
               "ON CONFLICT (token_hash) DO UPDATE SET name = excluded.name, expires = excluded.expires",
               token_hash, name, expires_at));
  return txn->commit();
}

Result<std::optional<std::string>> SqlAccounts::login_device_name(const std::string& token_hash, std::int64_t now) {
  std::optional<std::string> name;
  FASCIA_TRY(db_->each_row(
      "SELECT name FROM login_device WHERE token_hash = ?1 AND expires > ?2",
      [&](const sql::Row& row) { name = row.text(0); }, token_hash, now));
  return name;
}

Result<app::AttemptVerdict> SqlAccounts::count_login_attempt(const std::vector<app::AttemptLimit>& limits,
                                                             std::int64_t now) {
  // One write transaction: two processes counting at once are serialised,
  // so no more than the maximum ever get through.
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  app::AttemptVerdict verdict;
  for (const auto& limit : limits) {
    FASCIA_TRY(
        db_->run("DELETE FROM login_attempt WHERE key = ?1 AND at <= ?2", limit.key, now - limit.window_seconds));
    std::int64_t count = 0;
    std::int64_t oldest = 0;
    FASCIA_TRY(db_->each_row(
        "SELECT count(*), coalesce(min(at), 0) FROM login_attempt WHERE key = ?1",
        [&](const sql::Row& row) { count = row.int64(0), oldest = row.int64(1); }, limit.key));
    if (count >= limit.max_attempts) {
      verdict.blocked_key = limit.key;
      verdict.retry_after = std::max<std::int64_t>(1, oldest + limit.window_seconds - now);
      return verdict;  // rolled back: nothing recorded
    }
  }
  for (const auto& limit : limits) {
    auto id = db_->query_int("INSERT INTO login_attempt (key, at) VALUES (?1, ?2) RETURNING id", limit.key, now);
    if (!id) return tl::make_unexpected(id.error());
    verdict.ids.push_back(id->value_or(0));
  }
  FASCIA_TRY(txn->commit());
  verdict.allowed = true;
  return verdict;
}

Result<void> SqlAccounts::forget_login_attempts(const std::vector<std::int64_t>& ids,
                                                const std::vector<std::string>& keys) {
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  for (const auto id : ids) FASCIA_TRY(db_->run("DELETE FROM login_attempt WHERE id = ?1", id));
  for (const auto& key : keys) FASCIA_TRY(db_->run("DELETE FROM login_attempt WHERE key = ?1", key));
  return txn->commit();
}

}  // namespace fascia::adapters
