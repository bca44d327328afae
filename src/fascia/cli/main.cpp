// The fascia command-line program: parse, call the app, print.
#include <algorithm>
#include <iostream>
#include <iterator>

#include "fascia/cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace fascia::cli;
  CLI::App app{"fascia — guided, dosed fascial self-release with safety screening and a symptom journal"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the subcommand: fascia serve --db FILE
  GlobalOptions options;
  app.add_option("--db", options.db,
                 "the database: a SQLite file or a postgresql:// URL (default: $FASCIA_DB or "
                 "$XDG_DATA_HOME/fascia/fascia.db)")
      ->check([](const std::string& value) {  // an empty --db would quietly mean the default journal
        return value.empty() ? std::string("is empty: give a file or a postgresql:// URL") : std::string();
      });
  app.add_option("--data", options.data, "knowledge base directory (default: $FASCIA_DATA or the built-in data/)");
  app.add_option("--today", options.today, "treat this date (YYYY-MM-DD) as today (default: $FASCIA_TODAY or the local date)");
  app.add_option("--as", options.as,
                 "a person's account name: their journal, plan and sessions (default: the terminal's person, the "
                 "first person account)")
      ->check([](const std::string& value) {  // an empty --as would quietly mean the terminal's person
        return value.empty() ? std::string("is empty: give an account name (fascia user list)") : std::string();
      });
  app.add_flag("--json", options.json, "print data as JSON");

  Context ctx(options, std::cout, std::cerr, std::cin);
  Action action;
  add_kb_commands(app, ctx, action);
  add_profile_commands(app, ctx, action);
  add_screen_command(app, ctx, action);
  add_plan_commands(app, ctx, action);
  add_session_command(app, ctx, action);
  add_log_commands(app, ctx, action);
  add_clear_command(app, ctx, action);
  add_transfer_commands(app, ctx, action);
  add_demo_command(app, ctx, action);
  add_user_commands(app, ctx, action);
  add_care_commands(app, ctx, action);
  add_program_commands(app, ctx, action);
  add_note_commands(app, ctx, action);
  add_clinic_admin_commands(app, ctx, action);
  add_invitation_commands(app, ctx, action);
  add_find_commands(app, ctx, action);
  add_db_commands(app, ctx, action);
  add_serve_command(app, ctx, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "fascia: error: " << e.what() << " (see --help)\n";
    return kUsage;
  }
  // --as before the command acts for a person: a command that acts for no
  // one (accounts, clinics, the server, the knowledge base) would ignore it.
  if (!options.as.empty()) {
    static constexpr const char* kPersonCommands[] = {"profile", "screen",  "plan",  "today",      "progress",
                                                      "session", "log",     "clear", "export",     "import",
                                                      "program", "link",    "notes", "access-log"};
    const bool for_a_person = std::any_of(std::begin(kPersonCommands), std::end(kPersonCommands),
                                          [&](const char* name) { return app.got_subcommand(name); });
    if (!for_a_person) {
      std::cerr << "fascia: error: --as: this command does not act for a person's account; leave --as out (see "
                   "--help)\n";
      return kUsage;
    }
  }
  // A bad --today or $FASCIA_TODAY is refused before any command runs, so
  // that no record is stamped with a date the person did not mean.
  if (auto today = ctx.today(); !today) return report(std::cerr, today.error());
  try {
    return action ? action() : kUsage;
  } catch (const std::exception& e) {
    std::cerr << "fascia: internal error: " << e.what() << "\n";
    return kInternal;
  }
}
