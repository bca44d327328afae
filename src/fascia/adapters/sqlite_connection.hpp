// sql::Connection on a SQLite file (sqlite_handle.hpp): write transactions
// are BEGIN IMMEDIATE (SQLite's one writer at a time), reads BEGIN DEFERRED,
// nested ones savepoints. Statements are prepared once per connection.
// Writers of one process on one file first queue on a lock of the process
// (WriterQueue, in the order they came; at most the busy timeout, then db_locked): SQLite's busy handler polls
// with growing sleeps, so under many writers (a burst of logins counted
// while group commit writes) an old waiter could sleep past its timeout
// while newcomers won; a queue in the process answers them in turn.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "fascia/adapters/sql_connection.hpp"
#include "fascia/adapters/sqlite_handle.hpp"

namespace fascia::adapters {

// The writers of one process on one file, served in the order they came
// (a ticket line: a plain mutex lets a thread that just wrote take it again
// before a waiter wakes, and a waiter could starve past its timeout).
class WriterQueue {
 public:
  // Waits for this writer's turn, at most `patience`; false when it gave up
  // (its place is then skipped).
  bool enter(std::chrono::milliseconds patience);
  // Ends the turn of the writer being served: the next in line goes.
  void leave();

 private:
  std::mutex mutex_;
  std::condition_variable turn_;
  std::uint64_t next_ = 0;
  std::uint64_t serving_ = 0;
  std::set<std::uint64_t> gave_up_;
};

class SqliteConnection final : public sql::Connection {
 public:
  explicit SqliteConnection(sqlite::Database db);
  ~SqliteConnection() override;

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
  void end_turn() noexcept;  // the outermost write is over: the next writer's turn

  sqlite::Database db_;
  std::string name_;
  std::shared_ptr<WriterQueue> writers_;   // shared by this process's connections to the file
  bool writing_ = false;                   // its turn, from the outermost write's begin to its end
  std::vector<sqlite::Transaction> open_;  // innermost last
};

}  // namespace fascia::adapters
