#include "fascia/adapters/sqlite_open.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <system_error>

#include "fascia/adapters/sqlite_migrations.hpp"

namespace fascia::adapters {

using core::ErrorCode;
using core::Result;
using sqlite::Database;
using sqlite::Transaction;
using sqlite::TransactionMode;

namespace {

constexpr int kBusyTimeoutMilliseconds = 1500;

// Refuses SQLite files that are not ours (foreign application id, or tables
// without our id) and files from a newer fascia. Reads only.
Result<void> check_identity(Database& db) {
  // One read transaction, one snapshot: read one by one, a file another
  // process is creating could show its tables (committed in between) beside
  // the application id of before, and look foreign.
  auto snapshot = Transaction::begin(db, TransactionMode::deferred);
  if (!snapshot) return tl::make_unexpected(snapshot.error());
  auto application_id = db.query_int("PRAGMA application_id");
  if (!application_id) return tl::make_unexpected(application_id.error());
  auto version = db.query_int("PRAGMA user_version");
  if (!version) return tl::make_unexpected(version.error());
  auto objects = db.query_int("SELECT count(*) FROM sqlite_schema");
  if (!objects) return tl::make_unexpected(objects.error());
  if (*application_id != kSqliteApplicationId && (*application_id != 0 || *objects > 0 || *version > 0))
    return tl::make_unexpected(sqlite::corrupt_error(db.file()));
  const auto known = static_cast<std::int64_t>(sqlite_migrations().size());
  if (*version > known)
    return core::fail(ErrorCode::db_error,
                      "database " + db.file().string() + " was created by a newer fascia (schema version " +
                          std::to_string(*version) + ", this program knows up to " + std::to_string(known) + ")");
  return {};
}

Result<void> configure(Database& db) {
  db.set_busy_timeout(kBusyTimeoutMilliseconds);
  FASCIA_TRY(check_identity(db));
  auto mode = db.query_text("PRAGMA journal_mode = WAL");
  if (!mode) return tl::make_unexpected(mode.error());
  if (*mode != "wal")
    return core::fail(ErrorCode::db_error, "database " + db.file().string() +
                                               " cannot use write-ahead logging (journal mode " + *mode + ")");
  return db.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
}

// Applies each missing migration in its own transaction. The version is read
// again inside the transaction, so two processes opening a new file at once
// migrate it once.
Result<void> migrate(Database& db) {
  const auto scripts = sqlite_migrations();
  for (std::size_t i = 0; i < scripts.size(); ++i) {
    const auto target = static_cast<std::int64_t>(i + 1);
    auto before = db.query_int("PRAGMA user_version");
    if (!before) return tl::make_unexpected(before.error());
    if (*before >= target) continue;
    auto txn = Transaction::begin(db, TransactionMode::immediate);
    if (!txn) return tl::make_unexpected(txn.error());
    auto current = db.query_int("PRAGMA user_version");
    if (!current) return tl::make_unexpected(current.error());
    if (*current >= target) continue;  // another process got there first
    FASCIA_TRY(db.exec(scripts[i]));
    FASCIA_TRY(db.exec("PRAGMA user_version = " + std::to_string(target)));
    FASCIA_TRY(txn->commit());
  }
  return {};
}

// True when this process may not write `path` (its permissions, or a
// read-only file system); the effective user is asked, as for an open().
bool cannot_write(const std::filesystem::path& path) {
  return faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) != 0 &&
         (errno == EACCES || errno == EROFS || errno == EPERM);
}

// Why an existing file cannot be written, or nullopt when it can. WAL
// needs the folder too: SQLite creates FILE-wal and FILE-shm beside it.
std::optional<std::string> read_only_reason(const std::filesystem::path& file, const std::filesystem::path& folder) {
  if (cannot_write(file)) return "database " + file.string() + " is read-only; nothing was saved";
  if (cannot_write(folder))
    return "folder " + folder.string() + " is read-only (SQLite writes its journal beside database " + file.string() +
           "); nothing was saved";
  return std::nullopt;
}

// Reading only: no journal-mode switch and no migrations, both of which
// write. Without a -wal file nobody is writing it, so it is opened as
// immutable: a WAL reader would otherwise create -wal/-shm files (impossible
// in a read-only folder, and left behind, owned by us, in someone else's).
// With a -wal file, whoever may write has it open or left changes in it;
// their -shm is then read as is.
Result<Database> open_for_reading(const std::filesystem::path& file, std::string why) {
  std::error_code ec;
  const bool live_wal = std::filesystem::exists(file.string() + "-wal", ec);
  // A -wal file without its -shm (a copy of the two files, say) can only be
  // read by creating the -shm, which a read-only folder forbids. Opening it
  // immutable would show the journal without the changes in the -wal, so it
  // is refused with what to do instead.
  const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  if (live_wal && !std::filesystem::exists(file.string() + "-shm", ec) && cannot_write(folder))
    return core::fail(ErrorCode::db_read_only,
                      "database " + file.string() + " has changes in " + file.string() + "-wal that SQLite can read " +
                          "only by creating " + file.string() + "-shm, and folder " + folder.string() +
                          " is read-only: copy the files to a folder you can write and open the copy there");
  auto db = Database::open_read_only(file, std::move(why), /*immutable=*/!live_wal);
  if (!db) return db;
  db->set_busy_timeout(kBusyTimeoutMilliseconds);
  FASCIA_TRY(check_identity(*db));
  auto version = db->query_int("PRAGMA user_version");
  if (!version) return tl::make_unexpected(version.error());
  if (*version < static_cast<std::int64_t>(sqlite_migrations().size()))
    return core::fail(ErrorCode::db_read_only, db->read_only_reason() + " (and it needs upgrading: schema version " +
                                               std::to_string(*version) + "; open it once where it can be written)");
  return db;
}

}  // namespace

Result<Database> open_fascia_database(const std::filesystem::path& file) {
  if (file.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec)
      return core::fail(ErrorCode::io_error,
                        "cannot create directory " + file.parent_path().string() + ": " + ec.message());
  }
  const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) {
    if (auto why = read_only_reason(file, folder)) return open_for_reading(file, std::move(*why));
  } else if (!ec && cannot_write(folder)) {
    return core::fail(ErrorCode::db_read_only,
                      "folder " + folder.string() + " is read-only; cannot create database " + file.string());
  }
  auto db = Database::open(file);
  if (!db) return db;
  FASCIA_TRY(configure(*db));
  FASCIA_TRY(migrate(*db));
  return db;
}

Result<void> quick_check_file(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return {};
  // A file that cannot be written is opened for reading only, where no write
  // can land; and a WAL file in a read-only folder cannot be opened this way.
  const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  if (read_only_reason(file, folder)) return {};
  auto db = Database::open_read_only(file, "opened read-only for its integrity check", false);
  if (!db) return tl::make_unexpected(db.error());
  auto verdict = db->query_text("PRAGMA quick_check(1)");
  if (!verdict) return tl::make_unexpected(verdict.error());
  if (*verdict != "ok") return tl::make_unexpected(sqlite::corrupt_error(file));
  return {};
}

}  // namespace fascia::adapters
