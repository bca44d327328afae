// What the terminal's practitioner and person commands share: the clinic
// and account stores of the open database, and who an --as NAME is.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "fascia/adapters/sql_accounts.hpp"
#include "fascia/adapters/sql_clinics.hpp"
#include "fascia/app/account_store.hpp"
#include "fascia/cli/context.hpp"
#include "fascia/core/care_access.hpp"

namespace fascia::cli {

// The account named `name`, about to act (--as): not_found naming it (and
// `fascia user list`); forbidden, naming it, when it is deactivated.
core::Result<app::Account> account_named(app::AccountStore& accounts, const std::string& name);

// Who a person-side command acts as: --as NAME, else the terminal's person
// (the account that owns person 1, if any). account_named's errors, and
// forbidden, naming the role, for a practitioner's or an administrator's.
core::Result<core::Actor> person_actor(app::AccountStore& accounts, const std::string& as);

struct CareStores {
  std::unique_ptr<adapters::SqlAccounts> accounts;
  std::unique_ptr<adapters::SqlClinics> clinics;
};

// Opens both on the context's database; its errors.
core::Result<CareStores> open_care_stores(Context& ctx);

}  // namespace fascia::cli
