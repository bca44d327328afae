// Group commit against real databases, SQLite and PostgreSQL: concurrent
// writes share batches, each is answered only after its batch committed, and
// a refused write is undone without touching the others in its batch.
#include "fascia/server/group_commit.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "unit/adapters/test_database.hpp"

using namespace fascia;
using namespace fascia::server;

namespace {
core::NoteEntry note(const std::string& text) { return {*core::parse_date("2026-11-23"), text}; }

using fascia::testing::Engine;
using fascia::testing::TestDatabase;

std::size_t notes_in(const TestDatabase& db, std::int64_t person) {
  return db.store(person)->load_journal()->notes.size();
}

StorePool::Opener opener(const TestDatabase& db) {
  return [&db]() -> core::Result<std::unique_ptr<app::JournalStore>> {
    auto store = db.store(1);
    if (!store) return core::fail(core::ErrorCode::db_error, "the test database does not open");
    return store;
  };
}

class GroupCommitOn : public ::testing::TestWithParam<Engine> {};
}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, GroupCommitOn, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         fascia::testing::engine_name);

TEST_P(GroupCommitOn, WritesWaitingWhileABatchCommitsShareTheNextBatch) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  StorePool stores(opener(db));
  GroupCommit commit(stores);
  constexpr int kWriters = 16;
  std::atomic<int> acknowledged{0};
  std::atomic<bool> first_running{false};
  // The first write holds its batch open until the other 15 are queued.
  std::thread first([&] {
    auto r = commit.run(1, [&](app::JournalStore& store) -> ApiResult<Reply> {
      first_running = true;
      while (commit.queued() < kWriters - 1) std::this_thread::yield();
      if (!store.add_note(note("first"))) return api_fail(500, "server", "x");
      return Reply{201, "{}"};
    });
    if (r) ++acknowledged;
  });
  while (!first_running) std::this_thread::yield();
  std::vector<std::thread> others;
  for (int i = 1; i < kWriters; ++i)
    others.emplace_back([&, i] {
      auto r = commit.run(1 + i % 3, [&](app::JournalStore& store) -> ApiResult<Reply> {
        if (!store.add_note(note("note " + std::to_string(i)))) return api_fail(500, "server", "x");
        return Reply{201, "{}"};
      });
      if (r) ++acknowledged;
    });
  first.join();
  for (auto& t : others) t.join();
  EXPECT_EQ(acknowledged, kWriters);
  EXPECT_EQ(commit.batches(), 2u);  // the first write's batch, then all 15 others together
  EXPECT_EQ(notes_in(db, 1) + notes_in(db, 2) + notes_in(db, 3), static_cast<std::size_t>(kWriters));
}

TEST_P(GroupCommitOn, ARefusedWriteIsUndoneAndItsBatchmatesStand) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  StorePool stores(opener(db));
  GroupCommit commit(stores);
  std::vector<ApiResult<Reply>> results(3, Reply{});
  std::atomic<bool> holding{false};
  std::thread holder([&] {
    results[0] = commit.run(1, [&](app::JournalStore& store) -> ApiResult<Reply> {
      holding = true;
      while (commit.queued() < 2) std::this_thread::yield();
      store.add_note(note("kept 1"));
      return Reply{201, "{}"};
    });
  });
  while (!holding) std::this_thread::yield();
  std::thread refused([&] {
    results[1] = commit.run(1, [&](app::JournalStore& store) -> ApiResult<Reply> {
      store.add_note(note("written, then refused"));
      return api_fail(409, "precondition", "refused after writing");
    });
  });
  std::thread thrower([&] {
    results[2] = commit.run(1, [&](app::JournalStore& store) -> ApiResult<Reply> {
      store.add_note(note("written, then a bug"));
      throw std::runtime_error("a bug");
    });
  });
  holder.join();
  refused.join();
  thrower.join();
  EXPECT_TRUE(results[0]);
  ASSERT_FALSE(results[1]);
  EXPECT_EQ(results[1].error().status, 409);
  ASSERT_FALSE(results[2]);
  EXPECT_EQ(results[2].error().status, 500);
  auto store = db.store(1);
  const auto notes = store->load_journal()->notes;
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].text, "kept 1");
}

TEST_P(GroupCommitOn, NothingIsAcknowledgedWhenTheBatchCannotBegin) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  StorePool stores(opener(db));
  GroupCommit commit(stores);
  { auto warm = stores.lease(1); }
  // Another process holds the write lock for longer than the busy timeout.
  auto other = db.store(1);
  auto held = other->begin_batch();
  ASSERT_TRUE(held);
  bool ran = false;
  auto result = commit.run(1, [&](app::JournalStore&) -> ApiResult<Reply> {
    ran = true;
    return Reply{201, "{}"};
  });
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "db_busy");
  EXPECT_FALSE(ran);
}

// A statement the database itself refuses (a CHECK) in the middle of a
// batch: on PostgreSQL that aborts the transaction until its savepoint is
// rolled back, so the writes after it in the batch must still land.
TEST_P(GroupCommitOn, AStatementTheDatabaseRefusesMidBatchLeavesTheOthersStanding) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  StorePool stores(opener(db));
  GroupCommit commit(stores);
  std::vector<ApiResult<Reply>> results(3, Reply{});
  std::atomic<bool> holding{false};
  std::thread holder([&] {
    results[0] = commit.run(1, [&](app::JournalStore& store) -> ApiResult<Reply> {
      holding = true;
      while (commit.queued() < 2) std::this_thread::yield();
      if (!store.add_note(note("before"))) return api_fail(500, "server", "x");
      return Reply{201, "{}"};
    });
  });
  while (!holding) std::this_thread::yield();
  std::thread refused([&] {
    results[1] = commit.run(1, [&](app::JournalStore& store) -> ApiResult<Reply> {
      if (!store.add_note(note("written, then the database refuses the next"))) return api_fail(500, "server", "x");
      auto bad = store.add_pain({*core::parse_date("2026-11-23"), "neck", core::Side::both, 42});  // CHECK 0..10
      if (!bad) return api_fail(500, "server", bad.error().message);
      return Reply{201, "{}"};
    });
  });
  while (commit.queued() < 1) std::this_thread::yield();
  std::thread after([&] {
    results[2] = commit.run(1, [&](app::JournalStore& store) -> ApiResult<Reply> {
      if (!store.add_note(note("after"))) return api_fail(500, "server", "x");
      return Reply{201, "{}"};
    });
  });
  holder.join();
  refused.join();
  after.join();
  EXPECT_TRUE(results[0]);
  EXPECT_FALSE(results[1]);
  EXPECT_TRUE(results[2]) << (results[2] ? "" : results[2].error().message);
  std::vector<std::string> texts;
  const auto journal = db.store(1)->load_journal();
  ASSERT_TRUE(journal);
  for (const auto& n : journal->notes) texts.push_back(n.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"before", "after"}));
  EXPECT_EQ(commit.batches(), 2u);  // the holder's, then the refused write and the one after it together
}
