#include "fascia/app/clinic_admin.hpp"

#include <string>

namespace fascia::app {

using core::ErrorCode;

core::Result<std::int64_t> administered_clinic(const Account& admin) {
  if (admin.membership.role != core::Role::clinic_admin || !admin.membership.clinic_id)
    return core::fail(ErrorCode::forbidden, "only a clinic administrator manages a clinic's practitioners; '" +
                                                admin.name + "' is " + core::role_with_article(admin.membership.role));
  return *admin.membership.clinic_id;
}

namespace {

// The practitioner of the administrator's clinic that `person_id` names.
core::Result<Account> practitioner_of_clinic(AccountStore& accounts, const Account& admin, std::int64_t person_id) {
  auto clinic = administered_clinic(admin);
  if (!clinic) return tl::make_unexpected(clinic.error());
  if (person_id == admin.person_id)
    return core::fail(ErrorCode::precondition, "an administrator cannot deactivate or reactivate their own account");
  auto found = accounts.account_of(person_id);
  if (!found) return tl::make_unexpected(found.error());
  if (!*found || (*found)->membership.clinic_id != *clinic)
    return core::fail(ErrorCode::not_found, "no practitioner " + std::to_string(person_id) + " in your clinic");
  if ((*found)->membership.role != core::Role::practitioner)
    return core::fail(ErrorCode::precondition, "'" + (*found)->name + "' is " +
                                                   core::role_with_article((*found)->membership.role) +
                                                   "; only practitioners are deactivated or reactivated here");
  return **found;
}

}  // namespace

core::Result<std::vector<Account>> clinic_members(AccountStore& accounts, const Account& admin) {
  auto clinic = administered_clinic(admin);
  if (!clinic) return tl::make_unexpected(clinic.error());
  auto all = accounts.list_accounts();
  if (!all) return tl::make_unexpected(all.error());
  std::vector<Account> members;
  for (auto& account : *all)
    if (account.membership.clinic_id == *clinic) members.push_back(std::move(account));
  return members;
}

core::Result<Account> deactivate_practitioner(AccountStore& accounts, const Account& admin, std::int64_t person_id,
                                              std::int64_t now) {
  auto practitioner = practitioner_of_clinic(accounts, admin, person_id);
  if (!practitioner) return practitioner;
  return accounts.deactivate_account(practitioner->person_id, now);
}

core::Result<Account> reactivate_practitioner(AccountStore& accounts, const Account& admin, std::int64_t person_id) {
  auto practitioner = practitioner_of_clinic(accounts, admin, person_id);
  if (!practitioner) return practitioner;
  return accounts.reactivate_account(practitioner->person_id);
}

}  // namespace fascia::app
