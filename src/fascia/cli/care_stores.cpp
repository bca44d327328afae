#include "fascia/cli/care_stores.hpp"

#include "fascia/adapters/database_open.hpp"
#include "fascia/app/care_links.hpp"

namespace fascia::cli {

core::Result<app::Account> account_named(app::AccountStore& accounts, const std::string& name) {
  auto found = accounts.find_account(name);
  if (!found) return tl::make_unexpected(found.error());
  if (!*found) return core::fail(core::ErrorCode::not_found, "no account named '" + name + "' (fascia user list)");
  if ((*found)->deactivated_at)
    return core::fail(core::ErrorCode::forbidden, "account '" + name +
                                                      "' is deactivated: it cannot act until its clinic's "
                                                      "administrator reactivates it");
  return **found;
}

core::Result<core::Actor> person_actor(app::AccountStore& accounts, const std::string& as) {
  if (!as.empty()) {
    auto account = account_named(accounts, as);
    if (!account) return tl::make_unexpected(account.error());
    if (account->membership.role != core::Role::person)
      return core::fail(core::ErrorCode::forbidden,
                        "--as: '" + as + "' is " + core::role_with_article(account->membership.role) +
                            "; only a person's account has links, visit notes about them and an access log");
    return app::actor_of(*account);
  }
  auto first = accounts.account_of(1);
  if (!first) return tl::make_unexpected(first.error());
  return *first ? app::actor_of(**first) : app::terminal_person();
}

core::Result<CareStores> open_care_stores(Context& ctx) {
  auto accounts = adapters::open_account_store(ctx.database());
  if (!accounts) return tl::make_unexpected(accounts.error());
  auto clinics = adapters::open_clinic_store(ctx.database());
  if (!clinics) return tl::make_unexpected(clinics.error());
  return CareStores{std::move(*accounts), std::move(*clinics)};
}

}  // namespace fascia::cli
