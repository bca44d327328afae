// The plan adherence is measured against (core/prescribed_plan): the plan as
// first made, each day with the clearance recorded up to that day.
#include "fascia/core/prescribed_plan.hpp"

#include <gtest/gtest.h>

#include "fascia/core/planner.hpp"
#include "fixture_kb.hpp"

using namespace fascia::core;
using fixture::day;

namespace {

const KnowledgeBase kKb = fixture::kb();
const std::set<std::string> kTools{"starter-instrument", "foam-roller", "hands"};

// The desk worker with their calves too: a neck warning sign leaves the calves.
Profile neck_and_calves() {
  Profile p = fixture::desk_worker();
  p.regions.push_back({"calves", Side::both, 5});
  p.tools = {"starter-instrument", "foam-roller"};
  return p;
}

int sessions_of(const Plan& plan, const std::string& region, Date from, Date to) {
  int n = 0;
  for (const auto& d : plan.days)
    if (d.date >= from && d.date <= to)
      for (const auto& s : d.sessions)
        for (const auto& step : s.steps)
          if (step.region == region) {
            ++n;
            break;
          }
  return n;
}

}  // namespace

TEST(PrescribedPlan, WithTheClearanceUnchangedItIsThePlanAsFirstMade) {
  const Profile profile = neck_and_calves();
  const std::vector<ScreeningRecord> screened{fixture::all_clear(kKb, day("2026-11-22"))};
  const Clearance clearance = evaluate_screenings(kKb, screened, {}).clearance;
  const Plan first = build_plan(PlanInputs{kKb, profile, kTools, clearance, Journal{}, profile.start, nullptr});
  ASSERT_FALSE(first.days.empty());
  EXPECT_EQ(prescribed_plan(kKb, profile, kTools, screened, {}, nullptr).days.size(), first.days.size());
}

TEST(PrescribedPlan, AWarningSignOnOneAreaHoldsBackThatAreaFromItsDayAndLeavesTheRest) {
  const Profile profile = neck_and_calves();
  const std::vector<ScreeningRecord> clear{fixture::all_clear(kKb, day("2026-11-22"))};
  const Plan before = prescribed_plan(kKb, profile, kTools, clear, {}, nullptr);
  const Date sign = day("2026-12-02");
  ScreeningRecord dizzy = fixture::with_yes(kKb, {"dizziness-with-neck-movement"});
  dizzy.date = sign;
  const Plan after = prescribed_plan(kKb, profile, kTools, {clear[0], dizzy}, {}, nullptr);

  const Date eve = add_days(sign, -1);
  ASSERT_GT(sessions_of(before, "upper-trapezius", profile.start, eve), 0);
  ASSERT_GT(sessions_of(before, "calves", add_days(sign, 1), before.end), 0);
  EXPECT_EQ(sessions_of(after, "upper-trapezius", profile.start, eve),
            sessions_of(before, "upper-trapezius", profile.start, eve))
      << "prescribed before the sign: still prescribed";
  EXPECT_EQ(sessions_of(after, "upper-trapezius", add_days(sign, 1), after.end), 0) << "held back from its day on";
  EXPECT_GT(sessions_of(after, "calves", add_days(sign, 1), after.end), 0) << "the calves are still the person's to do";
}

TEST(PrescribedPlan, ASignRaisedAndClearedBeforeTheStartHoldsNothingBack) {
  const Profile profile = neck_and_calves();
  ScreeningRecord dizzy = fixture::with_yes(kKb, {"dizziness-with-neck-movement"});
  dizzy.date = day("2026-11-10");
  const std::vector<ScreeningRecord> screened{dizzy, fixture::all_clear(kKb, day("2026-11-20"))};
  const std::vector<ClearanceEntry> cleared{{day("2026-11-20"), "Dr Lee", {}, "", 2}};
  const Plan plan = prescribed_plan(kKb, profile, kTools, screened, cleared, nullptr);
  const Plan clear = prescribed_plan(kKb, profile, kTools, {screened[1]}, {}, nullptr);
  EXPECT_EQ(sessions_of(plan, "upper-trapezius", plan.start, plan.end),
            sessions_of(clear, "upper-trapezius", clear.start, clear.end));
}
