// A clinic administrator's use cases (issue 10, point 1), written once for
// the terminal and the server: the clinic's members, and deactivating or
// reactivating one of its practitioners. Nothing is ever deleted (ADR 0021):
// a deactivated practitioner cannot sign in or reach anyone's data, and
// keeps their links, visit notes, programs and access-log entries. Times are
// Unix seconds, passed in.
#pragma once

#include <cstdint>
#include <vector>

#include "fascia/app/account_store.hpp"

namespace fascia::app {

// The clinic `admin` administers; forbidden unless they are a clinic
// administrator.
core::Result<std::int64_t> administered_clinic(const Account& admin);

// The accounts of the administrator's clinic (practitioners and
// administrators, active or not), by person id. forbidden unless `admin` is
// a clinic administrator.
core::Result<std::vector<Account>> clinic_members(AccountStore& accounts, const Account& admin);

// Deactivates practitioner `person_id` of the administrator's clinic at
// `now`: signed out everywhere and their open invitations cancelled, in one
// transaction (AccountStore::deactivate_account). Errors, nothing changed:
// forbidden unless `admin` is a clinic administrator; precondition for the
// administrator's own account, for another administrator of the clinic, or
// when the practitioner is already deactivated; not_found for an id that is
// not an account of the clinic (unknown, a person, or another clinic's:
// one answer, so nothing is learnt about other clinics).
core::Result<Account> deactivate_practitioner(AccountStore& accounts, const Account& admin, std::int64_t person_id,
                                              std::int64_t now);

// Reactivates practitioner `person_id` of the administrator's clinic: they
// can sign in again and their live links open what they share again (their
// cancelled invitations stay cancelled). The same errors as
// deactivate_practitioner, precondition also when they are active.
core::Result<Account> reactivate_practitioner(AccountStore& accounts, const Account& admin, std::int64_t person_id);

}  // namespace fascia::app
