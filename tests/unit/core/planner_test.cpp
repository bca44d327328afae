#include "fascia/core/planner.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "fascia/core/plan_check.hpp"
#include "fixture_kb.hpp"

using namespace fascia::core;
using fixture::day;

namespace {

const KnowledgeBase kKb = fixture::kb();

struct World {
  Profile profile = fixture::desk_worker();
  Clearance clearance = evaluate_screening(kKb, fixture::all_clear(kKb));
  Journal journal;
  std::set<std::string> tools{"starter-instrument"};
  Date today = day("2026-11-23");

  PlanInputs inputs() const { return PlanInputs{kKb, profile, tools, clearance, journal, today}; }
  Plan plan() const { return build_plan(inputs()); }
};

std::vector<Date> dates_with(const Plan& plan, const std::string& protocol) {
  std::vector<Date> out;
  for (const auto& d : plan.days)
    for (const auto& s : d.sessions)
      if (s.protocol == protocol) out.push_back(d.date);
  return out;
}

SessionEntry neck_session(Date date) {
  SessionEntry s;
  s.date = date;
  s.protocol = "neck";
  s.steps.push_back({1, "sweep-along-fibres", "upper-trapezius", Side::both, Modality::instrument, StepStatus::done, 18, 0, 5, "", ""});
  return s;
}

}  // namespace

TEST(Planner, ChoosesTheNeckProtocolForADeskWorkerAndKeepsItsSteps) {
  const Plan plan = World{}.plan();
  ASSERT_EQ(plan.templates.size(), 1u);
  EXPECT_EQ(plan.templates[0].protocol, "neck");
  EXPECT_EQ(plan.templates[0].steps.size(), 4u);
  EXPECT_FALSE(plan.days.empty());
}

TEST(Planner, NeverSchedulesFourInstrumentSessionsOnOneRegionInSevenDays) {
  World w;
  w.profile.weekdays = {0, 1, 2, 3, 4, 5, 6};
  const Plan plan = w.plan();
  const auto dates = dates_with(plan, "neck");
  ASSERT_GE(dates.size(), 6u);
  for (Date d : dates) {
    const auto n = std::count_if(dates.begin(), dates.end(), [&](Date x) { return x >= d && x < add_days(d, 7); });
    EXPECT_LE(n, 3) << format_date(d);
  }
}

TEST(Planner, LeavesAtLeastFortyEightHoursBetweenInstrumentSessions) {
  World w;
  w.profile.weekdays = {0, 1, 2, 3, 4, 5, 6};
  const auto dates = dates_with(w.plan(), "neck");
  for (std::size_t i = 1; i < dates.size(); ++i) EXPECT_GE(days_between(dates[i - 1], dates[i]), 2);
}

TEST(Planner, DatesTheProgramOverSixWeeksWithAWeekFourReview) {
  const Plan plan = World{}.plan();
  EXPECT_EQ(plan.start, day("2026-11-23"));
  EXPECT_EQ(plan.end, day("2027-01-03"));
  EXPECT_EQ(plan.review, day("2026-12-21"));
  EXPECT_LE(plan.days.back().date, plan.end);
}

TEST(Planner, ClampsTheProgramToTheCappedLength) {
  World w;
  w.profile.weeks = 12;
  EXPECT_EQ(w.plan().end, add_days(w.profile.start, 6 * 7 - 1));
  w.profile.weeks = 1;
  EXPECT_EQ(w.plan().end, add_days(w.profile.start, 4 * 7 - 1));
}

TEST(Planner, OnlyUsesTheDaysThePersonHas) {
  World w;
  w.profile.weekdays = {1, 3};  // Tuesday and Thursday
  for (const auto& d : w.plan().days) EXPECT_TRUE(weekday_index(d.date) == 1 || weekday_index(d.date) == 3);
}

TEST(Planner, ProducesNoPlanAfterAnEmergencyAnswer) {
  World w;
  w.clearance = evaluate_screening(kKb, fixture::with_yes(kKb, {"sudden-worst-headache"}));
  const Plan plan = w.plan();
  EXPECT_TRUE(plan.blocked);
  EXPECT_TRUE(plan.days.empty());
  ASSERT_FALSE(plan.blocked_by.empty());
  EXPECT_EQ(plan.blocked_by[0].rule, "emergency-headache");
}

