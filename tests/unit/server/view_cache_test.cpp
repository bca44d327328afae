#include "fascia/server/view_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

using namespace fascia;
using server::ViewCache;
using namespace std::chrono_literals;

namespace {
const core::Date monday = *core::parse_date("2026-11-23");
const core::Date tuesday = *core::parse_date("2026-11-24");
}  // namespace

TEST(ViewCache, GivesBackWhatWasStoredForThatPersonViewAndDay) {
  ViewCache cache;
  cache.store(1, "today", monday, 4, "A");
  EXPECT_EQ(*cache.find(1, "today", monday, 4), "A");
  EXPECT_FALSE(cache.find(2, "today", monday, 4));
  EXPECT_FALSE(cache.find(1, "plan", monday, 4));
  EXPECT_FALSE(cache.find(1, "today", tuesday, 4));
}

// The revision is the database's (JournalStore::revision): a write through
// any process raises it, and the entry computed before is not used again.
TEST(ViewCache, AnEntryServesOnlyTheRevisionItWasComputedAt) {
  ViewCache cache;
  cache.store(1, "today", monday, 4, "A");
  cache.store(2, "today", monday, 9, "B");
  EXPECT_FALSE(cache.find(1, "today", monday, 5));
  EXPECT_EQ(*cache.find(2, "today", monday, 9), "B");
  cache.store(1, "today", monday, 5, "A2");
  EXPECT_EQ(*cache.find(1, "today", monday, 5), "A2");
}

TEST(ViewCache, ASecondCallerForTheSameEntryWaitsForTheFirstOnesAnswer) {
  ViewCache cache;
  auto first = cache.fill_lock(1, "today");
  std::atomic<bool> second_got_lock = false;
  auto second = std::async(std::launch::async, [&] {
    auto lock = cache.fill_lock(1, "today");
    second_got_lock = true;
    return cache.find(1, "today", monday, 1);
  });
  // Another person's or view's fill does not wait.
  { auto other = cache.fill_lock(2, "today"); }
  { auto other = cache.fill_lock(1, "plan"); }
  EXPECT_EQ(second.wait_for(50ms), std::future_status::timeout);
  EXPECT_FALSE(second_got_lock);
  cache.store(1, "today", monday, 1, "A");
  first.unlock();
  const auto found = second.get();
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, "A");
}
