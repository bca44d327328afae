// Accounts, signed-in sessions, devices and login attempts in the same
// database as the journal (tables `account`, with each account's role,
// clinic and deactivation, `login_session`, `login_device`, `login_attempt`;
// deactivating also cancels the account's open rows of `invitation`), written once
// for both engines
// (sql_connection.hpp). Opening: sqlite_accounts.hpp, pg_store.hpp.
#pragma once

#include <memory>

#include "fascia/adapters/sql_connection.hpp"
#include "fascia/app/account_store.hpp"

namespace fascia::adapters {

class SqlAccounts : public app::AccountStore {
 public:
  explicit SqlAccounts(std::shared_ptr<sql::Connection> connection) : db_(std::move(connection)) {}

  core::Result<app::Account> add_account(const std::string& name, const std::string& password_hash, core::Date created,
                                         const app::Membership& membership,
                                         app::TerminalPerson terminal = app::TerminalPerson::may_own) override;
  core::Result<void> restore_account(const app::Account& account) override;
  core::Result<std::optional<app::Account>> find_account(const std::string& name) override;
  core::Result<std::optional<app::Account>> account_of(std::int64_t person_id) override;
  core::Result<std::vector<app::Account>> list_accounts() override;
  core::Result<void> set_password_hash(const std::string& name, const std::string& password_hash) override;
  core::Result<app::Account> deactivate_account(std::int64_t person_id, std::int64_t now) override;
  core::Result<app::Account> reactivate_account(std::int64_t person_id) override;
  core::Result<void> add_login_session(const std::string& token_hash, std::int64_t person_id, std::int64_t now,
                                       std::int64_t expires_at) override;
  core::Result<std::optional<std::int64_t>> login_session_person(const std::string& token_hash,
                                                                 std::int64_t now) override;
  core::Result<void> end_login_session(const std::string& token_hash) override;
  core::Result<void> add_login_device(const std::string& token_hash, const std::string& name,
                                      std::int64_t expires_at) override;
  core::Result<std::optional<std::string>> login_device_name(const std::string& token_hash, std::int64_t now) override;
  core::Result<app::AttemptVerdict> count_login_attempt(const std::vector<app::AttemptLimit>& limits,
                                                        std::int64_t now) override;
  core::Result<void> forget_login_attempts(const std::vector<std::int64_t>& ids,
                                           const std::vector<std::string>& keys) override;

 private:
  core::Result<std::vector<app::Account>> select(std::string_view where, const sql::Param& key);
  // The account of `person_id` as it is now (inside the caller's
  // transaction); not_found naming the person when there is none.
  core::Result<app::Account> existing_account(std::int64_t person_id);
  std::shared_ptr<sql::Connection> db_;
};

}  // namespace fascia::adapters
