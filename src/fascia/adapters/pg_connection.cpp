#include "fascia/adapters/pg_connection.hpp"

#include <libpq-fe.h>

#include <cassert>
#include <map>
#include <pqxx/pqxx>
#include <vector>

#include "fascia/adapters/pg_migrations.hpp"

namespace fascia::adapters {

using core::Error;
using core::ErrorCode;
using core::Result;

namespace {

// Advisory lock keys (pg_advisory_xact_lock): one for every write, one for
// migrating. "FSCA" like SQLite's application_id, then a class number.
constexpr std::int64_t kWriteLock = 0x46534341'00000001;
constexpr std::int64_t kMigrateLock = 0x46534341'00000002;
// How long a statement waits for a lock (another process's write) before
// failing with db_locked; SQLite's busy timeout is 1.5 s, a clinic's
// database serves more writers.
constexpr const char* kLockTimeout = "5s";

// The first line of a libpq/pqxx message, without its "ERROR:  " prefix.
std::string first_line(std::string_view what) {
  std::string_view line = what.substr(0, what.find('\n'));
  for (std::string_view prefix : {"ERROR:  ", "FATAL:  "})
    if (line.starts_with(prefix)) line.remove_prefix(prefix.size());
  return std::string(line);
}

// Maps what pqxx throws to fascia's error values, naming the database.
Error map_exception(const std::string& name) {
  try {
    throw;
  } catch (const pqxx::in_doubt_error& e) {
    return {ErrorCode::db_error, name +
                                     ": the connection was lost while committing; the write may not have been saved (" +
                                     first_line(e.what()) + ")"};
  } catch (const pqxx::broken_connection& e) {
    // Reported as busy: the server answers 503 with Retry-After (a restart of
    // PostgreSQL, a network blip), and the next request connects afresh.
    return {ErrorCode::db_locked, name + ": cannot connect (" + first_line(e.what()) + ")"};
  } catch (const pqxx::sql_error& e) {
    const std::string& state = e.sqlstate();
    if (state == "40001" || state == "40P01" || state == "55P03" || state == "57014")
      return {ErrorCode::db_locked, name + " is busy with other writers; try again"};
    if (state == "53100") return {ErrorCode::db_full, name + ": the server's disk is full; nothing was saved"};
    if (state == "25006" || state == "42501")
      return {ErrorCode::db_read_only, name + " may not be written (" + first_line(e.what()) + "); nothing was saved"};
    if (state == "XX001" || state == "XX002")
      return {ErrorCode::db_corrupt, name + " is damaged: " + first_line(e.what())};
    return {ErrorCode::db_error, name + ": " + first_line(e.what())};
  } catch (const std::exception& e) {
    return {ErrorCode::db_error, name + ": " + first_line(e.what())};
  }
}

// ?1..?N (the stores' notation) to $1..$N (PostgreSQL's). The stores' SQL
// has no '?' of its own in literals.
std::string dollar_parameters(std::string_view sql) {
  std::string out(sql);
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (out[i] == '?' && out[i + 1] >= '0' && out[i + 1] <= '9') out[i] = '$';
  return out;
}

class PgRow final : public sql::Row {
 public:
  explicit PgRow(const pqxx::row& row) : row_(row) {}
  std::int64_t int64(int column) const override { return row_[column].as<std::int64_t>(); }
  std::string text(int column) const override {
    return row_[column].is_null() ? std::string() : row_[column].as<std::string>();
  }
  bool is_null(int column) const override { return row_[column].is_null(); }

 private:
  const pqxx::row& row_;
};

}  // namespace

bool is_postgresql_url(std::string_view text) {
  return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

std::string redacted_postgresql_url(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    PQfreemem(error);
    return "postgresql://(a URL libpq cannot read)";
  }
  std::map<std::string, std::string> values;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o)
    if (o->val != nullptr && *o->val != '\0') values[o->keyword] = o->val;
  PQconninfoFree(options);
  std::string out = "postgresql://";
  if (values.contains("user")) out += values["user"] + "@";
  if (values.contains("host") && values["host"].find('/') == std::string::npos) out += values["host"];
  if (values.contains("port") && !(values.contains("host") && values["host"].find('/') != std::string::npos))
    out += ":" + values["port"];
  out += "/" + (values.contains("dbname") ? values["dbname"] : std::string());
  std::string query;
  if (values.contains("host") && values["host"].find('/') != std::string::npos)  // a Unix socket folder
    query += "&host=" + values["host"] + (values.contains("port") ? "&port=" + values["port"] : "");
  if (values.contains("options")) query += "&options=" + values["options"];  // e.g. -csearch_path=clinic2
  if (!query.empty()) out += "?" + query.substr(1);
  return out;
}

