// fascia log pain | reaction | habit | treatment | note
#include "fascia/adapters/json_views.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/cli/args.hpp"
#include "fascia/cli/commands.hpp"

namespace fascia::cli {

namespace {

struct LogOptions {
  std::string region, date, id, note, text;
  int score = -1;
  int soreness = 0;
  bool redness = false, red_dots = false, bruising = false;
};

core::Result<core::Date> entry_date(Context& ctx, const std::string& text) {
  auto today = ctx.today();
  if (!today) return today;
  if (text.empty()) return *today;
  auto d = core::parse_date(text);
  if (!d) return core::fail(core::ErrorCode::bad_date, "--date: " + d.error().message);
  return *d;
}

int saved(Context& ctx, const std::string& what) {
  if (ctx.json())
    ctx.out << adapters::message_json("saved", what) << "\n";
  else
    ctx.out << "Saved: " << what << "\n";
  return kOk;
}

int log_pain(Context& ctx, const LogOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(date, entry_date(ctx, o.date));
  FASCIA_CLI_TRY(target, parse_region_arg(*kb, o.region, false));
  core::PainEntry e{date, target.region, target.side, o.score};
  FASCIA_CLI_CHECK(app::validate_pain(*kb, e, today));
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_CHECK(store->add_pain(e));
  return saved(ctx, "pain " + std::to_string(o.score) + "/10 in " + o.region + " on " + core::format_date(date));
}

int log_reaction(Context& ctx, const LogOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(date, entry_date(ctx, o.date));
  FASCIA_CLI_TRY(target, parse_region_arg(*kb, o.region, false));
  core::ReactionEntry e{date, target.region, target.side, o.redness, o.red_dots, o.bruising, o.soreness};
  FASCIA_CLI_CHECK(app::validate_reaction(*kb, e, today));
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_CHECK(store->add_reaction(e));
  return saved(ctx, "check-in for " + o.region + " on " + core::format_date(date) +
                        (core::reaction_settled(*kb, e) ? " (settled)" : " (not yet settled)"));
}

int log_habit(Context& ctx, const LogOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(date, entry_date(ctx, o.date));
  core::HabitEntry e{date, o.id};
  FASCIA_CLI_CHECK(app::validate_habit(*kb, e, today));
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_CHECK(store->add_habit(e));
  return saved(ctx, "habit " + o.id + " on " + core::format_date(date));
}

int log_treatment(Context& ctx, const LogOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(date, entry_date(ctx, o.date));
  core::TreatmentEntry e{date, o.id, o.region, o.note};
  FASCIA_CLI_CHECK(app::validate_treatment(*kb, e, today));
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_CHECK(store->add_treatment(e));
  return saved(ctx, "treatment " + o.id + " on " + core::format_date(date));
}

int log_note(Context& ctx, const LogOptions& o) {
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(date, entry_date(ctx, o.date));
  core::NoteEntry e{date, o.text};
  FASCIA_CLI_CHECK(app::validate_note(e, today));
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_CHECK(store->add_note(e));
  return saved(ctx, "note on " + core::format_date(date));
}

}  // namespace

void add_log_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* log = app.add_subcommand("log", "add to your journal");
  log->require_subcommand(1);
  auto o = std::make_shared<LogOptions>();
  auto date_option = [&](CLI::App* cmd) { cmd->add_option("--date", o->date, "the day it refers to, YYYY-MM-DD (default: today)"); };

  auto* pain = log->add_subcommand("pain", "pain 0-10 in a region");
  pain->add_option("region", o->region, "REGION[:SIDE]")->required();
  pain->add_option("score", o->score, "0 (none) to 10 (worst imaginable)")->required();
  date_option(pain);
  pain->callback([&ctx, &action, o] { action = [&ctx, o] { return log_pain(ctx, *o); }; });

  auto* reaction = log->add_subcommand("reaction", "skin and soreness check-in for a treated region");
  reaction->add_option("region", o->region, "REGION[:SIDE]")->required();
  reaction->add_flag("--redness", o->redness, "the skin is still red");
  reaction->add_flag("--red-dots", o->red_dots, "red dots or red bumps are visible");
  reaction->add_flag("--bruising", o->bruising, "there is bruising");
  reaction->add_option("--soreness", o->soreness, "soreness 0-10 (default 0)");
  date_option(reaction);
  reaction->callback([&ctx, &action, o] { action = [&ctx, o] { return log_reaction(ctx, *o); }; });

  auto* habit = log->add_subcommand("habit", "a habit done today (see: fascia kb list habits)");
  habit->add_option("habit", o->id, "habit id")->required();
  date_option(habit);
  habit->callback([&ctx, &action, o] { action = [&ctx, o] { return log_habit(ctx, *o); }; });

  auto* treatment = log->add_subcommand("treatment", "a treatment received elsewhere (see: fascia kb list treatments)");
  treatment->add_option("treatment", o->id, "treatment id, e.g. deep-tissue-massage")->required();
  treatment->add_option("--region", o->region, "region treated (optional)");
  treatment->add_option("--note", o->note, "anything worth remembering");
  date_option(treatment);
  treatment->callback([&ctx, &action, o] { action = [&ctx, o] { return log_treatment(ctx, *o); }; });

  auto* note = log->add_subcommand("note", "a function note: what was easier or harder");
  note->add_option("text", o->text, "the note")->required();
  date_option(note);
  note->callback([&ctx, &action, o] { action = [&ctx, o] { return log_note(ctx, *o); }; });
}

}  // namespace fascia::cli
