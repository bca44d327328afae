#include "fascia/server/view_cache.hpp"

#include <gtest/gtest.h>

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
