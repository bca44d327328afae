// An engine-neutral SQL connection, so that the journal and account stores
// are written once for SQLite and PostgreSQL (ADR 0014). Statements use
// numbered parameters ?1..?N, which each engine translates if it must; the
// SQL the stores run is the common subset of both dialects (RETURNING,
// ON CONFLICT ... DO UPDATE, no engine-only functions). Errors are values:
// db_locked, db_read_only, db_full, db_corrupt, db_error, each message naming
// the database. Not thread-safe: one connection per thread.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "fascia/core/error.hpp"

namespace fascia::adapters::sql {

using core::Result;

// One statement parameter: NULL, an integer or text.
using Param = std::variant<std::nullptr_t, std::int64_t, std::string>;

inline Param param(std::int64_t value) { return value; }
inline Param param(int value) { return std::int64_t{value}; }
inline Param param(bool value) { return std::int64_t{value ? 1 : 0}; }
inline Param param(std::string_view value) { return std::string(value); }
inline Param param(const std::string& value) { return value; }
inline Param param(const char* value) { return std::string(value); }
inline Param param(std::optional<int> value) { return value ? Param(std::int64_t{*value}) : Param(nullptr); }
inline Param param(std::optional<std::int64_t> value) { return value ? Param(*value) : Param(nullptr); }

// One row of a query's result, valid only inside the callback that gets it.
class Row {
 public:
  virtual ~Row() = default;
  virtual std::int64_t int64(int column) const = 0;
  virtual std::string text(int column) const = 0;
  virtual bool is_null(int column) const = 0;
  bool boolean(int column) const { return int64(column) != 0; }
};

// What a transaction may do: read sees one consistent snapshot; write also
// serialises against every other writer of the database (SQLite's single
// writer; on PostgreSQL an advisory lock), so a read-then-write inside it is
// never interleaved with another process's.
enum class Access { read, write };

class Connection;

// Rolls back on destruction unless commit() succeeded. Begun while another
// transaction is open (a group commit's batch), it is a savepoint of it:
// commit() folds it into the outer one, which alone makes it durable, and a
// rollback undoes this part only. Transactions end in the reverse order they
// began.
class Transaction {
 public:
  Transaction(Transaction&& other) noexcept : connection_(std::exchange(other.connection_, nullptr)) {}
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Result<void> commit();

 private:
  friend class Connection;
  explicit Transaction(Connection& connection) : connection_(&connection) {}
  Connection* connection_;  // null once committed or rolled back
};

class Connection {
 public:
  virtual ~Connection() = default;

  // A write transaction on a read-only connection fails with db_read_only
  // carrying read_only_reason().
  Result<Transaction> begin(Access access);
  virtual bool in_transaction() const = 0;
  // Empty for a writable connection, else why it cannot write.
  virtual const std::string& read_only_reason() const = 0;
  // How messages name this database: "database /home/sam/fascia.db",
  // "database postgresql://fascia@/fascia" (never a password).
  virtual const std::string& name() const = 0;

  // Runs one statement with params bound to ?1..?N, ignoring any rows.
  virtual Result<void> execute(std::string_view sql, std::span<const Param> params) = 0;
  // Runs one query and hands each row to on_row, in order.
  virtual Result<void> query(std::string_view sql, std::span<const Param> params,
                             const std::function<void(const Row&)>& on_row) = 0;

  template <class... Args>
  Result<void> run(std::string_view sql, const Args&... args) {
    const std::array<Param, sizeof...(Args)> params{param(args)...};
    return execute(sql, params);
  }
  template <class OnRow, class... Args>
  Result<void> each_row(std::string_view sql, OnRow&& on_row, const Args&... args) {
    const std::array<Param, sizeof...(Args)> params{param(args)...};
    return query(sql, params, std::function<void(const Row&)>(std::forward<OnRow>(on_row)));
  }
  // The first column of the first row as an integer; nullopt when there is
  // no row or it is NULL.
  template <class... Args>
  Result<std::optional<std::int64_t>> query_int(std::string_view sql, const Args&... args) {
    std::optional<std::int64_t> value;
    FASCIA_TRY(each_row(
        sql,
        [&](const Row& row) {
          if (!value && !row.is_null(0)) value = row.int64(0);
        },
        args...));
    return value;
  }

 protected:
  // The engine's side of Transaction: open one (nested: a savepoint), make
  // the innermost durable or fold it into its parent, undo the innermost.
  virtual Result<void> begin_transaction(Access access) = 0;
  virtual Result<void> commit_transaction() = 0;
  virtual void rollback_transaction() noexcept = 0;

 private:
  friend class Transaction;
};

}  // namespace fascia::adapters::sql
