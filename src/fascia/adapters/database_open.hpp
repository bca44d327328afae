// Where fascia keeps its data, and opening it: a SQLite file (the default,
// one person's desk) or a PostgreSQL database named by a URL (a clinic),
// chosen by the text of --db / FASCIA_DB (ADR 0014).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "fascia/adapters/sql_accounts.hpp"
#include "fascia/adapters/sql_clinics.hpp"
#include "fascia/adapters/sql_directory.hpp"
#include "fascia/adapters/sql_store.hpp"

namespace fascia::adapters {

class DatabaseTarget {
 public:
  // postgresql://… or postgres://… names a PostgreSQL database (libpq's
  // URI form, e.g. postgresql://fascia@db.clinic.example/fascia or
  // postgresql://fascia@/fascia?host=/run/fascia); anything else is a path.
  explicit DatabaseTarget(std::string text);
  bool is_postgresql() const { return postgresql_; }
  // The SQLite file (meaningful when !is_postgresql()).
  std::filesystem::path file() const { return text_; }
  const std::string& text() const { return text_; }
  // For messages: the path, or the URL without its password.
  std::string display() const;
  // Why the text names no database, or empty: it is empty; it has a URL
  // scheme other than postgresql:// (mysql://…, an upper-case
  // POSTGRESQL://, postgresql: without //) — rather than a file of that
  // name made in the current folder. Opening reports it as invalid_argument.
  std::string problem() const;

 private:
  std::string text_;
  bool postgresql_ = false;
};

// Opens the journal store bound to person_id (positive) on the target,
// creating and migrating the database when needed. invalid_argument with
// the target's problem(); else the errors of SqliteStore::open or
// PgConnection::open.
core::Result<std::unique_ptr<SqlStore>> open_journal_store(const DatabaseTarget& target, std::int64_t person_id = 1);
// Checks a SQLite file's pages before it is used (quick_check_file): the
// terminal and `fascia serve` call it once when they open a database, so a
// damaged file is refused before anything is written to it. Nothing for
// PostgreSQL, which checks its own pages. Errors: db_corrupt naming the file,
// the errors of opening it read-only.
core::Result<void> check_database_pages(const DatabaseTarget& target);
// The account store in the same database; the same errors.
core::Result<std::unique_ptr<SqlAccounts>> open_account_store(const DatabaseTarget& target);
// The clinic store (clinics, invitations, care links, the access log) in the
// same database; the same errors.
core::Result<std::unique_ptr<SqlClinics>> open_clinic_store(const DatabaseTarget& target);

// The finder's directory in the same database; the same errors.
core::Result<std::unique_ptr<SqlDirectory>> open_directory_store(const DatabaseTarget& target);

// Every store on one connection, so that a batch begun on the journal store
// holds the account and clinic writes too (copying a whole database all or
// nothing).
struct OpenedDatabase {
  std::unique_ptr<SqlStore> journal;  // bound to person 1
  std::unique_ptr<SqlAccounts> accounts;
  std::unique_ptr<SqlClinics> clinics;
  std::unique_ptr<SqlDirectory> directory;
  std::shared_ptr<sql::Connection> connection;  // theirs, for tools that run their own SQL (benchmarks)
};
core::Result<OpenedDatabase> open_database(const DatabaseTarget& target);

}  // namespace fascia::adapters