struct PgConnection::State {
  std::string url;
  std::unique_ptr<pqxx::connection> connection;
  std::string name;
  std::string read_only_reason;  // always empty: PostgreSQL reports a refused write when it happens
  std::unique_ptr<pqxx::dbtransaction> top;  // the outermost transaction, while one is open
  // The savepoints inside it, innermost last. One is sent to the server only
  // before the first statement that runs inside it, together with any
  // others still unsent, in one round trip; committing one sends nothing
  // (it folds into its parent, and COMMIT or an enclosing ROLLBACK TO ends
  // it). A batch of writes thus costs no round trip per savepoint level.
  struct Savepoint {
    std::string name;
    bool sent = false;
  };
  std::vector<Savepoint> savepoints;
  std::uint64_t savepoint_names = 0;
  std::map<std::string, std::string, std::less<>> prepared;  // SQL -> statement name

  // Connects (again) when there is no working connection: after PostgreSQL
  // restarted, the next transaction or statement gets a fresh one rather
  // than the broken one. Throws what pqxx throws.
  void connect() {
    if (connection && connection->is_open()) return;
    connection.reset();
    prepared.clear();  // they lived on the old connection
    auto fresh = std::make_unique<pqxx::connection>(url);
    // Every commit waits for its write-ahead log to be flushed to disk.
    fresh->set_variable("synchronous_commit", "on");
    fresh->set_variable("lock_timeout", std::string("'") + kLockTimeout + "'");
    connection = std::move(fresh);
  }
  // Runs `attempt`; when it fails because the connection had broken (the
  // server restarted since it was last used), runs it once more on a new one.
  template <class Attempt>
  void retry_once_if_broken(Attempt&& attempt) {
    try {
      attempt();
    } catch (const pqxx::broken_connection&) {
      top.reset();
      connection.reset();
      attempt();
    }
  }
  // After a failure outside a transaction, or once a transaction has ended:
  // a connection that broke is dropped, so connect() makes a new one.
  void drop_if_broken() noexcept {
    if (!top && connection && !connection->is_open()) connection.reset();
  }

  // Sends every savepoint begun but not yet sent.
  void send_savepoints() {
    std::string sql;
    for (auto& savepoint : savepoints)
      if (!savepoint.sent) {
        sql += "SAVEPOINT " + savepoint.name + ";";
        savepoint.sent = true;
      }
    if (!sql.empty()) top->exec(sql);
  }
};

PgConnection::PgConnection(std::unique_ptr<State> state) : state_(std::move(state)) {}
PgConnection::~PgConnection() = default;  // pqxx aborts a transaction still open

Result<std::unique_ptr<PgConnection>> PgConnection::open(const std::string& url) {
  if (!is_postgresql_url(url))
    return core::fail(ErrorCode::invalid_argument, "'" + url + "' is not a PostgreSQL URL (postgresql://…)");
  auto state = std::make_unique<State>();
  state->name = "database " + redacted_postgresql_url(url);
  state->url = url;
  try {
    state->connect();
  } catch (...) {
    return tl::make_unexpected(map_exception(state->name));
  }
  std::unique_ptr<PgConnection> connection(new PgConnection(std::move(state)));
  FASCIA_TRY(connection->migrate());
  return connection;
}

Result<void> PgConnection::migrate() {
  const auto migrations = pg_migrations();
  try {
    pqxx::work txn(*state_->connection);
    txn.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrateLock) + ")");
    const bool has_schema_table = !txn.exec1("SELECT to_regclass('fascia_schema') IS NULL")[0].as<bool>();
    if (!has_schema_table) {
      const auto others =
          txn.exec1("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")[0]
              .as<std::int64_t>();
      if (others > 0)
        return core::fail(ErrorCode::db_error,
                          state_->name + " holds tables that are not fascia's; give fascia a database of its own");
      txn.exec0("CREATE TABLE fascia_schema (application text NOT NULL, version integer NOT NULL)");
      txn.exec0("INSERT INTO fascia_schema VALUES ('fascia', 0)");
    }
    const auto version = txn.exec1("SELECT version FROM fascia_schema")[0].as<std::int64_t>();
    if (version > static_cast<std::int64_t>(migrations.size()))
      return core::fail(ErrorCode::db_error, state_->name + " was created by a newer fascia (schema version " +
                                                 std::to_string(version) + "); update fascia");
    for (auto v = static_cast<std::size_t>(version); v < migrations.size(); ++v) {
      txn.exec(std::string(migrations[v]));
      txn.exec0("UPDATE fascia_schema SET version = " + std::to_string(v + 1));
    }
    txn.commit();
    return {};
  } catch (...) {
    return tl::make_unexpected(map_exception(state_->name));
  }
}

