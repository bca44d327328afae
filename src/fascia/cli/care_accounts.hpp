// On whose behalf a care command acts in the terminal (issue 10): --as NAME
// names an account; a person-side command without it acts as the terminal's
// own person. Shared by the care-link and visit-note commands.
#pragma once

#include <string>

#include "fascia/app/account_store.hpp"
#include "fascia/core/care_access.hpp"
#include "fascia/core/error.hpp"

namespace fascia::cli {

// The account named `name`; not_found "no account named 'NAME' (fascia user list)".
core::Result<app::Account> account_named(app::AccountStore& accounts, const std::string& name);

// Who a person-side command acts as: --as NAME, else the terminal's person
// (the account that owns person 1, if any; else person 1 with no account).
core::Result<core::Actor> person_actor(app::AccountStore& accounts, const std::string& as);

}  // namespace fascia::cli
