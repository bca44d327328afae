// fascia profile set | show
#include "fascia/adapters/json_views.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/cli/args.hpp"
#include "fascia/cli/commands.hpp"
#include "fascia/cli/decimal_option.hpp"

namespace fascia::cli {

namespace {

struct ProfileOptions {
  std::vector<std::string> regions;
  std::string tools;
  std::string days = "mon,wed,fri";
  int minutes = 20;
  std::string start;
  int weeks = 6;
  std::string name;
};

int set_profile(Context& ctx, const ProfileOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  core::Profile p;
  p.name = o.name;
  for (const auto& r : o.regions) {
    FASCIA_CLI_TRY(target, parse_region_arg(*kb, r, true));
    p.regions.push_back(target);
  }
  p.tools = split(o.tools, ',');
  FASCIA_CLI_TRY(days, parse_days(o.days));
  p.weekdays = days;
  p.minutes_per_session = o.minutes;
  p.weeks = o.weeks;
  if (o.start.empty()) {
    p.start = today;
  } else {
    FASCIA_CLI_TRY(start, core::parse_date(o.start));
    p.start = start;
  }
  FASCIA_CLI_CHECK(app::validate_profile(*kb, p));
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_CHECK(store->save_profile(p));
  if (ctx.json()) {
    ctx.print_json(adapters::profile_json(p));
    return kOk;
  }
  // The next step: the safety questions the first time, else the plan.
  FASCIA_CLI_TRY(screening, store->latest_screening());
  const std::string as = ctx.acting_as("");
  ctx.out << "Profile saved. Next: fascia " << (screening ? "today" : "screen") << (as.empty() ? "" : " --as " + as)
          << "\n";
  return kOk;
}

int show_profile(Context& ctx) {
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_TRY(profile, store->load_profile());
  if (!profile) return report(ctx.err, {core::ErrorCode::precondition, "no profile yet: run 'fascia profile set' first"});
  if (ctx.json()) {
    ctx.print_json(adapters::profile_json(*profile));
    return kOk;
  }
  ctx.out << "Regions:";
  for (const auto& r : profile->regions) ctx.out << " " << r.region << ":" << core::to_string(r.side) << ":" << r.pain;
  ctx.out << "\nTools:";
  for (const auto& t : profile->tools) ctx.out << " " << t;
  ctx.out << "\nDays:";
  for (std::size_t i = 0; i < profile->weekdays.size(); ++i)
    ctx.out << (i == 0 ? " " : ", ") << core::weekday_name(profile->weekdays[i]);
  ctx.out << "\nMinutes per session: " << profile->minutes_per_session << "\nStart: " << core::format_long_date(profile->start)
          << ", " << profile->weeks << " weeks\n";
  return kOk;
}

}  // namespace

void add_profile_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* profile = app.add_subcommand("profile", "what you want to work on, with what, and when");
  profile->require_subcommand(1);
  auto opts = std::make_shared<ProfileOptions>();
  auto* set = profile->add_subcommand("set", "create or replace your profile");
  set->add_option("--region", opts->regions, "REGION[:SIDE[:PAIN]], e.g. upper-trapezius:both:6 (repeat for more)")
      ->required();
  set->add_option("--tools", opts->tools, "tools or kits you own, comma-separated, e.g. starter-kit,foam-roller");
  set->add_option("--days", opts->days, "days you can do a session, e.g. mon,wed,fri or all")->capture_default_str();
  set->add_option("--minutes", opts->minutes, "minutes per session, 5-120")
      ->capture_default_str()
      ->transform(decimal_number(5, 120));
  set->add_option("--start", opts->start, "first day of the program, YYYY-MM-DD (default: today)");
  set->add_option(
         "--weeks", opts->weeks,
         "program length in weeks, 1-52; the plan itself runs 4 to 6 weeks (caps program-weeks-min/max, seed-003)")
      ->capture_default_str()
      ->transform(decimal_number(1, 52));
  set->add_option("--name", opts->name, "a display name (optional)");
  set->callback([&ctx, &action, opts] { action = [&ctx, opts] { return set_profile(ctx, *opts); }; });
  profile->add_subcommand("show", "print your profile")->callback([&ctx, &action] {
    action = [&ctx] { return show_profile(ctx); };
  });
}

}  // namespace fascia::cli
