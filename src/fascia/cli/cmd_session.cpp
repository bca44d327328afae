// fascia session [--script FILE|-] [--fast] [--protocol ID] [--resume|--restart]
//                [--save-pending FILE]: today's session, step by step, logged
// when it ends. The steps so far are kept in a draft file next to the journal
// after every step, so an interrupted session (Ctrl-C, closed terminal, a
// killed process) can be continued the same day, and a session that cannot be
// saved (database locked, disk full) is kept with the command that saves it.
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "fascia/adapters/json_views.hpp"
#include "fascia/adapters/session_draft_file.hpp"
#include "fascia/app/due_session.hpp"
#include "fascia/app/person_state.hpp"
#include "fascia/app/session_events.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/cli/commands.hpp"
#include "fascia/cli/kept_session.hpp"
#include "fascia/cli/render_text.hpp"
#include "fascia/cli/session_input.hpp"
#include "fascia/core/journal_analysis.hpp"

namespace fascia::cli {

namespace {

struct SessionOptions {
  std::string script;
  std::string protocol;
  std::string save_pending;
  bool fast = false;
  bool resume = false;
  bool restart = false;
};

app::SessionEvent event_of(const StepDecision& d) {
  app::SessionEvent e;
  e.amount = d.amount;
  e.pressure = d.pressure;
  e.reason = d.reason;
  e.signs = d.signs;
  e.kind = d.kind == StepDecision::Kind::done   ? app::SessionEvent::Kind::done
           : d.kind == StepDecision::Kind::skip ? app::SessionEvent::Kind::skip
                                                : app::SessionEvent::Kind::stop;
  return e;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Ctrl-C or a closed terminal during a guided session: the steps finished so
// far are already in the draft file; say so and end (only async-signal-safe
// calls). The card on screen was not finished, so it starts again: like an
// interval timer, a step's count is kept when the step is answered, not per stroke.
void interrupted_session(int signal_number) {
  static const char kMessage[] =
      "\nStopped. The steps finished so far are kept; the step you were on starts again when you continue.\n"
      "Run fascia session again to continue.\n";
  [[maybe_unused]] const ssize_t ignored = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  ::_exit(128 + signal_number);
}

// The closing lines after a session is saved: what was done and when to check in.
int report_saved(Context& ctx, const core::KnowledgeBase& kb, const core::SessionEntry& entry, std::size_t cards,
                 const std::vector<core::StopOutcome>& stops) {
  if (ctx.json()) {
    ctx.print_json(adapters::session_json(entry, stops));
  } else {
    const auto done = std::count_if(entry.steps.begin(), entry.steps.end(),
                                    [](auto& s) { return s.status == core::StepStatus::done; });
    ctx.out << "\nSession saved: " << done << " of " << cards << " steps done"
            << (entry.stopped ? ", stopped early" : "") << ".\n";
    if (!entry.stopped && !core::instrument_areas(entry).empty())
      ctx.out << "Expect some soreness for a day or so. The next session on these areas waits for one check-in on\n"
                 "the skin and soreness; it counts from "
              << core::format_long_date(core::checkin_counts_from(kb, entry.date))
              << " on and covers every area at once:\n"
                 "  fascia log checkin [--redness REGION] [--red-dots REGION] [--bruising REGION] [--soreness N]\n";
  }
  const bool emergency = std::any_of(
      stops.begin(), stops.end(), [](const core::StopOutcome& s) { return s.action == core::StopAction::emergency; });
  return emergency ? kSafety : kOk;
}

// fascia session --save-pending FILE: saves a session kept when saving failed.
int save_pending(Context& ctx, const std::string& file) {
  FASCIA_CLI_TRY(loaded, ctx.person());
  [[maybe_unused]] auto& [kb, today, store, person] = loaded;
  adapters::SessionDraftFile drafts(file);
  FASCIA_CLI_TRY(kept, drafts.load());
  if (!kept) return report(ctx.err, {core::ErrorCode::not_found, "no kept session in '" + file + "'"});
  auto saved = app::save_draft(*kb, *store, person, *kept);
  if (!saved) return report(ctx.err, kept_session_error(saved.error(), kept->events.size()));
  if (auto cleared = drafts.clear(); !cleared) ctx.err << "fascia: note: " << cleared.error().message << "\n";
  if (saved->clearance) {
    (ctx.json() ? ctx.err : ctx.out) << "\nYour screening has been updated with what happened:\n";
    print_clearance(ctx.json() ? ctx.err : ctx.out, *kb, *saved->clearance);
  }
  return report_saved(ctx, *kb, saved->entry, saved->cards, saved->stops);
}

// What to do with a draft found at the start: the one to continue, if any.
core::Result<std::optional<app::SessionDraft>> kept_draft(Context& ctx, app::SessionDraftStore& drafts,
                                                          const SessionOptions& o, core::Date today, bool interactive,
                                                          std::ostream& show) {
  auto kept = drafts.load();
  if (!kept) return tl::make_unexpected(kept.error());
  if (!*kept) {
    if (o.resume) return core::fail(core::ErrorCode::precondition, "there is no session in progress to continue");
    return std::optional<app::SessionDraft>{};
  }
  const app::SessionDraft& k = **kept;
  if (o.restart) {
    FASCIA_TRY(drafts.clear());
    return std::optional<app::SessionDraft>{};
  }
  if (k.finished)
    return core::fail(core::ErrorCode::precondition, "a finished session from " + core::format_long_date(k.date) +
                                                         " is waiting to be saved; save it with: fascia --db " +
                                                         shell_quote(ctx.database_text()) + " session --save-pending " +
                                                         shell_quote(drafts.where()) + " (or drop it with --restart)");
  if (k.date != today)  // saved for its own day before today's plan was made (save_earlier_draft)
    return core::fail(core::ErrorCode::precondition, "the session kept from " + core::format_long_date(k.date) +
                                                         " could not be saved; save it with: fascia --db " +
                                                         shell_quote(ctx.database_text()) + " session --save-pending " +
                                                         shell_quote(drafts.where()));
  if (o.resume) return *kept;
  if (!interactive)
    return core::fail(core::ErrorCode::precondition,
                      "a session started earlier today is kept (" + std::to_string(k.events.size()) +
                          " steps done); continue it with --resume or start again with --restart");
  show << "You started this session earlier today and did " << k.events.size() << " steps.\n"
       << "  Enter = continue at step " << k.events.size() + 1 << ", r = start again from step 1: " << std::flush;
  std::string line;
  if (std::getline(ctx.in, line) && line == "r") {
    FASCIA_TRY(drafts.clear());
    return std::optional<app::SessionDraft>{};
  }
  return *kept;
}

int run_session(Context& ctx, const SessionOptions& o) {
  if (!o.save_pending.empty()) return save_pending(ctx, o.save_pending);
  if (o.resume && o.restart)
    return report(ctx.err, {core::ErrorCode::invalid_argument, "--resume and --restart exclude each other"});
  FASCIA_CLI_TRY(loaded, ctx.person());
  auto& [kb, today, store, person] = loaded;
  if (!o.protocol.empty() && !kb->protocol(o.protocol))  // as POST /api/v1/sessions answers it
    return report(ctx.err, {core::ErrorCode::unknown_name, "unknown protocol '" + o.protocol + "'"});
  // Refused before the first step, not after the last: work that cannot be saved is never asked for.
  FASCIA_CLI_CHECK(can_save(*store, "a session done now"));
  std::ostream& show = ctx.json() ? ctx.err : ctx.out;  // cards never mix with JSON output
  adapters::SessionDraftFile drafts(adapters::SessionDraftFile::next_to(ctx.local_anchor()));
  if (!o.restart) FASCIA_CLI_CHECK(save_earlier_draft(*kb, *store, person, drafts, today, show));
  const core::TodayView view = app::current_today(*kb, person, today);
  if (view.blocked || view.due.empty()) {
    print_today(show, *kb, view);
    return view.blocked ? kSafety : report(ctx.err, {core::ErrorCode::precondition, "no session is due today"});
  }
  FASCIA_CLI_TRY(resume, kept_draft(ctx, drafts, o, today, o.script.empty(), show));
  auto chosen = app::due_session(view, resume ? resume->protocol : o.protocol);
  if (!chosen) return report(ctx.err, {core::ErrorCode::precondition, chosen.error().message + " (see: fascia today)"});

  std::ifstream file;
  std::unique_ptr<SessionInput> input;
  if (o.script.empty()) {
    ::signal(SIGINT, interrupted_session);
    ::signal(SIGHUP, interrupted_session);
    input = std::make_unique<TerminalInput>(ctx.in, show, *kb, o.fast);
  } else if (o.script == "-") {
    input = std::make_unique<ScriptInput>(ctx.in, "stdin");
  } else {
    file.open(o.script);
    if (!file) return report(ctx.err, {core::ErrorCode::io_error, "cannot read '" + o.script + "'"});
    input = std::make_unique<ScriptInput>(file, o.script);
  }

  core::SessionRunner runner(*kb, *chosen, today);
  app::SessionDraft draft = resume ? *resume : app::SessionDraft{1, today, chosen->protocol, {}, false, std::nullopt};
  std::vector<core::StopOutcome> stops;
  std::vector<core::Reason> warnings;
  for (const auto& e : draft.events)
    if (auto ok = app::apply_event(runner, e, stops, warnings); !ok)
      return report(ctx.err,
                    {ok.error().code, drafts.where() + ": " + ok.error().message + " (start again with --restart)"});
  show << chosen->protocol_name << " — " << runner.cards().size()
       << " steps. Stop at once if a warning sign appears.\n";
  if (!draft.events.empty()) show << "Continuing at step " << draft.events.size() + 1 << ".\n";
  bool draft_warned = false;
  auto keep = [&] {
    if (auto saved = drafts.save(draft); !saved && !draft_warned) {
      ctx.err << "fascia: note: the steps cannot be kept as you go (" << saved.error().message << ")\n";
      draft_warned = true;
    }
  };
  while (!runner.finished()) {
    print_card(show, *kb, runner.current(), runner.position() + 1, runner.cards().size());
    FASCIA_CLI_TRY(decision, input->decide(runner.current()));
    const app::SessionEvent event = event_of(decision);
    const std::size_t had_warnings = warnings.size(), had_stops = stops.size();
    FASCIA_CLI_CHECK(app::apply_event(runner, event, stops, warnings));
    if (warnings.size() > had_warnings) print_reason(show, warnings.back(), "  ! ");
    if (stops.size() > had_stops) print_stop_outcome(show, stops.back());
    draft.events.push_back(event);
    keep();
  }
  if (!runner.log().stopped) {
    FASCIA_CLI_TRY(s, input->soreness_after());
    draft.soreness = s;
  }
  draft.finished = true;
  keep();
  core::SessionEntry entry = runner.log();
  auto recorded = app::record_session(*kb, *store, person, *chosen, entry, draft.soreness, stops, today);
  if (!recorded) {
    const int code =
        report(ctx.err, {recorded.error().code, "the session could not be saved: " + recorded.error().message});
    if (draft_warned)
      ctx.err << "The steps could not be kept in a file either; nothing was saved.\n";
    else
      ctx.err << "Your steps are kept in " << drafts.where() << "; save them with: fascia --db "
              << shell_quote(ctx.database_text()) << " session --save-pending " << shell_quote(drafts.where()) << "\n";
    return code;
  }
  if (auto cleared = drafts.clear(); !cleared) ctx.err << "fascia: note: " << cleared.error().message << "\n";
  entry.id = recorded->id;
  if (recorded->clearance) {
    show << "\nYour screening has been updated with what happened:\n";
    print_clearance(show, *kb, *recorded->clearance);
  }
  return report_saved(ctx, *kb, entry, runner.cards().size(), stops);
}

}  // namespace

void add_session_command(CLI::App& app, Context& ctx, Action& action) {
  auto o = std::make_shared<SessionOptions>();
  auto* cmd = app.add_subcommand("session", "run today's session, guided step by step");
  cmd->add_option(
      "--script", o->script,
      "take decisions from a file (or - for stdin): done [N] [P] | skip [why] | stop SIGN[,SIGN] [N] | soreness N");
  cmd->add_option("--protocol", o->protocol, "which of today's sessions, when more than one is due");
  cmd->add_flag("--fast", o->fast, "do not really wait on timers (for a demonstration)");
  cmd->add_flag("--resume", o->resume, "continue the session started earlier today where it stopped");
  cmd->add_flag("--restart", o->restart, "drop the session kept from earlier and start again from step 1");
  cmd->add_option("--save-pending", o->save_pending, "save a session that was kept because saving failed (FILE)");
  cmd->callback([&ctx, &action, o] { action = [&ctx, o] { return run_session(ctx, *o); }; });
}

}  // namespace fascia::cli
