#include "fascia/adapters/sqlite_connection.hpp"

#include <cassert>
#include <chrono>
#include <filesystem>
#include <map>

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

namespace {

constexpr auto kWriterQueueTimeout = std::chrono::milliseconds(1500);  // as SQLite's busy timeout (sqlite_open)

// The lock this process's writers of `file` queue on, one per file.
std::shared_ptr<std::timed_mutex> writer_lock_of(const std::filesystem::path& file) {
  static std::mutex registry_mutex;
  static std::map<std::string, std::weak_ptr<std::timed_mutex>> registry;
  std::error_code ignored;
  const std::string key = std::filesystem::weakly_canonical(file, ignored).string();
  std::lock_guard lock(registry_mutex);
  auto& slot = registry[key.empty() ? file.string() : key];
  auto found = slot.lock();
  if (!found) {
    found = std::make_shared<std::timed_mutex>();
    slot = found;
  }
  return found;
}

}  // namespace

SqliteConnection::SqliteConnection(sqlite::Database db)
    : db_(std::move(db)), name_("database " + db_.file().string()), writers_(writer_lock_of(db_.file())) {}

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
  if (access == sql::Access::write && open_.empty() && db_.read_only_reason().empty()) {
    std::unique_lock queued(*writers_, std::defer_lock);
    if (!queued.try_lock_for(kWriterQueueTimeout))
      return core::fail(core::ErrorCode::db_locked,
                        name_ + " is busy: other writes held it for more than 1.5 seconds; try again");
    writing_ = std::move(queued);
  }
  auto txn = sqlite::Transaction::begin(
      db_, access == sql::Access::write ? sqlite::TransactionMode::immediate : sqlite::TransactionMode::deferred);
  if (!txn) {
    if (open_.empty() && writing_.owns_lock()) writing_.unlock();
    return tl::make_unexpected(txn.error());
  }
  open_.push_back(std::move(*txn));
  return {};
}

Result<void> SqliteConnection::commit_transaction() {
  assert(!open_.empty());
  FASCIA_TRY(open_.back().commit());
  open_.pop_back();
  if (open_.empty() && writing_.owns_lock()) writing_.unlock();
  return {};
}

void SqliteConnection::rollback_transaction() noexcept {
  assert(!open_.empty());
  open_.pop_back();  // sqlite::Transaction rolls back when destroyed uncommitted
  if (open_.empty() && writing_.owns_lock()) writing_.unlock();
}

}  // namespace fascia::adapters
