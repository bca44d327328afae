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

// The line this process's writers of `file` wait in, one per file.
std::shared_ptr<WriterQueue> writer_lock_of(const std::filesystem::path& file) {
  static std::mutex registry_mutex;
  static std::map<std::string, std::weak_ptr<WriterQueue>> registry;
  std::error_code ignored;
  const std::string key = std::filesystem::weakly_canonical(file, ignored).string();
  std::lock_guard lock(registry_mutex);
  auto& slot = registry[key.empty() ? file.string() : key];
  auto found = slot.lock();
  if (!found) {
    found = std::make_shared<WriterQueue>();
    slot = found;
  }
  return found;
}

}  // namespace

bool WriterQueue::enter(std::chrono::milliseconds patience) {
  std::unique_lock lock(mutex_);
  const std::uint64_t ticket = next_++;
  if (turn_.wait_for(lock, patience, [&] { return serving_ == ticket; })) return true;
  gave_up_.insert(ticket);  // skipped when its turn comes
  return false;
}

void WriterQueue::leave() {
  std::lock_guard lock(mutex_);
  ++serving_;
  while (gave_up_.erase(serving_) > 0) ++serving_;
  turn_.notify_all();
}

SqliteConnection::~SqliteConnection() {
  open_.clear();  // an open write rolls back before the next writer's turn
  if (writing_) writers_->leave();
}

SqliteConnection::SqliteConnection(sqlite::Database db)
    : db_(std::move(db)), name_("database " + db_.file().string()), writers_(writer_lock_of(db_.file())) {}

void SqliteConnection::end_turn() noexcept {
  writing_ = false;
  writers_->leave();
}

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
    if (!writers_->enter(kWriterQueueTimeout))
      return core::fail(core::ErrorCode::db_locked,
                        name_ + " is busy: other writes held it for more than 1.5 seconds; try again");
    writing_ = true;
  }
  auto txn = sqlite::Transaction::begin(
      db_, access == sql::Access::write ? sqlite::TransactionMode::immediate : sqlite::TransactionMode::deferred);
  if (!txn) {
    if (open_.empty() && writing_) end_turn();
    return tl::make_unexpected(txn.error());
  }
  open_.push_back(std::move(*txn));
  return {};
}

Result<void> SqliteConnection::commit_transaction() {
  assert(!open_.empty());
  FASCIA_TRY(open_.back().commit());
  open_.pop_back();
  if (open_.empty() && writing_) end_turn();
  return {};
}

void SqliteConnection::rollback_transaction() noexcept {
  assert(!open_.empty());
  open_.pop_back();  // sqlite::Transaction rolls back when destroyed uncommitted
  if (open_.empty() && writing_) end_turn();
}

}  // namespace fascia::adapters
