// A thin RAII layer over the SQLite C API: a Database owns one connection, a
// Statement owns one prepared statement, a Transaction rolls back unless
// committed. SQLite result codes become core::Error values (busy/locked ->
// db_locked, notadb/corrupt -> db_corrupt, anything else -> db_error) whose
// messages name the database file. sqlite3.h is included by the .cpp only.
// Not thread-safe: one connection per thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "fascia/core/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace fascia::adapters::sqlite {

using core::Result;

class Statement {
 public:
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;
  ~Statement() = default;

  // Binders number parameters from 1. A failed bind is reported by step().
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, std::optional<int> value);
  Statement& bind_null(int index);
  template <class... Args>
  Statement& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  // True when a row is available, false when the statement has finished.
  Result<bool> step();
  // Steps to completion, ignoring any rows, then resets so the statement can
  // be bound and run again.
  Result<void> run();
  // Makes the statement ready to be bound and stepped again.
  void reset();

  std::int64_t int64(int column) const;
  bool boolean(int column) const { return int64(column) != 0; }
  std::string text(int column) const;
  bool is_null(int column) const;

 private:
  friend class Database;
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };
  Statement(sqlite3_stmt* stmt, std::filesystem::path file) : stmt_(stmt), file_(std::move(file)) {}
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
  std::filesystem::path file_;  // for error messages
  int bind_error_ = 0;          // first failed bind's result code, 0 when none
};

class Database {
 public:
  // Opens (creating if missing) a read-write connection. Touches no bytes of
  // the file: the first statement is what reads it.
  static Result<Database> open(const std::filesystem::path& file);
  // Opens an existing file for reading only. `why` says why it cannot be
  // written (e.g. "database F is read-only"); writes through Transaction
  // then fail with it. `immutable` tells SQLite nobody changes the file
  // while it is open, so no -shm/-wal files are read or made.
  static Result<Database> open_read_only(const std::filesystem::path& file, std::string why, bool immutable);

  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;
  ~Database() = default;

  // Runs one or more statements that take no parameters.
  Result<void> exec(std::string_view sql);
  Result<Statement> prepare(std::string_view sql);
  // Binds args to ?1..?N of a statement prepared once per connection and
  // runs it to completion (for statements repeated many times, e.g. imports).
  template <class... Args>
  Result<void> run(std::string_view sql, const Args&... args) {
    auto stmt = cached(sql);
    if (!stmt) return tl::make_unexpected(stmt.error());
    return (*stmt)->bind_all(args...).run();
  }
  // A statement prepared once per connection, for queries repeated many
  // times (every request's session lookup). The caller binds, steps, and
  // must call reset() when done with the rows.
  Result<Statement*> prepared(std::string_view sql) { return cached(sql); }
  // The first column of the first row as text (e.g. a PRAGMA's value).
  Result<std::string> query_text(std::string_view sql);
  Result<std::int64_t> query_int(std::string_view sql);

  void set_busy_timeout(int milliseconds);
  // True while a transaction is open on this connection.
  bool in_transaction() const;
  // A name for the next nested savepoint (unique on this connection).
  std::string next_savepoint_name() { return "fascia_" + std::to_string(++savepoints_); }
  std::int64_t last_insert_rowid() const;
  const std::filesystem::path& file() const { return file_; }
  // Empty for a writable connection, else why it cannot write.
  const std::string& read_only_reason() const { return read_only_reason_; }
  // An error for this database whose code and message follow the mapping above.
  core::Error error(int result_code) const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Database(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
  Result<Statement*> cached(std::string_view sql);
  std::unique_ptr<sqlite3, Closer> db_;
  std::filesystem::path file_;
  std::string read_only_reason_;
  std::uint64_t savepoints_ = 0;
  // Declared after db_ so the statements are finalized before the connection closes.
  std::unordered_map<std::string, Statement> cache_;
};

enum class TransactionMode { deferred, immediate };

// Begins on construction via begin(); rolls back on destruction unless
// commit() succeeded. An immediate (write) transaction on a read-only
// connection fails with db_error carrying the connection's reason.
// Begun while the connection is already inside a transaction (a group
// commit's batch), it is a savepoint of it: commit() releases it into the
// outer transaction, which alone makes it durable, and a rollback undoes this
// part only.
class Transaction {
 public:
  static Result<Transaction> begin(Database& db, TransactionMode mode);
  Transaction(Transaction&& other) noexcept : db_(other.db_), savepoint_(std::move(other.savepoint_)) {
    other.db_ = nullptr;
  }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Result<void> commit();

 private:
  Transaction(Database& db, std::string savepoint) : db_(&db), savepoint_(std::move(savepoint)) {}
  Database* db_;           // null once committed or rolled back
  std::string savepoint_;  // the savepoint's name when nested, else empty
};

// The message used for corrupt or foreign files, shared with the store's own checks.
core::Error corrupt_error(const std::filesystem::path& file);

}  // namespace fascia::adapters::sqlite