TEST(Planner, ExcludesAPractitionerOnlyRegionAndSaysWhy) {
  World w;
  w.profile.regions.push_back({"scalenes", Side::left, 5});
  const Plan plan = w.plan();
  ASSERT_EQ(plan.excluded.size(), 1u);
  EXPECT_EQ(plan.excluded[0].region, "scalenes");
  EXPECT_EQ(plan.excluded[0].reasons[0].rule, "practitioner-only");
  for (const auto& d : plan.days)
    for (const auto& s : d.sessions)
      for (const auto& st : s.steps) EXPECT_NE(st.region, "scalenes");
}

TEST(Planner, DropsAStepWhoseEdgeThePersonLacksAndSaysSo) {
  World w;
  w.tools = {"scraping-stone"};  // stands in for the curved edge, but nothing replaces the rounded tip
  const Plan plan = w.plan();
  ASSERT_EQ(plan.templates.size(), 1u);
  const auto& steps = plan.templates[0].steps;
  EXPECT_TRUE(std::none_of(steps.begin(), steps.end(), [](auto& s) { return s.region == "suboccipitals"; }));
  auto sweep = std::find_if(steps.begin(), steps.end(), [](auto& s) { return s.region == "upper-trapezius" && !s.edge.empty(); });
  ASSERT_NE(sweep, steps.end());
  EXPECT_EQ(sweep->edge, "stone-edge");
  EXPECT_TRUE(std::any_of(plan.notes.begin(), plan.notes.end(), [](auto& r) { return r.rule == "missing-edge"; }));
}

TEST(Planner, CapsSuboccipitalPressureAndDoseForHeadacheHistory) {
  World w;
  w.clearance = evaluate_screening(kKb, fixture::with_yes(kKb, {"headache-or-dizziness-history"}));
  const Plan plan = w.plan();
  const auto& steps = plan.templates.at(0).steps;
  auto sub = std::find_if(steps.begin(), steps.end(), [](auto& s) { return s.region == "suboccipitals"; });
  ASSERT_NE(sub, steps.end());
  EXPECT_EQ(sub->pressure->max, 3);
  EXPECT_EQ(sub->target, 60);
  EXPECT_FALSE(sub->adaptations.empty());
}

TEST(Planner, FallsBackToCompressionWhenInstrumentWorkIsBlocked) {
  World w;
  w.profile.regions = {{"calves", Side::both, 5}};
  w.tools = {"starter-instrument", "foam-roller"};
  w.clearance = evaluate_screening(kKb, fixture::with_yes(kKb, {"blood-thinners-or-bleeding-disorder"}));
  const Plan plan = w.plan();
  ASSERT_EQ(plan.templates.size(), 1u);
  EXPECT_EQ(plan.templates[0].protocol, "compression-calves");
}

TEST(Planner, UsesHandsForTriggerPointsWhenNoToolFits) {
  World w;
  w.profile.regions = {{"calves", Side::left, 5}};
  w.tools = {};
  const Plan plan = w.plan();
  ASSERT_EQ(plan.templates.size(), 1u);
  EXPECT_EQ(plan.templates[0].protocol, "trigger-point-release");
  EXPECT_EQ(plan.templates[0].steps[0].dose, (IntRange{30, 90})) << "holds are clamped to 30-90 s";
}

TEST(Planner, CountsLoggedSessionsAgainstTheCaps) {
  World w;
  w.journal.sessions.push_back(neck_session(day("2026-11-23")));
  w.today = day("2026-11-24");
  const auto dates = dates_with(w.plan(), "neck");
  ASSERT_FALSE(dates.empty());
  EXPECT_GE(dates.front(), day("2026-11-25"));
}

TEST(Planner, TheCheckerFindsNothingInANormalPlan) {
  World w;
  const Plan plan = w.plan();
  EXPECT_TRUE(check_plan(kKb, w.clearance, analyse_journal(kKb, w.profile, w.journal), w.journal, plan).empty());
}

