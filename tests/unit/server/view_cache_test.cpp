#include "fascia/server/view_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

using namespace fascia;
using server::ViewCache;
using namespace std::chrono_literals;

namespace {
const ViewCache::Time t0{};
const core::Date monday = *core::parse_date("2026-11-23");
const core::Date tuesday = *core::parse_date("2026-11-24");
}  // namespace

TEST(ViewCache, GivesBackWhatWasStoredForThatPersonViewAndDay) {
  ViewCache cache;
  cache.store(1, "today", monday, cache.revision(1), t0, "A");
  EXPECT_EQ(*cache.find(1, "today", monday, t0 + 10ms), "A");
  EXPECT_FALSE(cache.find(2, "today", monday, t0));
  EXPECT_FALSE(cache.find(1, "plan", monday, t0));
  EXPECT_FALSE(cache.find(1, "today", tuesday, t0));
}

TEST(ViewCache, AWriteForThePersonInvalidatesTheirViewsOnly) {
  ViewCache cache;
  cache.store(1, "today", monday, cache.revision(1), t0, "A");
  cache.store(2, "today", monday, cache.revision(2), t0, "B");
  cache.bump(1);
  EXPECT_FALSE(cache.find(1, "today", monday, t0));
  EXPECT_EQ(*cache.find(2, "today", monday, t0), "B");
}

TEST(ViewCache, AnAnswerComputedBeforeAWriteIsNeverStored) {
  ViewCache cache;
  const auto before = cache.revision(1);
  cache.bump(1);  // a write lands while the answer is being computed
  cache.store(1, "today", monday, before, t0, "stale");
  EXPECT_FALSE(cache.find(1, "today", monday, t0));
}

TEST(ViewCache, EntriesAgeOutSoOutsideWritesAreSeenSoon) {
  ViewCache cache;
  cache.store(1, "today", monday, cache.revision(1), t0, "A");
  EXPECT_TRUE(cache.find(1, "today", monday, t0 + ViewCache::kMaxAge));
  EXPECT_FALSE(cache.find(1, "today", monday, t0 + ViewCache::kMaxAge + 1ms));
}

TEST(ViewCache, ASecondCallerForTheSameEntryWaitsForTheFirstOnesAnswer) {
  ViewCache cache;
  auto first = cache.fill_lock(1, "today");
  std::atomic<bool> second_got_lock = false;
  auto second = std::async(std::launch::async, [&] {
    auto lock = cache.fill_lock(1, "today");
    second_got_lock = true;
    return cache.find(1, "today", monday, t0);
  });
  // Another person's or view's fill does not wait.
  { auto other = cache.fill_lock(2, "today"); }
  { auto other = cache.fill_lock(1, "plan"); }
  EXPECT_EQ(second.wait_for(50ms), std::future_status::timeout);
  EXPECT_FALSE(second_got_lock);
  cache.store(1, "today", monday, cache.revision(1), t0, "A");
  first.unlock();
  const auto found = second.get();
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, "A");
}