bool PgConnection::in_transaction() const { return state_->top != nullptr; }
const std::string& PgConnection::read_only_reason() const { return state_->read_only_reason; }
const std::string& PgConnection::name() const { return state_->name; }

Result<void> PgConnection::begin_transaction(sql::Access access) {
  if (state_->top) {
    state_->savepoints.push_back({"s" + std::to_string(++state_->savepoint_names), false});
    return {};
  }
  const auto open_top = [&] {
    state_->connect();
    if (access == sql::Access::write) {
      auto txn = std::make_unique<pqxx::work>(*state_->connection);
      txn->exec("SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLock) + ")");
      state_->top = std::move(txn);
    } else {
      state_->top = std::make_unique<pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>>(*state_->connection);
    }
  };
  try {
    state_->retry_once_if_broken(open_top);  // nothing was done yet: safe to try again
    return {};
  } catch (...) {
    state_->top.reset();
    Error error = map_exception(state_->name);
    state_->drop_if_broken();
    return tl::make_unexpected(std::move(error));
  }
}

Result<void> PgConnection::commit_transaction() {
  assert(state_->top);
  if (!state_->savepoints.empty()) {
    state_->savepoints.pop_back();  // its work is its parent's now
    return {};
  }
  try {
    state_->top->commit();
  } catch (...) {
    return tl::make_unexpected(map_exception(state_->name));  // still open: rollback_transaction() ends it
  }
  state_->top.reset();
  state_->drop_if_broken();
  return {};
}

void PgConnection::rollback_transaction() noexcept {
  assert(state_->top);
  if (!state_->savepoints.empty()) {
    const auto savepoint = std::move(state_->savepoints.back());
    state_->savepoints.pop_back();
    if (!savepoint.sent) return;  // nothing ran inside it
    try {
      state_->top->exec("ROLLBACK TO SAVEPOINT " + savepoint.name);
      return;
    } catch (...) {
      // The connection is gone: the whole transaction is lost; COMMIT will say so.
    }
    return;
  }
  try {
    state_->top->abort();
  } catch (...) {
    // A lost connection: the server has rolled it back already.
  }
  state_->top.reset();
  state_->savepoints.clear();
  state_->drop_if_broken();
}

namespace {
// Runs sql as a prepared statement (prepared once per connection) in txn.
pqxx::result run_prepared(pqxx::transaction_base& txn, pqxx::connection& connection,
                          std::map<std::string, std::string, std::less<>>& prepared, std::string_view sql,
                          std::span<const sql::Param> params) {
  auto found = prepared.find(sql);
  if (found == prepared.end()) {
    std::string statement = "fascia_" + std::to_string(prepared.size() + 1);
    connection.prepare(statement, dollar_parameters(sql));
    found = prepared.emplace(std::string(sql), std::move(statement)).first;
  }
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);  // nullptr: SQL NULL
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (const auto* number = std::get_if<std::int64_t>(&params[i]))
      texts[i] = std::to_string(*number);
    else if (const auto* text = std::get_if<std::string>(&params[i]))
      texts[i] = *text;
    else
      continue;
    values[i] = texts[i].c_str();
  }
  return txn.exec_prepared(found->second, pqxx::prepare::make_dynamic_params(values));
}
}  // namespace

Result<void> PgConnection::execute(std::string_view sql, std::span<const sql::Param> params) {
  return query(sql, params, [](const sql::Row&) {});
}

Result<void> PgConnection::query(std::string_view sql, std::span<const sql::Param> params,
                                 const std::function<void(const sql::Row&)>& on_row) {
  try {
    pqxx::result result;
    if (!state_->top) {  // one statement on its own commits by itself
      // Retried on a new connection when the old one had broken. Safe: the
      // stores run every write inside a write transaction, so a statement
      // on its own is a read.
      state_->retry_once_if_broken([&] {
        state_->connect();
        pqxx::nontransaction txn(*state_->connection);
        result = run_prepared(txn, *state_->connection, state_->prepared, sql, params);
      });
    } else {
      state_->send_savepoints();
      result = run_prepared(*state_->top, *state_->connection, state_->prepared, sql, params);
    }
    for (const auto& row : result) on_row(PgRow(row));
    return {};
  } catch (...) {
    Error error = map_exception(state_->name);
    state_->drop_if_broken();
    return tl::make_unexpected(std::move(error));
  }
}

}  // namespace fascia::adapters