TEST(Planner, TheCheckerCatchesAnInjectedCapBreak) {
  World w;
  w.profile.weekdays = {0, 1, 2, 3, 4, 5, 6};
  Plan plan = w.plan();
  ASSERT_GE(plan.days.size(), 2u);
  // Move the second session to the day after the first: under 48 h apart.
  plan.days[1].date = add_days(plan.days[0].date, 1);
  const auto v = check_plan(kKb, w.clearance, analyse_journal(kKb, w.profile, w.journal), w.journal, plan);
  ASSERT_FALSE(v.empty());
  EXPECT_EQ(v[0].rule, "instrument-min-hours-between");
}

TEST(Today, SaysWhatIsDueOnAPlannedDay) {
  World w;
  const Plan plan = w.plan();
  const TodayView view = today_view(w.inputs(), plan);
  ASSERT_EQ(view.due.size(), 1u);
  EXPECT_EQ(view.due[0].protocol, "neck");
}

TEST(Today, RefusesTheSameRegionTheDayAfterASessionWithTheReasons) {
  World w;
  w.journal.sessions.push_back(neck_session(day("2026-11-23")));
  w.journal.reactions.push_back({day("2026-11-23"), "upper-trapezius", Side::both, false, false, false, 4});
  w.today = day("2026-11-24");
  w.profile.weekdays = {0, 1, 2, 3, 4, 5, 6};
  const Plan plan = w.plan();
  const TodayView view = today_view(w.inputs(), plan);
  EXPECT_TRUE(view.due.empty());
  ASSERT_TRUE(view.next.has_value());
  EXPECT_EQ(*view.next, day("2026-11-25"));
  auto has = [&](const char* rule) {
    return std::any_of(view.not_today.begin(), view.not_today.end(), [&](auto& r) { return r.rule == rule; });
  };
  EXPECT_TRUE(has("instrument-min-hours-between"));
  EXPECT_TRUE(has("reaction-unresolved"));
}

TEST(Today, HoldsARegionBackUntilSorenessIsReportedSettled) {
  World w;
  w.profile.weekdays = {0, 1, 2, 3, 4, 5, 6};
  w.journal.sessions.push_back(neck_session(day("2026-11-23")));
  w.journal.reactions.push_back({day("2026-11-24"), "upper-trapezius", Side::both, true, false, false, 3});
  w.today = day("2026-11-25");
  TodayView view = today_view(w.inputs(), w.plan());
  EXPECT_TRUE(view.due.empty()) << "redness and soreness have not settled";

  w.journal.reactions.push_back({day("2026-11-25"), "upper-trapezius", Side::both, false, false, false, 1});
  view = today_view(w.inputs(), w.plan());
  ASSERT_EQ(view.due.size(), 1u) << "a settled check-in releases the region";
}

// Only a check-in is missing: Today says the session can be done today once
// it is logged, rather than naming a later day as if today were lost.
TEST(Today, WhenOnlyACheckInIsMissingTheSessionItWouldReleaseTodayIsNamed) {
  World w;
  w.profile.weekdays = {0, 1, 2, 3, 4, 5, 6};
  w.journal.sessions.push_back(neck_session(day("2026-11-23")));
  w.today = day("2026-11-25");
  const TodayView view = today_view(w.inputs(), w.plan());
  EXPECT_TRUE(view.due.empty()) << "no check-in since Monday's session";
  ASSERT_EQ(view.due_after_checkin.size(), 1u);
  EXPECT_EQ(view.due_after_checkin[0].protocol, "neck");
  ASSERT_TRUE(view.next.has_value());
  EXPECT_GT(*view.next, w.today);

  // Logged and settled, the same session is due: what was promised holds.
  w.journal.reactions.push_back({day("2026-11-25"), "upper-trapezius", Side::both, false, false, false, 0});
  const TodayView after = today_view(w.inputs(), w.plan());
  ASSERT_EQ(after.due.size(), 1u);
  EXPECT_EQ(after.due[0].protocol, view.due_after_checkin[0].protocol);
  EXPECT_TRUE(after.due_after_checkin.empty()) << "something is due: nothing to promise";
}

