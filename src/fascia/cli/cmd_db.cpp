// fascia db copy FROM TO: a whole database, every person and account, every
// clinic with its care links and access log, from one engine to another (a
// SQLite file, a postgresql:// URL), into an empty destination, all or
// nothing, checked by reading it back (app/database_copy).
#include <filesystem>
#include <nlohmann/json.hpp>

#include "fascia/adapters/database_open.hpp"
#include "fascia/adapters/json_text.hpp"
#include "fascia/app/database_copy.hpp"
#include "fascia/cli/commands.hpp"

namespace fascia::cli {

namespace {

int copy(Context& ctx, const std::string& from_text, const std::string& to_text) {
  const adapters::DatabaseTarget from_target(from_text);
  const adapters::DatabaseTarget to_target(to_text);
  if (from_target.text() == to_target.text())
    return report(ctx.err, {core::ErrorCode::invalid_argument, "FROM and TO are the same database"});
  // Copying from a file that is not there would make an empty one and "copy" nothing.
  if (!from_target.is_postgresql() && from_target.problem().empty() && !std::filesystem::exists(from_target.file()))
    return report(ctx.err, {core::ErrorCode::not_found, "there is no database at '" + from_text + "' to copy from"});
  FASCIA_CLI_CHECK(adapters::check_database_pages(from_target));  // a damaged source: refused before TO is made
  FASCIA_CLI_TRY(from, adapters::open_database(from_target));
  std::error_code ignored;
  const bool new_file =
      !to_target.is_postgresql() && to_target.problem().empty() && !std::filesystem::exists(to_target.file(), ignored);
  auto opened_to = adapters::open_database(to_target);
  if (!opened_to) return report(ctx.err, opened_to.error());
  auto copied = app::copy_database(*from.journal, *from.accounts, *from.clinics, *from.directory, *opened_to->journal,
                                   *opened_to->accounts, *opened_to->clinics, *opened_to->directory);
  if (!copied) {
    if (new_file) {                                     // a file this command made and left empty is not left behind
      opened_to = tl::make_unexpected(copied.error());  // closes it
      for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(to_target.file().string() + suffix, ignored);
    }
    return report(ctx.err, {copied.error().code, "copy to " + to_target.display() +
                                                     " failed, nothing was copied: " + copied.error().message});
  }
  auto& to = *opened_to;
  // Statistics for the planner at once: right after a bulk load PostgreSQL
  // would plan for near-empty tables until autovacuum catches up (whole-table
  // scans: today took 116 ms instead of 14 in bench/population).
  if (auto analysed = to.connection->run("ANALYZE"); !analysed)
    ctx.err << "fascia: note: the copy is complete, but ANALYZE failed: " << analysed.error().message << "\n";
  if (ctx.json()) {
    ctx.out << adapters::json_text(nlohmann::json{{"from", from_target.display()},
                                                  {"to", to_target.display()},
                                                  {"people", copied->people},
                                                  {"accounts", copied->accounts},
                                                  {"sessions", copied->sessions},
                                                  {"entries", copied->entries},
                                                  {"clinics", copied->clinics},
                                                  {"links", copied->links},
                                                  {"invitations", copied->invitations},
                                                  {"accesses", copied->accesses},
                                                  {"notes", copied->notes},
                                                  {"listings", copied->listings}})
            << "\n";
    return kOk;
  }
  const auto count = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  ctx.out << "Copied " << from_target.display() << " to " << to_target.display() << ": "
          << count(copied->people, "person", "people") << ", " << count(copied->accounts, "account", "accounts") << ", "
          << count(copied->sessions, "session", "sessions") << ", "
          << count(copied->entries, "other entry", "other entries") << ", "
          << count(copied->clinics, "clinic", "clinics") << ", " << count(copied->links, "care link", "care links")
          << ", " << count(copied->invitations, "invitation", "invitations") << ", "
          << count(copied->accesses, "access log entry", "access log entries") << ", "
          << count(copied->notes, "visit note", "visit notes") << ", "
          << count(copied->listings, "finder listing", "finder listings")
          << ". Every person's export reads back the same.\n"
          << "Signed-in browsers stay with the old database: people sign in again.\n";
  return kOk;
}

}  // namespace

void add_db_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* db = app.add_subcommand("db", "the database itself");
  db->require_subcommand(1);
  auto from = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  auto* copy_cmd = db->add_subcommand(
      "copy", "copy every person and account from FROM to an empty TO (a SQLite file or a postgresql:// URL)");
  copy_cmd->add_option("from", *from, "the database to copy: a file or postgresql://…")->required();
  copy_cmd->add_option("to", *to, "an empty database: a file (made when missing) or postgresql://…")->required();
  copy_cmd->callback([&ctx, &action, from, to] { action = [&ctx, from, to] { return copy(ctx, *from, *to); }; });
}

}  // namespace fascia::cli
