// A practitioner's invitations in the terminal (issue 10, point 2):
//   fascia practice invitations --as NAME            each with its state: open, used (by whom), expired, cancelled
//   fascia practice invitations cancel ID --as NAME  an open one: its code is refused from then on
// Making one is `fascia practice invite` (cmd_care). The codes themselves are
// never shown again: only their hashes are kept. The rules are app/invitations.
#include "fascia/adapters/json_care_views.hpp"
#include "fascia/app/invitations.hpp"
#include "fascia/cli/care_stores.hpp"
#include "fascia/cli/commands.hpp"

namespace fascia::cli {

namespace {

struct InvitationOptions {
  std::string as;
  std::int64_t id = 0;  // the invitation to cancel
};

void print_invitation(Context& ctx, const app::InvitationDetails& d, std::int64_t now) {
  const core::Invitation& i = d.invitation;
  const auto state = core::invitation_state(i, now);
  ctx.out << "invitation " << i.id << "  " << core::to_string(state) << "  made " << adapters::utc_text(i.created_at);
  switch (state) {
    case core::InvitationState::open:
    case core::InvitationState::expired:
      ctx.out << ", " << (state == core::InvitationState::open ? "expires " : "expired ")
              << adapters::utc_text(i.expires_at);
      break;
    case core::InvitationState::used:
      ctx.out << ", accepted " << adapters::utc_text(*i.used_at) << " by "
              << (d.accepted_by.empty() ? std::string("a person") : d.accepted_by) << " (person "
              << i.used_by.value_or(0) << ")";
      break;
    case core::InvitationState::cancelled:
      ctx.out << ", cancelled " << adapters::utc_text(*i.cancelled_at);
      break;
  }
  ctx.out << "\n";
}

int list(Context& ctx, const InvitationOptions& o) {
  if (o.as.empty())
    return report(ctx.err, {core::ErrorCode::invalid_argument, "--as: name the practitioner whose invitations"});
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(practitioner, account_named(*stores.accounts, o.as));
  FASCIA_CLI_TRY(invitations, app::list_invitations(*stores.clinics, practitioner));
  const std::int64_t now = ctx.now();
  if (ctx.json()) {
    ctx.print_json(adapters::invitation_statuses_json(invitations, now));
    return kOk;
  }
  if (invitations.empty()) ctx.out << "No invitations yet (fascia practice invite --as " << o.as << ").\n";
  for (const auto& d : invitations) print_invitation(ctx, d, now);
  return kOk;
}

int cancel(Context& ctx, const InvitationOptions& o) {
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(practitioner, account_named(*stores.accounts, o.as));
  const std::int64_t now = ctx.now();
  FASCIA_CLI_TRY(cancelled, app::cancel_invitation(*stores.clinics, practitioner, o.id, now));
  if (ctx.json()) {
    ctx.print_json(adapters::invitation_status_json(cancelled, now));
    return kOk;
  }
  ctx.out << "Invitation " << o.id << " cancelled: its code is refused from now on.\n";
  return kOk;
}

}  // namespace

void add_invitation_commands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* practice = app.get_subcommand("practice");
  auto o = std::make_shared<InvitationOptions>();
  auto* invitations =
      practice->add_subcommand("invitations", "the practitioner's invitations and their state; cancel an open one");
  invitations->add_option("--as", o->as, "the practitioner's account name");
  invitations->require_subcommand(0, 1);
  invitations->callback([&ctx, &action, o, invitations] {
    if (invitations->get_subcommands().empty()) action = [&ctx, o] { return list(ctx, *o); };
  });
  auto* cancel_cmd =
      invitations->add_subcommand("cancel", "cancel an open invitation: its code is refused from now on");
  cancel_cmd->add_option("id", o->id, "the invitation's number (fascia practice invitations)")->required();
  cancel_cmd->add_option("--as", o->as, "the practitioner's account name")->required();
  cancel_cmd->callback([&ctx, &action, o] { action = [&ctx, o] { return cancel(ctx, *o); }; });
}

}  // namespace fascia::cli
