// A clinic administrator in the terminal (issue 10, point 1):
//   fascia clinic practitioners --as ADMIN                  the clinic's members and their state
//   fascia clinic practitioners deactivate NAME --as ADMIN  signed out, open invitations cancelled; nothing deleted
//   fascia clinic practitioners reactivate NAME --as ADMIN  may sign in and act again
// The terminal acts with the database's trust, but --as names the
// administrator so that the same rules as the web app's apply (app/
// clinic_admin: only a practitioner of that administrator's clinic, never
// their own account). Accounts themselves are made with `fascia user add`.
#include "fascia/adapters/json_care_views.hpp"
#include "fascia/app/clinic_admin.hpp"
#include "fascia/cli/care_stores.hpp"
#include "fascia/cli/commands.hpp"

namespace fascia::cli {

namespace {

struct AdminOptions {
  std::string as;
  std::string name;  // the practitioner to deactivate or reactivate
};

enum class Change { deactivate, reactivate };

void print_member(Context& ctx, const app::Account& a) {
  ctx.out << a.name << "  (person " << a.person_id << ", " << core::role_words(a.membership.role);
  if (a.deactivated_at)
    ctx.out << ", deactivated " << adapters::utc_text(*a.deactivated_at);
  else
    ctx.out << ", active";
  ctx.out << ")\n";
}

int list_members(Context& ctx, const AdminOptions& o) {
  if (o.as.empty())
    return report(ctx.err, {core::ErrorCode::invalid_argument, "--as: name the clinic's administrator"});
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(admin, account_named(*stores.accounts, o.as));
  FASCIA_CLI_TRY(members, app::clinic_members(*stores.accounts, admin));
  if (ctx.json()) {
    auto out = nlohmann::json::array();
    for (const auto& a : members) out.push_back(adapters::account_json(a));
    ctx.print_json(out);
    return kOk;
  }
  for (const auto& a : members) print_member(ctx, a);
  return kOk;
}

int change_state(Context& ctx, const AdminOptions& o, Change change) {
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(admin, account_named(*stores.accounts, o.as));
  FASCIA_CLI_TRY(found, stores.accounts->find_account(o.name));
  if (!found)
    return report(ctx.err, {core::ErrorCode::not_found, "no account named '" + o.name + "' (fascia user list)"});
  auto changed = change == Change::deactivate
                     ? app::deactivate_practitioner(*stores.accounts, admin, found->person_id, ctx.now())
                     : app::reactivate_practitioner(*stores.accounts, admin, found->person_id);
  // The app names the person id the API was given; here the name typed is what the reader knows.
  if (!changed && changed.error().code == core::ErrorCode::not_found)
    return report(ctx.err,
                  {core::ErrorCode::not_found, "no practitioner named '" + o.name + "' in " + admin.name +
                                                   "'s clinic (fascia clinic practitioners --as " + admin.name + ")"});
  FASCIA_CLI_TRY(account, std::move(changed));
  if (ctx.json()) {
    ctx.print_json(adapters::account_json(account));
    return kOk;
  }
  if (change == Change::deactivate)
    ctx.out << "Practitioner '" << account.name << "' deactivated: signed out everywhere, their open invitations\n"
            << "cancelled, and their links open nothing. Nothing is deleted: their clients keep their data,\n"
            << "links and home programs, and see that " << account.name << " is no longer active.\n"
            << "Undo with: fascia clinic practitioners reactivate " << account.name << " --as " << admin.name << "\n";
  else
    ctx.out << "Practitioner '" << account.name
            << "' reactivated: they can sign in again, and their live links open what their clients share.\n";
  return kOk;
}

}  // namespace

void add_clinic_admin_commands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* clinic = app.get_subcommand("clinic");
  auto o = std::make_shared<AdminOptions>();
  auto* members = clinic->add_subcommand(
      "practitioners", "an administrator's clinic members and their state; deactivate or reactivate one");
  members->add_option("--as", o->as, "the clinic administrator's account name");
  members->require_subcommand(0, 1);
  members->callback([&ctx, &action, o, members] {
    if (members->get_subcommands().empty()) action = [&ctx, o] { return list_members(ctx, *o); };
  });
  const auto add_change = [&](const char* name, const char* help, Change change) {
    auto* cmd = members->add_subcommand(name, help);
    cmd->add_option("name", o->name, "the practitioner's account name")->required();
    cmd->add_option("--as", o->as, "the clinic administrator's account name")->required();
    cmd->callback([&ctx, &action, o, change] { action = [&ctx, o, change] { return change_state(ctx, *o, change); }; });
  };
  add_change("deactivate",
             "a practitioner who leaves: signed out, open invitations cancelled, links open nothing (nothing deleted)",
             Change::deactivate);
  add_change("reactivate", "a deactivated practitioner may sign in and act again", Change::reactivate);
}

}  // namespace fascia::cli
