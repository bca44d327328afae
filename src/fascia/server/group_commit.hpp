// Group commit (issue 9): concurrent journal writes through the server share
// one transaction, so one COMMIT — one fsync — makes a whole batch durable.
// The first writer to arrive while none is committing leads: it opens a
// write transaction, runs every waiting write in it (each in a savepoint of
// its own, so one write's refusal undoes that write only), commits, and then
// every writer in the batch gets its answer. Nothing is acknowledged before
// that commit; if it fails, every write of the batch fails with its error.
// Each write reads and decides inside the transaction, after the writes
// before it in the batch: the same order as if they had run one by one.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "fascia/server/api_error.hpp"
#include "fascia/server/store_pool.hpp"

namespace fascia::server {

class GroupCommit {
 public:
  // One write: reads and writes through the store (bound to the writer's
  // person), and answers. It runs on the leader's thread while its own
  // caller waits, so it may use the caller's stack.
  using Write = std::function<ApiResult<Reply>(app::JournalStore&)>;
  static constexpr std::size_t kMaxBatch = 64;

  explicit GroupCommit(StorePool& stores) : stores_(stores) {}
  // Runs `write` for `person_id` in the next batch and returns its answer
  // once that batch has committed (or its error). Thread-safe.
  ApiResult<Reply> run(std::int64_t person_id, Write write);
  // Diagnostics (tests, figures): writes waiting for a batch now, and
  // batches committed (or failed) so far.
  std::size_t queued();
  std::uint64_t batches();

 private:
  struct Pending;
  void lead(std::unique_lock<std::mutex>& lock);
  void commit_batch(std::deque<std::shared_ptr<Pending>>& batch);

  StorePool& stores_;
  std::mutex mutex_;
  std::condition_variable done_;
  std::deque<std::shared_ptr<Pending>> queue_;
  bool leading_ = false;
  std::uint64_t batches_ = 0;
};

}  // namespace fascia::server
