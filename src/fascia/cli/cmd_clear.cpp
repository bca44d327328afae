// fascia clear --by NAME [--region REGION[:SIDE]]... [--date D] [--note TEXT]
// Records that a practitioner has seen you and cleared warning-sign findings
// (all of them, or those on the regions named).
#include "fascia/adapters/json_views.hpp"
#include "fascia/app/clearance.hpp"
#include "fascia/app/screening_state.hpp"
#include "fascia/cli/args.hpp"
#include "fascia/cli/commands.hpp"
#include "fascia/cli/render_text.hpp"

namespace fascia::cli {

namespace {

struct ClearOptions {
  std::string by, date, note;
  std::vector<std::string> regions;
};

int clear(Context& ctx, const ClearOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(entry, clearance_from_args(*kb, today, o.date, o.regions, o.note, o.by));
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_TRY(stored, app::record_clearance(*kb, *store, entry, today));
  std::string areas;
  for (const auto& r : stored.regions) {
    areas += (areas.empty() ? "" : ", ") + area_name(*kb, r.region, r.side);
  }
  const std::string what = "clearance by " + stored.by + " on " + core::format_long_date(stored.date) + " for " +
                           (areas.empty() ? "everything" : areas);
  if (ctx.json()) {
    ctx.print_json(adapters::message_json("saved", what));
    return kOk;
  }
  ctx.out << "Saved: " << what << "\n";
  // A clearance for some areas leaves the rest waiting: name them, so that
  // nobody takes a partial clearance for the whole.
  FASCIA_CLI_TRY(state, app::screening_state(*kb, *store));
  const std::vector<std::string> waiting = areas_awaiting_clearance(*kb, state.clearance);
  if (!waiting.empty()) {
    ctx.out << "Still waiting for a practitioner's clearance:";
    for (const auto& area : waiting) ctx.out << "\n  - " << area;
    ctx.out << "\n";
  }
  ctx.out << "Next: fascia today\n";
  return kOk;
}

}  // namespace

void add_clear_command(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<ClearOptions>();
  auto* cmd = app.add_subcommand(
      "clear", "record that a practitioner has seen you and cleared the warning signs (all, or on --region)");
  cmd->add_option("--by", o->by, "who cleared you, e.g. \"Dr Lee, physiotherapist\"")->required();
  cmd->add_option("--region", o->regions, "REGION[:SIDE] the clearance covers (repeat; default: everything)");
  cmd->add_option("--date", o->date, "the day you were seen, YYYY-MM-DD (default: today)");
  cmd->add_option("--note", o->note, "anything they said worth keeping");
  cmd->callback([&ctx, &action, o] { action = [&ctx, o] { return clear(ctx, *o); }; });
}

}  // namespace fascia::cli
