// fascia log pain | reaction | checkin | habit | treatment | note
#include <optional>

#include "fascia/adapters/json_views.hpp"
#include "fascia/app/session_checkin.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/cli/args.hpp"
#include "fascia/cli/commands.hpp"
#include "fascia/cli/decimal_option.hpp"
#include "fascia/cli/kept_session.hpp"
#include "fascia/cli/render_text.hpp"

namespace fascia::cli {

namespace {

struct LogOptions {
  std::string region, date, id, note, text;
  int score = -1;
  int soreness = 0;
  bool redness = false, red_dots = false, bruising = false;
  // log checkin: areas (REGION[:SIDE]) that differ from "settled".
  std::optional<std::int64_t> session;  // log checkin --session
  std::vector<std::string> red_areas, dot_areas, bruise_areas, sore_areas;
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
    ctx.print_json(adapters::message_json("saved", what));
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
  return saved(ctx, "pain " + std::to_string(o.score) + "/10 in " + area_name(*kb, e.region, e.side) + " on " +
                        core::format_long_date(date));
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
  return saved(ctx, "check-in for " + area_name(*kb, e.region, e.side) + " on " + core::format_long_date(date) +
                        (core::reaction_settled(*kb, e) ? " (settled)" : " (not yet settled)"));
}

// "session 3", "the clinic treatment" or "session 3 and the clinic treatment":
// what a check-in follows (the day is said beside it).
std::string work_words(const app::SessionCheckinForm& form) {
  const std::string clinic = form.clinic_treatment_id ? "the clinic treatment" : "";
  if (!form.session_id) return clinic;
  return "session " + std::to_string(form.session_id) + (clinic.empty() ? "" : " and " + clinic);
}

// One check-in for every area a session (or the latest instrument work in
// clinic) worked: all settled unless an option names an area that is not.
int log_checkin(Context& ctx, const LogOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(date, entry_date(ctx, o.date));
  std::vector<core::ReactionEntry> adjustments;
  auto area = [&](const std::string& text) -> core::Result<core::ReactionEntry*> {
    auto target = parse_region_arg(*kb, text, false);
    if (!target) return tl::make_unexpected(target.error());
    for (auto& a : adjustments)
      if (a.region == target->region && a.side == target->side) return &a;
    adjustments.push_back({date, target->region, target->side, false, false, false, o.soreness});
    return &adjustments.back();
  };
  adjustments.reserve(o.red_areas.size() + o.dot_areas.size() + o.bruise_areas.size() + o.sore_areas.size());
  for (const auto& t : o.red_areas) {
    FASCIA_CLI_TRY(a, area(t));
    a->redness = true;
  }
  for (const auto& t : o.dot_areas) {
    FASCIA_CLI_TRY(a, area(t));
    a->red_dots = true;
  }
  for (const auto& t : o.bruise_areas) {
    FASCIA_CLI_TRY(a, area(t));
    a->bruising = true;
  }
  for (const auto& t : o.sore_areas) {
    const auto eq = t.rfind('=');
    if (eq == std::string::npos)
      return report(ctx.err, {core::ErrorCode::invalid_argument, "--sore '" + t + "': expected REGION[:SIDE]=N"});
    FASCIA_CLI_TRY(n, parse_int(t.substr(eq + 1), "--sore " + t.substr(0, eq)));
    FASCIA_CLI_TRY(a, area(t.substr(0, eq)));
    a->soreness = n;
  }
  FASCIA_CLI_TRY(store, ctx.store());
  if (o.session && *o.session < 1)
    return report(ctx.err, {core::ErrorCode::out_of_range,
                            "--session " + std::to_string(*o.session) + " is not a session id (ids count from 1)"});
  // A session interrupted on an earlier day is saved first, so "the latest" means it.
  FASCIA_CLI_CHECK(can_save(*store, "this check-in"));
  if (auto loaded = ctx.person()) account_for_kept_session(ctx, *kb, *store, loaded->person, today);
  const std::optional<std::int64_t> id = o.session;
  FASCIA_CLI_TRY(done, app::record_session_checkin(*kb, *store, id, o.soreness, adjustments, date, today));
  if (ctx.json()) {
    std::string what = "check-in for " + work_words(done.form) + " on " + core::format_long_date(date);
    ctx.print_json(adapters::message_json("saved", what));
    return kOk;
  }
  ctx.out << "Saved: check-in for " << work_words(done.form) << " (" << core::format_long_date(done.form.session_date)
          << ") on " << core::format_long_date(date) << ", " << done.saved.size()
          << (done.saved.size() == 1 ? " area" : " areas") << ":\n";
  for (const auto& e : done.saved)
    ctx.out << "  " << area_name(*kb, e.region, e.side) << ": "
            << (core::reaction_settled(*kb, e) ? "settled" : "not yet settled") << " (soreness " << e.soreness << "/10"
            << (e.redness ? ", redness" : "") << (e.red_dots ? ", red dots" : "") << (e.bruising ? ", bruising" : "")
            << ")\n";
  if (done.early)
    ctx.out << "This check-in is from before " << core::format_long_date(done.form.counts_from)
            << ", so it does not release the next session yet; check in again from "
            << core::format_long_date(done.form.counts_from) << " on.\n";
  else if (!done.not_settled.empty())
    ctx.out << "Areas not yet settled wait; check in again once they have.\n";
  return kOk;
}

int log_habit(Context& ctx, const LogOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(date, entry_date(ctx, o.date));
  core::HabitEntry e{date, o.id};
  FASCIA_CLI_CHECK(app::validate_habit(*kb, e, today));
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_CHECK(store->add_habit(e));
  return saved(ctx, "habit \"" + kb->habits.at(o.id).name + "\" on " + core::format_long_date(date));
}

int log_treatment(Context& ctx, const LogOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(date, entry_date(ctx, o.date));
  core::TreatmentEntry e{date, o.id, o.region, o.note};
  FASCIA_CLI_CHECK(app::validate_treatment(*kb, e, today));
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_CHECK(store->add_treatment(e));
  const core::Region* region = kb->region(o.region);
  return saved(ctx, "treatment \"" + kb->treatments.at(o.id).name + "\"" + (region ? " on " + region->name : "") +
                        ", " + core::format_long_date(date));
}

int log_note(Context& ctx, const LogOptions& o) {
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(date, entry_date(ctx, o.date));
  core::NoteEntry e{date, o.text};
  FASCIA_CLI_CHECK(app::validate_note(e, today));
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_CHECK(store->add_note(e));
  return saved(ctx, "note on " + core::format_long_date(date));
}

}  // namespace

void add_log_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* log = app.add_subcommand("log", "add to your journal");
  log->require_subcommand(1);
  auto o = std::make_shared<LogOptions>();
  auto date_option = [&](CLI::App* cmd) { cmd->add_option("--date", o->date, "the day it refers to, YYYY-MM-DD (default: today)"); };

