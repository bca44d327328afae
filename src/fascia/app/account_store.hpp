// The port for accounts: who may log in to the server, and whose data they
// own. Passwords never pass through here, only their hash strings.
// Same durability contract as JournalStore. Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fascia/core/dates.hpp"
#include "fascia/core/error.hpp"

namespace fascia::app {

struct Account {
  std::int64_t person_id = 0;
  std::string name;
  std::string password_hash;
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;
  // The first account owns person 1 (the person the terminal commands use);
  // later ones get the next free person id. invalid_argument when the name
  // is taken.
  virtual core::Result<Account> add_account(const std::string& name, const std::string& password_hash,
                                            core::Date created) = 0;
  virtual core::Result<std::optional<Account>> find_account(const std::string& name) = 0;
  virtual core::Result<std::optional<Account>> account_of(std::int64_t person_id) = 0;
  virtual core::Result<std::vector<Account>> list_accounts() = 0;
};

// Names are 1-40 characters of a-z, 0-9, '.', '_' and '-', so they are safe
// to show, log and type. Passwords are well-formed UTF-8 of 8-200 characters
// (Unicode code points, app/text_limits.hpp).
core::Result<void> validate_account_name(const std::string& name);
core::Result<void> validate_password(const std::string& password);

}  // namespace fascia::app
