// fascia plan | today | progress | refer LOCATION...
#include "fascia/adapters/json_views.hpp"
#include "fascia/app/person_state.hpp"
#include "fascia/cli/commands.hpp"
#include "fascia/cli/kept_session.hpp"
#include "fascia/cli/render_text.hpp"

namespace fascia::cli {

namespace {

int plan(Context& ctx) {
  FASCIA_CLI_TRY(loaded, ctx.person());
  auto& [kb, today, store, person] = loaded;
  account_for_kept_session(ctx, *kb, *store, person, today);
  const core::Plan p = app::current_plan(*kb, person, today);
  if (ctx.json())
    ctx.print_json(adapters::plan_json(p));
  else
    print_plan(ctx.out, *kb, p);
  return p.blocked ? kSafety : kOk;
}

int today_cmd(Context& ctx) {
  FASCIA_CLI_TRY(loaded, ctx.person());
  auto& [kb, today, store, person] = loaded;
  account_for_kept_session(ctx, *kb, *store, person, today);
  const core::TodayView view = app::current_today(*kb, person, today);
  if (ctx.json())
    ctx.print_json(adapters::today_json(view));
  else
    print_today(ctx.out, *kb, view);
  return view.blocked ? kSafety : kOk;
}

int progress(Context& ctx) {
  FASCIA_CLI_TRY(loaded, ctx.person());
  auto& [kb, today, store, person] = loaded;
  account_for_kept_session(ctx, *kb, *store, person, today);
  const core::Progress p = app::current_progress(*kb, person, today);
  if (ctx.json())
    ctx.print_json(adapters::progress_json(p));
  else
    print_progress(ctx.out, *kb, p);
  return kOk;
}

int refer(Context& ctx, const std::vector<std::string>& locations) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(suggestions, core::suggest_sources(*kb, locations));
  const auto warnings = core::referral_warnings(*kb, locations);
  if (ctx.json())
    ctx.print_json(adapters::referral_json(suggestions, warnings));
  else
    print_referral(ctx.out, suggestions, warnings);
  return kOk;
}

}  // namespace

void add_plan_commands(CLI::App& app, Context& ctx, Action& action) {
  app.add_subcommand("plan", "your dated program, what was left out and why")->callback([&ctx, &action] {
    action = [&ctx] { return plan(ctx); };
  });
  app.add_subcommand("today", "what is due today, or when the next session is allowed and why not now")
      ->callback([&ctx, &action] { action = [&ctx] { return today_cmd(ctx); }; });
  app.add_subcommand("progress", "pain trends, adherence, the week-4 review and every change the rules made")
      ->callback([&ctx, &action] { action = [&ctx] { return progress(ctx); }; });
  auto locations = std::make_shared<std::vector<std::string>>();
  auto* r = app.add_subcommand("refer", "where pain felt at these places often comes from (see: fascia kb list locations)");
  r->add_option("locations", *locations, "pain location ids")->required();
  r->callback([&ctx, &action, locations] { action = [&ctx, locations] { return refer(ctx, *locations); }; });
}

}  // namespace fascia::cli
