// fascia session [--script FILE|-] [--fast] [--protocol ID]: today's session,
// step by step, logged when it ends.
#include <fstream>
#include <sstream>

#include "fascia/adapters/json_views.hpp"
#include "fascia/app/person_state.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/cli/commands.hpp"
#include "fascia/cli/render_text.hpp"
#include "fascia/cli/session_input.hpp"

namespace fascia::cli {

namespace {

struct SessionOptions {
  std::string script;
  std::string protocol;
  bool fast = false;
};

int run_session(Context& ctx, const SessionOptions& o) {
  FASCIA_CLI_TRY(loaded, ctx.person());
  auto& [kb, today, store, person] = loaded;
  const core::TodayView view = app::current_today(*kb, person, today);
  std::ostream& show = ctx.json() ? ctx.err : ctx.out;  // cards never mix with JSON output
  if (view.blocked || view.due.empty()) {
    print_today(show, *kb, view);
    return view.blocked ? kSafety : report(ctx.err, {core::ErrorCode::precondition, "no session is due today"});
  }
  auto chosen = view.due.begin();
  if (!o.protocol.empty()) {
    chosen = std::find_if(view.due.begin(), view.due.end(), [&](auto& s) { return s.protocol == o.protocol; });
    if (chosen == view.due.end())
      return report(ctx.err, {core::ErrorCode::not_found, "protocol '" + o.protocol + "' is not due today (see: fascia today)"});
  }

  std::ifstream file;
  std::unique_ptr<SessionInput> input;
  if (o.script.empty()) {
    input = std::make_unique<TerminalInput>(ctx.in, show, *kb, o.fast);
  } else if (o.script == "-") {
    input = std::make_unique<ScriptInput>(ctx.in, "stdin");
  } else {
    file.open(o.script);
    if (!file) return report(ctx.err, {core::ErrorCode::io_error, "cannot read '" + o.script + "'"});
    input = std::make_unique<ScriptInput>(file, o.script);
  }

  core::SessionRunner runner(*kb, *chosen, today);
  show << chosen->protocol_name << " — " << runner.cards().size() << " steps. Stop at once if a warning sign appears.\n";
  std::vector<core::StopOutcome> stops;
  while (!runner.finished()) {
    print_card(show, *kb, runner.current(), runner.position() + 1, runner.cards().size());
    FASCIA_CLI_TRY(decision, input->decide(runner.current()));
    switch (decision.kind) {
      case StepDecision::Kind::done: {
        FASCIA_CLI_TRY(warning, runner.done(decision.amount, decision.pressure));
        if (warning) print_reason(show, *warning, "  ! ");
        break;
      }
      case StepDecision::Kind::skip: FASCIA_CLI_CHECK(runner.skip(decision.reason)); break;
      case StepDecision::Kind::stop: {
        FASCIA_CLI_TRY(outcome, runner.stop(decision.signs, decision.amount));
        print_stop_outcome(show, outcome);
        stops.push_back(outcome);
        break;
      }
    }
  }
  std::optional<int> soreness;
  if (!runner.log().stopped) {
    FASCIA_CLI_TRY(s, input->soreness_after());
    soreness = s;
  }
  core::SessionEntry entry = runner.log();
  FASCIA_CLI_TRY(recorded, app::record_session(*kb, *store, person, *chosen, entry, soreness, stops, today));
  entry.id = recorded.id;
  if (recorded.clearance) {
    show << "\nYour screening has been updated with what happened:\n";
    print_clearance(show, *kb, *recorded.clearance);
  }
  if (ctx.json()) {
    ctx.out << adapters::session_json(entry, stops) << "\n";
  } else {
    const auto done = std::count_if(entry.steps.begin(), entry.steps.end(),
                                    [](auto& s) { return s.status == core::StepStatus::done; });
    ctx.out << "\nSession saved: " << done << " of " << runner.cards().size() << " steps done"
            << (entry.stopped ? ", stopped early" : "") << ".\n";
    if (!entry.stopped)
      ctx.out << "Expect some soreness for a day or so. Before the next session, log how the skin and soreness are:\n"
                 "  fascia log reaction REGION [--redness] [--red-dots] [--bruising] [--soreness N]\n";
  }
  const bool emergency = std::any_of(stops.begin(), stops.end(),
                                     [](const core::StopOutcome& s) { return s.action == core::StopAction::emergency; });
  return emergency ? kSafety : kOk;
}

}  // namespace

void add_session_command(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<SessionOptions>();
  auto* cmd = app.add_subcommand("session", "run today's session, guided step by step");
  cmd->add_option("--script", o->script,
                  "take decisions from a file (or - for stdin): done [N] [P] | skip [why] | stop SIGN[,SIGN] [N] | soreness N");
  cmd->add_option("--protocol", o->protocol, "which of today's sessions, when more than one is due");
  cmd->add_flag("--fast", o->fast, "do not really wait on timers (for a demonstration)");
  cmd->callback([&ctx, &action, o] { action = [&ctx, o] { return run_session(ctx, *o); }; });
}

}  // namespace fascia::cli
