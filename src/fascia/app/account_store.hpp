// The port for accounts: who may log in to the server, whose data they own,
// their signed-in browser sessions and devices, and the login limiter's
// attempts. All of it lives in the database, so a restart signs no one out
// and several server processes share it. Passwords and tokens never pass
// through here, only their hashes. Times are Unix seconds, passed in.
// Same durability contract as JournalStore. Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fascia/core/care_access.hpp"
#include "fascia/core/dates.hpp"
#include "fascia/core/error.hpp"

namespace fascia::app {

// An account's role and clinic: a person has no clinic; a practitioner and
// a clinic administrator belong to exactly one.
struct Membership {
  core::Role role = core::Role::person;
  std::optional<std::int64_t> clinic_id;
  bool operator==(const Membership&) const = default;
};

// Whether a new person's account may take over person 1, the terminal's
// person (whose journal may already hold entries made at the terminal). An
// account made by someone at the server's terminal may; one made over the
// web from an invitation code may not (app/signup.hpp).
enum class TerminalPerson { may_own, never };

struct Account {
  std::int64_t person_id = 0;
  std::string name;
  std::string password_hash;
  core::Date created{};  // the day it was made
  Membership membership;
  std::optional<std::int64_t> deactivated_at = std::nullopt;  // Unix seconds; empty while the account is active
  core::AccountState state() const {
    return deactivated_at ? core::AccountState::deactivated : core::AccountState::active;
  }
  bool operator==(const Account&) const = default;
};

// One limit the login limiter keeps: at most `max_attempts` counted attempts
// under `key` ("name:sam", "device:<hash>", "address:10.0.0.7") in any
// `window_seconds`.
struct AttemptLimit {
  std::string key;
  int max_attempts = 5;
  std::int64_t window_seconds = 300;
};

// The verdict on counting one login attempt before its password is checked.
struct AttemptVerdict {
  bool allowed = false;
  std::string blocked_key;        // when not allowed: the first key at its limit
  std::int64_t retry_after = 0;   // when not allowed: seconds until it has room again (at least 1)
  std::vector<std::int64_t> ids;  // when allowed: the attempts recorded, one per key
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;
  // The first person's account owns person 1 (the person the terminal
  // commands use) unless `terminal` is never; later ones, and every
  // practitioner or administrator, get the next free person id (at least
  // 2). invalid_argument when the name is taken, when the membership is not
  // valid (validate_membership), or when its clinic does not exist.
  virtual core::Result<Account> add_account(const std::string& name, const std::string& password_hash,
                                            core::Date created, const Membership& membership,
                                            TerminalPerson terminal = TerminalPerson::may_own) = 0;
  // Stores an account exactly as given, its person id and deactivation
  // included (copying a database). invalid_argument when its name or its
  // person id is taken.
  virtual core::Result<void> restore_account(const Account& account) = 0;
  virtual core::Result<std::optional<Account>> find_account(const std::string& name) = 0;
  virtual core::Result<std::optional<Account>> account_of(std::int64_t person_id) = 0;
  virtual core::Result<std::vector<Account>> list_accounts() = 0;
  // Replaces the account's password hash and ends every signed-in session of
  // its person, in one transaction. not_found when there is no such account.
  virtual core::Result<void> set_password_hash(const std::string& name, const std::string& password_hash) = 0;
  // Deactivates the account of `person_id` at `now`, in one write
  // transaction: marks it, ends every signed-in session of its person, and
  // cancels (at `now`) every invitation it made that is still open. Its
  // links, notes, programs and access-log entries are kept. The account as
  // stored. not_found when there is no such account; precondition when it
  // is already deactivated.
  virtual core::Result<Account> deactivate_account(std::int64_t person_id, std::int64_t now) = 0;
  // Makes a deactivated account active again (invitations cancelled stay
  // cancelled). not_found when there is no such account; precondition when
  // it is active.
  virtual core::Result<Account> reactivate_account(std::int64_t person_id) = 0;

  // Signed-in sessions, found by the hash of the cookie's token.
  virtual core::Result<void> add_login_session(const std::string& token_hash, std::int64_t person_id, std::int64_t now,
                                               std::int64_t expires_at) = 0;
  // The person of a session that has not expired at `now` nor been ended,
  // unless that person's account is deactivated (a session made while the
  // account was being deactivated opens nothing either).
  virtual core::Result<std::optional<std::int64_t>> login_session_person(const std::string& token_hash,
                                                                         std::int64_t now) = 0;
  virtual core::Result<void> end_login_session(const std::string& token_hash) = 0;

  // Devices that signed in successfully to an account (OWASP's device
  // cookies): found by the hash of the device cookie's token.
  virtual core::Result<void> add_login_device(const std::string& token_hash, const std::string& name,
                                              std::int64_t expires_at) = 0;
  // The account name a device signed in to, while it has not expired at `now`.
  virtual core::Result<std::optional<std::string>> login_device_name(const std::string& token_hash,
                                                                     std::int64_t now) = 0;

  // Counts one attempt under every limit, before the password is checked, in
  // one transaction: when any key already has its maximum within its window,
  // nothing is recorded and the verdict says which key and for how long;
  // else one attempt is recorded per key. Attempts past every window are
  // forgotten on the way.
  virtual core::Result<AttemptVerdict> count_login_attempt(const std::vector<AttemptLimit>& limits,
                                                           std::int64_t now) = 0;
  // After a correct password: the attempts just counted and every earlier
  // one under `keys` no longer count.
  virtual core::Result<void> forget_login_attempts(const std::vector<std::int64_t>& ids,
                                                   const std::vector<std::string>& keys) = 0;
};

// Names are 1-40 characters of a-z, 0-9, '.', '_' and '-', so they are safe
// to show, log and type. Passwords are well-formed UTF-8 of 8-200 characters
// (Unicode code points, app/text_limits.hpp).
core::Result<void> validate_account_name(const std::string& name);
core::Result<void> validate_password(const std::string& password);
// A person has no clinic; a practitioner and an administrator name one.
core::Result<void> validate_membership(const Membership& membership);
// A clinic's name: 1-80 characters on one line, not only spaces.
core::Result<void> validate_clinic_name(const std::string& name);

}  // namespace fascia::app