TEST(Today, ACheckInPromisesNothingWhenAnotherRuleStillHoldsTheDay) {
  World w;
  w.profile.weekdays = {0, 1, 2, 3, 4, 5, 6};
  w.journal.sessions.push_back(neck_session(day("2026-11-23")));
  w.today = day("2026-11-24");  // the check-in may be logged, but 48 h have not passed
  EXPECT_TRUE(today_view(w.inputs(), w.plan()).due_after_checkin.empty());
  w.today = day("2026-11-25");
  w.journal.reactions.push_back({day("2026-11-24"), "upper-trapezius", Side::both, true, false, false, 3});
  EXPECT_TRUE(today_view(w.inputs(), w.plan()).due_after_checkin.empty())
      << "redness logged: waiting for it to settle is not a missing check-in";
  w.profile.weekdays = {0, 1, 3, 4, 5, 6};  // Wednesday is not a day of theirs
  w.journal.reactions.clear();
  EXPECT_TRUE(today_view(w.inputs(), w.plan()).due_after_checkin.empty());
}

TEST(Planner, ALongSessionDoesNotCrowdAnotherProtocolOutOfEveryDay) {
  World w;
  w.profile.regions = {{"upper-trapezius", Side::both, 6}, {"calves", Side::both, 4}};
  w.tools = {"starter-instrument", "foam-roller"};
  w.profile.minutes_per_session = 8;  // never room for both on one day
  const Plan plan = w.plan();
  ASSERT_EQ(plan.templates.size(), 2u);
  EXPECT_FALSE(dates_with(plan, "neck").empty());
  EXPECT_FALSE(dates_with(plan, "compression-calves").empty());
}

TEST(Planner, SaysWhenASessionIsLongerThanThePersonsMinutes) {
  World w;
  w.profile.minutes_per_session = 5;
  const Plan plan = w.plan();
  EXPECT_TRUE(std::any_of(plan.notes.begin(), plan.notes.end(), [](auto& r) { return r.rule == "minutes-per-session"; }));
}

TEST(Planner, WorksRegionsVisitedOnTheWayOnTheTargetsSide) {
  World w;
  w.profile.regions = {{"upper-trapezius", Side::left, 6}};
  int visited = 0;
  const Plan plan = w.plan();
  for (const auto& step : plan.templates.at(0).steps) {
    if (step.region == "upper-trapezius") continue;
    EXPECT_EQ(step.side, Side::left) << step.region;
    ++visited;
  }
  EXPECT_GT(visited, 0);
}

TEST(Planner, NeverDosesBelowARegionsHardMinimumEvenAtTheLowestLevel) {
  World w;
  // Pain worse two days after each of two sessions: the dose drops two levels.
  SessionEntry first = neck_session(day("2026-11-23"));
  first.steps.push_back({3, "gentle-circular-strokes", "suboccipitals", Side::both, Modality::instrument,
                         StepStatus::done, 0, 60, 3, "", ""});
  SessionEntry second = first;
  second.date = day("2026-11-27");
  w.journal.sessions = {first, second};
  w.journal.pain = {{day("2026-11-25"), "suboccipitals", Side::both, 5}, {day("2026-11-29"), "suboccipitals", Side::both, 7}};
  w.profile.regions.push_back({"suboccipitals", Side::both, 3});
  w.today = day("2026-11-30");
  const Plan plan = w.plan();
  const auto& steps = plan.templates.at(0).steps;
  auto sub = std::find_if(steps.begin(), steps.end(), [](auto& s) { return s.region == "suboccipitals"; });
  ASSERT_NE(sub, steps.end());
  EXPECT_EQ(sub->target, 60) << "half the low end would be 30 s, under the region's 60 s minimum";
}

// ---- issue 8: sides and reasons ----

