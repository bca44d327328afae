// What every command needs, opened lazily and once: the knowledge base, the
// journal store, today's date, the output mode. Errors come back as values;
// the command turns them into a message and an exit code.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "fascia/adapters/database_open.hpp"
#include "fascia/app/clock.hpp"
#include "fascia/app/journal_store.hpp"
#include "fascia/app/person_state.hpp"
#include "fascia/core/error.hpp"
#include "fascia/core/knowledge_base.hpp"

namespace fascia::cli {

struct GlobalOptions {
  std::string db;     // --db, else $FASCIA_DB, else the XDG data directory: a file or a postgresql:// URL
  std::string data;   // --data, else $FASCIA_DATA, else the source tree's data/
  std::string today;  // --today (for tests and demos), else $FASCIA_TODAY, else the local date
  std::string as;     // --as: the person account a person's command acts for; empty: the terminal's person (1)
  bool json = false;
};

class Context;

// Everything a command about one person needs, loaded together.
struct PersonContext {
  const core::KnowledgeBase* kb = nullptr;
  core::Date today{};
  app::JournalStore* store = nullptr;
  app::PersonState person;
};

class Context {
 public:
  Context(GlobalOptions& options, std::ostream& out, std::ostream& err, std::istream& in);

  core::Result<const core::KnowledgeBase*> kb();
  // The journal of the person the command acts for: --as NAME's (an active
  // person's account: not_found naming it, forbidden for a deactivated or a
  // practitioner's or administrator's account), else person 1's.
  core::Result<app::JournalStore*> store();
  // The account name a person's command acts as: `own` (a command's own
  // --as), else the global --as; empty for the terminal's person.
  std::string acting_as(const std::string& own) const { return own.empty() ? options_.as : own; }
  core::Result<core::Date> today();
  // A fixed clock when --today or $FASCIA_TODAY is given, else the system's
  // (for long-running commands, where "today" moves).
  core::Result<std::unique_ptr<app::Clock>> clock();
  // Seconds since 1970 of this moment on today()'s calendar (app::Clock::now):
  // what records are stamped with. main() has checked --today already.
  std::int64_t now();
  // The knowledge base, today, the store and the person's profile, screening
  // and journal; precondition errors when there is no profile or screening.
  core::Result<PersonContext> person();
  // Where the data lives: a SQLite file or a PostgreSQL URL (--db, FASCIA_DB).
  adapters::DatabaseTarget database() const;
  // As the person typed it, for commands a message suggests.
  std::string database_text() const { return database().text(); }
  // The local file the terminal's own files sit next to (a guided session's
  // draft): the SQLite file itself, or for a PostgreSQL database a name of
  // its own in the XDG data directory, made from a hash of the URL — so a
  // draft started on one database is never saved into another. For a
  // person other than person 1 (--as), ".person-N" is added, so that no one
  // resumes another's draft; read it after store().
  std::filesystem::path local_anchor() const;
  std::filesystem::path data_dir() const;
  bool json() const { return options_.json; }
  // --json output: `value` on `out`, indented by two spaces, and a newline.
  void print_json(const nlohmann::json& value);

  std::ostream& out;
  std::ostream& err;
  std::istream& in;

 private:
  static std::filesystem::path default_file();
  // The person id of the active person's account `name` (store()'s errors).
  core::Result<std::int64_t> person_named(const std::string& name) const;
  GlobalOptions& options_;
  std::optional<core::KnowledgeBase> kb_;
  std::unique_ptr<app::JournalStore> store_;
  std::int64_t person_id_ = 1;  // whose journal store_ is
};

}  // namespace fascia::cli
