// sql::Connection on a SQLite file (sqlite_handle.hpp): write transactions
// are BEGIN IMMEDIATE (SQLite's one writer at a time), reads BEGIN DEFERRED,
// nested ones savepoints. Statements are prepared once per connection.
// Writers of one process on one file first queue on a lock of the process
// (at most the busy timeout, then db_locked): SQLite's busy handler polls
// with growing sleeps, so under many writers (a burst of logins counted
// while group commit writes) an old waiter could sleep past its timeout
// while newcomers won; a queue in the process answers them in turn.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "fascia/adapters/sql_connection.hpp"
#include "fascia/adapters/sqlite_handle.hpp"

namespace fascia::adapters {

class SqliteConnection final : public sql::Connection {
 public:
  explicit SqliteConnection(sqlite::Database db);

  bool in_transaction() const override { return db_.in_transaction(); }
  const std::string& read_only_reason() const override { return db_.read_only_reason(); }
  const std::string& name() const override { return name_; }
  core::Result<void> execute(std::string_view sql, std::span<const sql::Param> params) override;
  core::Result<void> query(std::string_view sql, std::span<const sql::Param> params,
                           const std::function<void(const sql::Row&)>& on_row) override;

  // The SQLite handle itself, for what only SQLite has (PRAGMAs).
  sqlite::Database& database() { return db_; }

 protected:
  core::Result<void> begin_transaction(sql::Access access) override;
  core::Result<void> commit_transaction() override;
  void rollback_transaction() noexcept override;

 private:
  core::Result<sqlite::Statement*> bound(std::string_view sql, std::span<const sql::Param> params);

  sqlite::Database db_;
  std::string name_;
  std::shared_ptr<std::timed_mutex> writers_;   // shared by this process's connections to the file
  std::unique_lock<std::timed_mutex> writing_;  // held from the outermost write's begin to its end
  // Declared after writing_, so destroyed before it: an open write rolls back
  // before the next writer of this process is let in.
  std::vector<sqlite::Transaction> open_;  // innermost last
};

}  // namespace fascia::adapters