TEST(PlannerSides, AWoundOnTheLeftCalfKeepsTheRightCalfInThePlan) {
  World w;
  w.profile.regions = {{"calves", Side::both, 5}};
  w.tools = {"foam-roller"};
  ScreeningRecord r = fixture::all_clear(kKb);
  r.answers["open-wound"] = Answer{true, {{"calves", Side::left}}};
  w.clearance = evaluate_screening(kKb, r);
  const Plan plan = w.plan();
  ASSERT_FALSE(plan.templates.empty());
  for (const auto& t : plan.templates) {
    for (const auto& s : t.steps) {
      if (s.region == "calves") {
        EXPECT_EQ(s.side, Side::right);
      }
    }
  }
  EXPECT_FALSE(plan.days.empty());
  ASSERT_EQ(plan.excluded.size(), 1u);
  EXPECT_EQ(plan.excluded[0].side, Side::left);
  EXPECT_EQ(plan.excluded[0].reasons.at(0).rule, "wound");
  EXPECT_NE(plan.excluded[0].reasons.at(0).text.find("screening"), std::string::npos);
  EXPECT_TRUE(std::any_of(plan.notes.begin(), plan.notes.end(), [](const Reason& n) {
    return n.rule == "wound" && n.text.find("left") != std::string::npos && n.text.find("screening") != std::string::npos;
  }));
  EXPECT_TRUE(check_plan(kKb, w.clearance, analyse_journal(kKb, w.profile, w.journal), w.journal, plan).empty());
}

TEST(TodayReasons, AScreeningExclusionOfTheOnlyRegionIsGivenAsTheReason) {
  World w;  // upper traps only
  w.clearance = evaluate_screening(kKb, fixture::with_yes(kKb, {"dizziness-with-neck-movement"}));
  const TodayView v = today_view(w.inputs(), w.plan());
  EXPECT_TRUE(v.due.empty());
  EXPECT_FALSE(v.blocked);
  ASSERT_FALSE(v.not_today.empty());
  EXPECT_EQ(v.not_today[0].rule, "neck-dizziness");
  EXPECT_FALSE(v.next);
  ASSERT_TRUE(v.next_condition);
  EXPECT_NE(v.next_condition->find("practitioner"), std::string::npos);
}

TEST(TodayReasons, AClearanceWhileTheLatestAnswersStillSayYesAsksForTheAnswersAgain) {
  World w;  // upper traps only
  const ScreeningRecord dizzy = fixture::with_yes(kKb, {"dizziness-with-neck-movement"});
  const ClearanceEntry lee{day("2026-11-23"), "Dr Lee", {}, "", 1};
  w.clearance = evaluate_screenings(kKb, {dizzy}, {lee}).clearance;
  const TodayView v = today_view(w.inputs(), w.plan());
  EXPECT_TRUE(v.due.empty());
  ASSERT_TRUE(v.next_condition);
  EXPECT_EQ(*v.next_condition,
            "after you answer the safety questions again: the clearance by Dr Lee on Monday, 23 November 2026 is "
            "recorded, but your latest answers still say yes");

  // Cleared only where the person does not work: a practitioner is still needed.
  const ClearanceEntry elsewhere{day("2026-11-23"), "Dr Lee", {{"levator-scapulae", Side::both}}, "", 1};
  w.clearance = evaluate_screenings(kKb, {dizzy}, {elsewhere}).clearance;
  const TodayView still = today_view(w.inputs(), w.plan());
  ASSERT_TRUE(still.next_condition);
  EXPECT_EQ(still.next_condition->rfind("after a practitioner has seen you", 0), 0u) << *still.next_condition;

  // Cleared on the person's area only: answering again is what is left for it.
  const ClearanceEntry here{day("2026-11-23"), "Dr Lee", {{"upper-trapezius", Side::both}}, "", 1};
  w.clearance = evaluate_screenings(kKb, {dizzy}, {here}).clearance;
  const TodayView answer = today_view(w.inputs(), w.plan());
  ASSERT_TRUE(answer.next_condition);
  EXPECT_EQ(answer.next_condition->rfind("after you answer the safety questions again", 0), 0u)
      << *answer.next_condition;
}

TEST(TodayReasons, ABlockedPlanSaysWhatMustHappenFirst) {
  World w;
  w.clearance = evaluate_screening(kKb, fixture::with_yes(kKb, {"recent-trauma"}));
  const TodayView v = today_view(w.inputs(), w.plan());
  EXPECT_TRUE(v.blocked);
  EXPECT_FALSE(v.blocked_by.empty());
  EXPECT_TRUE(v.next_condition);
}
