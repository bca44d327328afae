// Opening a fascia SQLite file: create the directories and the file when
// missing, refuse foreign or newer files, set WAL + synchronous=FULL +
// foreign keys + a busy timeout, and apply missing migrations. Shared by the
// journal store and the account store.
#pragma once

#include <filesystem>

#include "fascia/adapters/sqlite_handle.hpp"

namespace fascia::adapters {

// A file this process may not write (its permissions, a read-only folder or
// medium) is opened for reading only, unchanged: reads work, and every write
// transaction fails with db_error "database F is read-only..." or "folder D
// is read-only...".
// Errors: io_error (directories), db_locked, db_corrupt (damaged or foreign
// file, left untouched), db_error (e.g. made by a newer fascia; a missing
// file in a read-only folder; a read-only file that needs migrating).
core::Result<sqlite::Database> open_fascia_database(const std::filesystem::path& file);

// SQLite's quick check of an existing file (PRAGMA quick_check: every page
// and index readable and consistent), read-only, changing nothing. OK when
// the file does not exist yet. db_corrupt naming the file when damaged, so
// that a write is refused before it lands in a file whose other pages are
// broken (a write touches only its own pages; SQLite would not notice).
core::Result<void> quick_check_file(const std::filesystem::path& file);

}  // namespace fascia::adapters
