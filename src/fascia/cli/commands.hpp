// Each command family registers its subcommands on the CLI11 app and sets
// `action` to the function that runs when that subcommand is chosen.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "fascia/cli/context.hpp"
#include "fascia/cli/exit_codes.hpp"

namespace fascia::cli {

using Action = std::function<int()>;

void add_kb_commands(CLI::App& app, Context& ctx, Action& action);
void add_profile_commands(CLI::App& app, Context& ctx, Action& action);
void add_screen_command(CLI::App& app, Context& ctx, Action& action);
void add_plan_commands(CLI::App& app, Context& ctx, Action& action);  // plan, today, progress, refer
void add_session_command(CLI::App& app, Context& ctx, Action& action);
void add_log_commands(CLI::App& app, Context& ctx, Action& action);
void add_clear_command(CLI::App& app, Context& ctx, Action& action);  // practitioner clearance
void add_transfer_commands(CLI::App& app, Context& ctx, Action& action);  // export, import
void add_demo_command(CLI::App& app, Context& ctx, Action& action);
void add_user_commands(CLI::App& app, Context& ctx, Action& action);   // user add, user list
void add_care_commands(CLI::App& app, Context& ctx, Action& action);  // clinic, practice, link, access-log
// practice assign|programs|end-program|cards, program [end|cards]; after add_care_commands
void add_program_commands(CLI::App& app, Context& ctx, Action& action);
// practice note|notes|amend, notes (visit notes); after add_care_commands, whose `practice` it extends
void add_note_commands(CLI::App& app, Context& ctx, Action& action);
// clinic practitioners [deactivate|reactivate]; after add_care_commands, whose `clinic` it extends
void add_clinic_admin_commands(CLI::App& app, Context& ctx, Action& action);
// practice invitations [cancel]; after add_care_commands, whose `practice` it extends
void add_invitation_commands(CLI::App& app, Context& ctx, Action& action);
// find, practice listing [set|publish|unpublish], directory import; after add_care_commands
void add_find_commands(CLI::App& app, Context& ctx, Action& action);
void add_db_commands(CLI::App& app, Context& ctx, Action& action);     // db copy
void add_serve_command(CLI::App& app, Context& ctx, Action& action);

// Refuses work that could not be saved before it is asked for (a read-only
// journal): "<work> could not be saved: <why>", db_read_only.
inline core::Result<void> can_save(const app::JournalStore& store, const std::string& work) {
  auto writable = store.check_writable();
  if (!writable) return core::fail(writable.error().code, work + " could not be saved: " + writable.error().message);
  return {};
}

// Unwraps a Result or returns the error's exit code from the enclosing command.
#define FASCIA_CLI_TRY(var, expr)                                  \
  auto var##_result = (expr);                                      \
  if (!var##_result) return report(ctx.err, var##_result.error()); \
  auto& var = *var##_result

#define FASCIA_CLI_CHECK(expr)                                            \
  do {                                                                    \
    if (auto check_ = (expr); !check_) return report(ctx.err, check_.error()); \
  } while (0)

}  // namespace fascia::cli
