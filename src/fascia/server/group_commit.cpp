#include "fascia/server/group_commit.hpp"

#include <optional>

#include "fascia/server/route_helpers.hpp"

namespace fascia::server {

struct GroupCommit::Pending {
  std::int64_t person_id;
  Write write;
  std::optional<ApiResult<Reply>> answer;  // set once its batch is over
};

ApiResult<Reply> GroupCommit::run(std::int64_t person_id, Write write) {
  auto pending = std::make_shared<Pending>(Pending{person_id, std::move(write), std::nullopt});
  std::unique_lock lock(mutex_);
  queue_.push_back(pending);
  while (!pending->answer) {
    if (!leading_) {
      lead(lock);
      continue;
    }
    done_.wait(lock);
  }
  return std::move(*pending->answer);
}

std::size_t GroupCommit::queued() {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

std::uint64_t GroupCommit::batches() {
  std::lock_guard lock(mutex_);
  return batches_;
}

// Takes one batch (this thread's write is in it: it was queued before), runs
// and commits it, then hands the lead to a waiting writer if more are queued.
void GroupCommit::lead(std::unique_lock<std::mutex>& lock) {
  leading_ = true;
  std::deque<std::shared_ptr<Pending>> batch;
  while (!queue_.empty() && batch.size() < kMaxBatch) {
    batch.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  lock.unlock();
  commit_batch(batch);
  lock.lock();
  ++batches_;
  leading_ = false;
  done_.notify_all();  // the batch's writers, and one of the queued to lead next
}

void GroupCommit::commit_batch(std::deque<std::shared_ptr<Pending>>& batch) {
  const auto fail_all = [&](const ApiError& error) {
    for (auto& p : batch)
      if (!p->answer) p->answer = tl::make_unexpected(error);
  };
  auto store = lift(stores_.lease(batch.front()->person_id));
  if (!store) return fail_all(store.error());
  auto transaction = lift((*store)->begin_batch());
  if (!transaction) return fail_all(transaction.error());

  std::vector<std::optional<ApiResult<Reply>>> results(batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (!(*store)->in_batch()) {  // SQLite rolled the batch back after an earlier write's failure
      results[i] = api_fail(503, "db_busy", "the database gave up the write; try again");
      continue;
    }
    (*store)->rebind(batch[i]->person_id);
    auto savepoint = lift((*store)->begin_batch());  // nested: a savepoint of the batch
    if (!savepoint) {
      results[i] = tl::make_unexpected(savepoint.error());
      continue;
    }
    ApiResult<Reply> result = api_fail(500, "server", "something went wrong on our side");
    try {
      result = batch[i]->write(**store);
    } catch (const std::exception&) {
      // A bug in a route: that write is undone (its savepoint), the others stand.
    }
    if (result) {
      if (auto released = (*savepoint)->commit(); !released) result = tl::make_unexpected(from_core(released.error()));
    }
    results[i] = std::move(result);  // a refused write's savepoint rolls back here
  }
  // One COMMIT, one fsync, for every write above; nothing is answered before it.
  auto committed = (*transaction)->commit();
  for (std::size_t i = 0; i < batch.size(); ++i) {
    auto& result = *results[i];
    if (result && !committed) result = tl::make_unexpected(from_core(committed.error()));
    batch[i]->answer = std::move(result);
  }
}

}  // namespace fascia::server
