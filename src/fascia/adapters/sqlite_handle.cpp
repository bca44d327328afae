#include "fascia/adapters/sqlite_handle.hpp"

#include <sqlite3.h>

#include <cassert>
#include <limits>
#include <utility>

namespace fascia::adapters::sqlite {

using core::Error;
using core::ErrorCode;

namespace {

Error map_error(sqlite3* db, int result_code, const std::filesystem::path& file) {
  const std::string name = file.string();
  switch (result_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {ErrorCode::db_locked, "database " + name + " is locked by another program (another fascia, or a tool such as sqlite3); try again"};
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return corrupt_error(file);
    case SQLITE_READONLY:
      return {ErrorCode::db_read_only, "database " + name + " is read-only; nothing was saved"};
    case SQLITE_FULL:
      return {ErrorCode::db_full, "database " + name + ": the disk is full; nothing was saved"};
    default: {
      // sqlite3_errmsg describes the most recent failure on this connection;
      // fall back to the generic text for the code when there is none.
      const char* detail =
          db != nullptr && sqlite3_errcode(db) != SQLITE_OK ? sqlite3_errmsg(db) : sqlite3_errstr(result_code);
      return {ErrorCode::db_error, "database " + name + ": " + detail};
    }
  }
}

}  // namespace

Error corrupt_error(const std::filesystem::path& file) {
  return {ErrorCode::db_corrupt, "database " + file.string() + " is damaged or not a fascia database"};
}

// ---- Statement ----

void Statement::Finalizer::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

Statement& Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_.get(), index, value);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  const int rc = sqlite3_bind_text64(stmt_.get(), index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::bind(int index, std::optional<int> value) {
  if (value) return bind(index, static_cast<std::int64_t>(*value));
  return bind_null(index);
}

Statement& Statement::bind_null(int index) {
  const int rc = sqlite3_bind_null(stmt_.get(), index);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Result<bool> Statement::step() {
  if (bind_error_ != 0) {  // a programming error (bad index or type); report it once
    const int rc = std::exchange(bind_error_, 0);
    return tl::make_unexpected(map_error(nullptr, rc, file_));
  }
  sqlite3* db = sqlite3_db_handle(stmt_.get());
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error error = map_error(db, rc, file_);
  sqlite3_reset(stmt_.get());
  return tl::make_unexpected(std::move(error));
}

void Statement::reset() { sqlite3_reset(stmt_.get()); }

Result<void> Statement::run() {
  for (;;) {
    auto row = step();  // resets itself on failure
    if (!row) return tl::make_unexpected(row.error());
    if (!*row) break;
  }
  sqlite3_reset(stmt_.get());
  return {};
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

std::string Statement::text(int column) const {
  const unsigned char* data = sqlite3_column_text(stmt_.get(), column);
  if (data == nullptr) return {};
  const int size = sqlite3_column_bytes(stmt_.get(), column);
  return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }

// ---- Database ----

void Database::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

Result<Database> Database::open(const std::filesystem::path& file) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Database db(raw, file);  // owns the handle even when opening failed
  if (rc != SQLITE_OK) return tl::make_unexpected(map_error(raw, rc, file));
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

namespace {
// A file: URI for sqlite3_open_v2, with the characters URIs give meaning escaped.
std::string file_uri(const std::filesystem::path& file, std::string_view query) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (unsigned char c : file.string()) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20) {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 0xf];
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + std::string(query);
}
}  // namespace

Result<Database> Database::open_read_only(const std::filesystem::path& file, std::string why, bool immutable) {
  sqlite3* raw = nullptr;
  const std::string uri = file_uri(file, immutable ? "?mode=ro&immutable=1" : "?mode=ro");
  const int rc = sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  Database db(raw, file);
  if (rc != SQLITE_OK) return tl::make_unexpected(map_error(raw, rc, file));
  sqlite3_extended_result_codes(raw, 1);
  db.read_only_reason_ = std::move(why);
  return db;
}

Result<void> Database::exec(std::string_view sql) {
  const std::string text(sql);  // sqlite3_exec needs a terminated string
  const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return tl::make_unexpected(map_error(db_.get(), rc, file_));
  return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  if (sql.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    return tl::make_unexpected(Error{ErrorCode::db_error, "database " + file_.string() + ": statement too long"});
  const int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  Statement stmt(raw, file_);
  if (rc != SQLITE_OK) return tl::make_unexpected(map_error(db_.get(), rc, file_));
  return stmt;
}

Result<Statement*> Database::cached(std::string_view sql) {
  std::string key(sql);
  if (auto found = cache_.find(key); found != cache_.end()) return &found->second;
  auto stmt = prepare(sql);
  if (!stmt) return tl::make_unexpected(stmt.error());
  return &cache_.emplace(std::move(key), std::move(*stmt)).first->second;
}

Result<std::string> Database::query_text(std::string_view sql) {
  auto stmt = prepare(sql);
  if (!stmt) return tl::make_unexpected(stmt.error());
  auto row = stmt->step();
  if (!row) return tl::make_unexpected(row.error());
  if (!*row) return std::string{};
  return stmt->text(0);
}

Result<std::int64_t> Database::query_int(std::string_view sql) {
  auto stmt = prepare(sql);
  if (!stmt) return tl::make_unexpected(stmt.error());
  auto row = stmt->step();
  if (!row) return tl::make_unexpected(row.error());
  if (!*row) return std::int64_t{0};
  return stmt->int64(0);
}

void Database::set_busy_timeout(int milliseconds) { sqlite3_busy_timeout(db_.get(), milliseconds); }

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }

Error Database::error(int result_code) const { return map_error(db_.get(), result_code, file_); }

// ---- Transaction ----

Result<Transaction> Transaction::begin(Database& db, TransactionMode mode) {
  if (mode == TransactionMode::immediate && !db.read_only_reason().empty())
    return tl::make_unexpected(Error{ErrorCode::db_read_only, db.read_only_reason()});
  if (db.in_transaction()) {
    std::string name = db.next_savepoint_name();
    auto begun = db.exec("SAVEPOINT " + name);
    if (!begun) return tl::make_unexpected(begun.error());
    return Transaction(db, std::move(name));
  }
  auto begun = db.exec(mode == TransactionMode::immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  if (!begun) return tl::make_unexpected(begun.error());
  return Transaction(db, {});
}

Transaction::~Transaction() {
  if (db_ == nullptr) return;
  if (savepoint_.empty())
    (void)db_->exec("ROLLBACK");
  else
    (void)db_->exec("ROLLBACK TO " + savepoint_ + "; RELEASE " + savepoint_);
}

Result<void> Transaction::commit() {
  assert(db_ != nullptr && "commit() called twice");
  auto committed = db_->exec(savepoint_.empty() ? std::string("COMMIT") : "RELEASE " + savepoint_);
  if (!committed) return committed;  // still open: the destructor rolls back
  db_ = nullptr;
  return {};
}

}  // namespace fascia::adapters::sqlite
