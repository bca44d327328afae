// fascia demo: the main job in a throwaway database — a sample desk worker is
// screened, gets a plan, and sees today's session steps.
#include <unistd.h>

#include <filesystem>

#include "fascia/app/person_state.hpp"
#include "fascia/app/sample_person.hpp"
#include "fascia/cli/commands.hpp"
#include "fascia/cli/render_text.hpp"
#include "fascia/adapters/sqlite_store.hpp"

namespace fascia::cli {

namespace {

int demo(Context& ctx) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("fascia-demo-" + std::to_string(::getpid()));
  FASCIA_CLI_TRY(store, adapters::SqliteStore::open(dir / "demo.db"));

  print_disclaimer(ctx.out);
  ctx.out << "\nDemo: a desk worker whose neck and upper-trap tension returns a day or two after every massage.\n"
             "They own a starter instrument set, can do a session Monday to Saturday, 20 minutes at a time.\n";
  FASCIA_CLI_CHECK(store->save_profile(app::sample_desk_worker(today)));
  // A common history, so the demo shows the gentler base-of-skull step.
  FASCIA_CLI_CHECK(store->add_screening(app::sample_desk_worker_screening(*kb, today)));

  FASCIA_CLI_TRY(person, app::load_person(*kb, *store));
  ctx.out << "\n== Screening (every answer no, except a history of tension headaches) ==\n";
  print_clearance(ctx.out, *kb, person.clearance);
  const auto inputs = app::plan_inputs(*kb, person, today);
  const core::Plan plan = core::build_plan(inputs);
  ctx.out << "\n== Plan ==\n";
  print_plan(ctx.out, *kb, plan);
  const core::TodayView view = core::today_view(inputs, plan);
  ctx.out << "\n== Today ==\n";
  print_today(ctx.out, *kb, view);
  // Today's session, or the first planned one when today is a rest day.
  const core::PlannedSession* shown = !view.due.empty() ? &view.due.front()
                                      : !plan.days.empty() ? &plan.days.front().sessions.front()
                                                           : nullptr;
  if (shown) {
    ctx.out << "\n== " << (view.due.empty() ? "The next session (" + core::format_long_date(plan.days.front().date) + ")"
                                             : std::string("Today's session"))
            << ", step by step ==\n";
    core::SessionRunner runner(*kb, *shown, today);
    for (std::size_t i = 0; i < runner.cards().size(); ++i) print_card(ctx.out, *kb, runner.cards()[i], i + 1, runner.cards().size());
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  ctx.out << "\n(The demo used a throwaway database, now removed. Your own journal: fascia profile set, then fascia screen.)\n";
  return kOk;
}

}  // namespace

void add_demo_command(CLI::App& app, Context& ctx, Action& action) {
  app.add_subcommand("demo", "screening, plan and today's session for a sample desk worker, in a throwaway database")
      ->callback([&ctx, &action] { action = [&ctx] { return demo(ctx); }; });
}

}  // namespace fascia::cli
