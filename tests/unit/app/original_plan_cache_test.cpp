// The monitoring list's memo of each client's plan as first made
// (app::OriginalPlanCache): the same plan as original_plan, made again
// whenever anything it is made from changed, bounded by its capacity.
#include "fascia/app/original_plan_cache.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "fascia/adapters/memory_store.hpp"
#include "unit/core/fixture_kb.hpp"

using namespace fascia;
using fixture::day;

namespace {

const core::KnowledgeBase kKb = fixture::kb();

app::PersonState desk_worker() {
  adapters::MemoryStore store;
  EXPECT_TRUE(store.save_profile(fixture::desk_worker()));
  EXPECT_TRUE(store.add_screening(fixture::all_clear(kKb, day("2026-11-22"))));
  auto person = app::load_person(kKb, store);
  EXPECT_TRUE(person) << person.error().message;
  return person ? *person : app::PersonState{};
}

// What a plan asks for, day by day, step by step: enough to tell two apart.
std::string summary(const core::Plan& plan) {
  std::ostringstream out;
  out << core::format_date(plan.start) << ".." << core::format_date(plan.end) << (plan.blocked ? " blocked" : "");
  for (const auto& d : plan.days)
    for (const auto& s : d.sessions) {
      out << "\n" << core::format_date(d.date) << " " << s.protocol;
      for (const auto& step : s.steps)
        out << " " << step.technique << "@" << step.region << ":" << (step.pressure ? step.pressure->max : -1);
    }
  return out.str();
}

}  // namespace

TEST(OriginalPlanCache, GivesOriginalPlansPlanAndMakesItOnceWhileNothingChanges) {
  app::OriginalPlanCache cache;
  const app::PersonState person = desk_worker();
  const std::string expected = summary(app::original_plan(kKb, person));
  ASSERT_NE(expected.find("\n"), std::string::npos) << "a plan with sessions: " << expected;
  EXPECT_EQ(summary(cache.plan(kKb, 7, person)), expected);
  EXPECT_EQ(summary(cache.plan(kKb, 7, person)), expected);
  EXPECT_EQ(cache.made(), 1u);
  EXPECT_EQ(cache.found(), 1u);
}

TEST(OriginalPlanCache, MakesThePlanAgainWhenAnythingItIsMadeFromChanged) {
  app::OriginalPlanCache cache;
  app::PersonState person = desk_worker();
  (void)cache.plan(kKb, 7, person);
  std::size_t made = 1;
  const auto expect_made_again = [&](const char* what) {
    EXPECT_EQ(summary(cache.plan(kKb, 7, person)), summary(app::original_plan(kKb, person))) << what;
    EXPECT_EQ(cache.made(), ++made) << what;
  };
  person.profile.start = core::add_days(person.profile.start, 7);
  expect_made_again("a later start");
  person.profile.regions.pop_back();
  expect_made_again("a region fewer");
  person.tools.clear();
  expect_made_again("no tools");
  person.screenings.push_back(person.screenings.back());
  expect_made_again("one more screening");
  person.journal.clearances.push_back({day("2026-11-25"), "pat, North Physio", {}, "seen", 1});
  expect_made_again("a clearance");
  core::HomeProgram program;
  program.id = 1;
  program.start = day("2026-11-30");
  person.program = program;
  expect_made_again("a home program in force");
  // The journal's other entries are not what the plan as first made is made from.
  person.journal.pain.push_back({day("2026-11-26"), "upper-trapezius", core::Side::left, 4});
  (void)cache.plan(kKb, 7, person);
  EXPECT_EQ(cache.made(), made);
  // Nor is another client's plan this one's.
  (void)cache.plan(kKb, 8, person);
  EXPECT_EQ(cache.made(), made + 1);
}

TEST(OriginalPlanCache, KeepsAtMostItsCapacityDroppingTheOneUsedLongestAgo) {
  app::OriginalPlanCache cache(2);
  const app::PersonState person = desk_worker();
  (void)cache.plan(kKb, 1, person);
  (void)cache.plan(kKb, 2, person);
  (void)cache.plan(kKb, 1, person);  // 1 used after 2
  (void)cache.plan(kKb, 3, person);  // drops 2
  EXPECT_EQ(cache.made(), 3u);
  (void)cache.plan(kKb, 1, person);
  EXPECT_EQ(cache.made(), 3u) << "1 was kept";
  (void)cache.plan(kKb, 2, person);
  EXPECT_EQ(cache.made(), 4u) << "2 was dropped";
}
