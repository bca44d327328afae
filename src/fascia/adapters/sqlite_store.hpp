// The journal store on a local SQLite file (WAL, synchronous=FULL, foreign
// keys on, versioned migrations: sqlite_open.hpp). The store itself is
// SqlStore; this adds opening a file and SQLite's own diagnostics.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "fascia/adapters/sql_store.hpp"
#include "fascia/adapters/sqlite_connection.hpp"

namespace fascia::adapters {

class SqliteStore final : public SqlStore {
 public:
  // Creates the parent directories and the file when missing, then migrates.
  // Errors: invalid_argument (person_id not positive), io_error
  // (directories), db_locked, db_corrupt (damaged or foreign file, left
  // untouched), db_error (e.g. made by a newer fascia). A file this process
  // may not write opens read-only: reads work, writes fail with db_read_only.
  static core::Result<std::unique_ptr<SqliteStore>> open(const std::filesystem::path& file, std::int64_t person_id = 1);

  // Diagnostics (doctor command, tests): the value of one connection setting,
  // one of journal_mode, synchronous, foreign_keys, busy_timeout, user_version,
  // application_id. invalid_argument for any other name.
  core::Result<std::string> pragma(std::string_view name);
  const std::filesystem::path& file() const { return file_; }

 private:
  SqliteStore(std::unique_ptr<SqliteConnection> connection, std::filesystem::path file, std::int64_t person_id)
      : SqlStore(std::move(connection), person_id), file_(std::move(file)) {}
  SqliteConnection& sqlite() { return static_cast<SqliteConnection&>(connection()); }  // the one it was given
  std::filesystem::path file_;
};

}  // namespace fascia::adapters