  auto* pain = log->add_subcommand("pain", "pain 0-10 in a region");
  pain->add_option("region", o->region, "REGION[:SIDE]")->required();
  pain->add_option("score", o->score, "0 (none) to 10 (worst imaginable)")
      ->required()
      ->transform(decimal_number(0, 10));
  date_option(pain);
  pain->callback([&ctx, &action, o] { action = [&ctx, o] { return log_pain(ctx, *o); }; });

  auto* reaction = log->add_subcommand("reaction", "skin and soreness check-in for a treated region");
  reaction->add_option("region", o->region, "REGION[:SIDE]")->required();
  reaction->add_flag("--redness", o->redness, "the skin is still red");
  reaction->add_flag("--red-dots", o->red_dots, "red dots or red bumps are visible");
  reaction->add_flag("--bruising", o->bruising, "there is bruising");
  reaction->add_option("--soreness", o->soreness, "soreness 0-10 (default 0)")->transform(decimal_number(0, 10));
  date_option(reaction);
  reaction->callback([&ctx, &action, o] { action = [&ctx, o] { return log_reaction(ctx, *o); }; });

  auto* checkin = log->add_subcommand("checkin",
                                      "one skin and soreness check-in for every area a session worked (default: the "
                                      "latest instrument work, at home or in clinic; all settled)");
  checkin->add_option("--session", o->session, "the session id (see: fascia export or the web app)")
      ->transform(decimal_number());
  checkin->add_option("--soreness", o->soreness, "soreness 0-10 for every area (default 0)")
      ->transform(decimal_number(0, 10));
  checkin->add_option("--redness", o->red_areas, "REGION[:SIDE] whose skin is still red (repeatable)");
  checkin->add_option("--red-dots", o->dot_areas, "REGION[:SIDE] with red dots or bumps (repeatable)");
  checkin->add_option("--bruising", o->bruise_areas, "REGION[:SIDE] with bruising (repeatable)");
  checkin->add_option("--sore", o->sore_areas, "REGION[:SIDE]=N: soreness of one area (repeatable)");
  date_option(checkin);
  checkin->callback([&ctx, &action, o] { action = [&ctx, o] { return log_checkin(ctx, *o); }; });

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
