#include "fascia/adapters/sqlite_connection.hpp"

#include <cassert>

namespace fascia::adapters {

using core::Result;

namespace {

class SqliteRow final : public sql::Row {
 public:
  explicit SqliteRow(const sqlite::Statement& stmt) : stmt_(stmt) {}
  std::int64_t int64(int column) const override { return stmt_.int64(column); }
  std::string text(int column) const override { return stmt_.text(column); }
  bool is_null(int column) const override { return stmt_.is_null(column); }

 private:
  const sqlite::Statement& stmt_;
};

}  // namespace

SqliteConnection::SqliteConnection(sqlite::Database db)
    : db_(std::move(db)), name_("database " + db_.file().string()) {}

Result<sqlite::Statement*> SqliteConnection::bound(std::string_view sql, std::span<const sql::Param> params) {
  auto stmt = db_.prepared(sql);
  if (!stmt) return stmt;
  int index = 0;
  for (const auto& p : params) {
    ++index;
    std::visit(
        [&](const auto& value) {
          if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::nullptr_t>)
            (*stmt)->bind_null(index);
          else
            (*stmt)->bind(index, value);
        },
        p);
  }
  return stmt;
}

Result<void> SqliteConnection::execute(std::string_view sql, std::span<const sql::Param> params) {
  auto stmt = bound(sql, params);
  if (!stmt) return tl::make_unexpected(stmt.error());
  return (*stmt)->run();
}

Result<void> SqliteConnection::query(std::string_view sql, std::span<const sql::Param> params,
                                     const std::function<void(const sql::Row&)>& on_row) {
  auto stmt = bound(sql, params);
  if (!stmt) return tl::make_unexpected(stmt.error());
  const SqliteRow row(**stmt);
  for (;;) {
    auto more = (*stmt)->step();  // resets itself on failure
    if (!more) return tl::make_unexpected(more.error());
    if (!*more) break;
    on_row(row);
  }
  (*stmt)->reset();
  return {};
}

Result<void> SqliteConnection::begin_transaction(sql::Access access) {
  auto txn = sqlite::Transaction::begin(
      db_, access == sql::Access::write ? sqlite::TransactionMode::immediate : sqlite::TransactionMode::deferred);
  if (!txn) return tl::make_unexpected(txn.error());
  open_.push_back(std::move(*txn));
  return {};
}

Result<void> SqliteConnection::commit_transaction() {
  assert(!open_.empty());
  FASCIA_TRY(open_.back().commit());
  open_.pop_back();
  return {};
}

void SqliteConnection::rollback_transaction() noexcept {
  assert(!open_.empty());
  open_.pop_back();  // sqlite::Transaction rolls back when destroyed uncommitted
}

}  // namespace fascia::adapters
