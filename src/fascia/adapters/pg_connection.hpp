// sql::Connection on PostgreSQL through libpqxx (ADR 0014). Opening connects,
// makes every commit wait for the write-ahead log to reach disk
// (synchronous_commit = on, whatever the server's default), bounds lock waits
// (lock_timeout), and applies missing migrations (pg_migrations.cpp) under
// an advisory lock, so two servers starting at once migrate once.
// Write transactions take one advisory lock for the whole database first:
// writers are serialised across processes as SQLite serialises them, so a
// read-then-write (the next session id, the login limiter's count) is never
// interleaved with another process's. Reads run in REPEATABLE READ, READ
// ONLY transactions (one snapshot); nested transactions are savepoints.
// pqxx is included by the .cpp only. Not thread-safe.
#pragma once

#include <memory>
#include <string>

#include "fascia/adapters/sql_connection.hpp"

namespace fascia::adapters {

// True for the text of a PostgreSQL URI (postgresql://… or postgres://…).
bool is_postgresql_url(std::string_view text);
// The URI without its password, for messages and logs; the text itself when
// libpq cannot parse it.
std::string redacted_postgresql_url(const std::string& url);

class PgConnection final : public sql::Connection {
 public:
  // Errors: invalid_argument (not a PostgreSQL URI), db_error (cannot
  // connect: the server's reason; a database with tables that are not
  // fascia's; a schema from a newer fascia), db_locked (a lock wait timed out).
  static core::Result<std::unique_ptr<PgConnection>> open(const std::string& url);
  ~PgConnection() override;

  bool in_transaction() const override;
  const std::string& read_only_reason() const override;
  const std::string& name() const override;
  core::Result<void> execute(std::string_view sql, std::span<const sql::Param> params) override;
  core::Result<void> query(std::string_view sql, std::span<const sql::Param> params,
                           const std::function<void(const sql::Row&)>& on_row) override;

 protected:
  core::Result<void> begin_transaction(sql::Access access) override;
  core::Result<void> commit_transaction() override;
  void rollback_transaction() noexcept override;

 private:
  struct State;
  explicit PgConnection(std::unique_ptr<State> state);
  core::Result<void> migrate();
  std::unique_ptr<State> state_;
};

}  // namespace fascia::adapters
