// Issue 10, point 3: a practitioner's home program. The core refuses anything
// above a home cap or on a practitioner-only region, naming the cap and its
// source; a plan that follows a program keeps to its ceilings, doses, days
// and clinic-only areas, and screening still applies.
#include "fascia/core/home_program.hpp"

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "fascia/core/planner.hpp"
#include "fixture_kb.hpp"

using namespace fascia::core;
using fixture::day;

namespace {

const KnowledgeBase kKb = fixture::kb();

HomeProgram neck_program() {
  HomeProgram p;
  p.id = 5;
  p.practitioner = "pat";
  p.clinic = "North Physio";
  p.assigned = day("2026-11-23");
  p.start = day("2026-11-23");
  p.weeks = 6;
  p.review = day("2026-12-21");
  p.weekdays = {0, 2, 4};
  p.items = {{"neck", {"upper-trapezius", Side::both}, 4, 100, "breathe out on each stroke"}};
  return p;
}

bool has_problem(const std::vector<ProgramProblem>& problems, const std::string& rule, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const ProgramProblem& p) { return p.rule == rule && p.field == field; });
}

Plan plan_for(const HomeProgram& program, const std::vector<std::string>& yes = {}) {
  static const Profile profile = fixture::desk_worker();
  static const std::set<std::string> tools{"starter-instrument", "foam-roller"};
  static const Journal journal;
  const Clearance clearance = evaluate_screening(kKb, fixture::with_yes(kKb, yes));
  return build_plan(PlanInputs{kKb, profile, tools, clearance, journal, day("2026-11-23"), &program});
}

}  // namespace

TEST(HomeProgram, AValidProgramHasNoProblems) { EXPECT_TRUE(check_home_program(kKb, neck_program()).empty()); }

TEST(HomeProgram, APressureAboveTheHomeCapIsRefusedNamingTheCapAndItsSource) {
  auto p = neck_program();
  p.items[0].max_pressure = 8;
  const auto problems = check_home_program(kKb, p);
  ASSERT_TRUE(has_problem(problems, "home-pressure-ceiling", "items[0].max_pressure"));
  EXPECT_NE(problems[0].message.find("7/10"), std::string::npos) << problems[0].message;
  EXPECT_NE(problems[0].message.find("seed-000"), std::string::npos) << problems[0].message;
  EXPECT_EQ(problems[0].source, "seed-000");
}

TEST(HomeProgram, APressureAboveARegionsOwnCapIsRefused) {
  auto p = neck_program();
  p.items[0] = {"neck", {"levator-scapulae", Side::left}, 7, 100, ""};  // the levator's cap is 6
  EXPECT_TRUE(has_problem(check_home_program(kKb, p), "region-pressure-cap", "items[0].max_pressure"));
}

TEST(HomeProgram, APractitionerOnlyRegionIsRefusedAsHomeWork) {
  auto p = neck_program();
  p.items.push_back({"trigger-point-release", {"scalenes", Side::left}, std::nullopt, 100, ""});
  p.clinic_only.push_back({"scalenes", Side::both});
  const auto problems = check_home_program(kKb, p);
  EXPECT_TRUE(has_problem(problems, "practitioner-only", "items[1].target.region"));
  // Even listed as clinic-only, a practitioner-only region is refused: it never needed saying.
  EXPECT_TRUE(has_problem(problems, "practitioner-only", "clinic_only[0].region"));
  for (const auto& p : problems)
    if (p.field == "clinic_only[0].region")
      EXPECT_NE(p.message.find("always kept for the clinic, so leave it out"), std::string::npos) << p.message;
}

TEST(HomeProgram, ADoseMayBeLoweredButNeverRaised) {
  auto p = neck_program();
  p.items[0].dose_percent = 120;
  EXPECT_TRUE(has_problem(check_home_program(kKb, p), "dose-only-lower", "items[0].dose_percent"));
  p.items[0].dose_percent = 10;
  EXPECT_TRUE(has_problem(check_home_program(kKb, p), "dose-range", "items[0].dose_percent"));
  p.items[0].dose_percent = 0;  // the same rule, however low
  EXPECT_TRUE(has_problem(check_home_program(kKb, p), "dose-range", "items[0].dose_percent"));
  p.items[0].dose_percent = 50;
  EXPECT_TRUE(check_home_program(kKb, p).empty());
}

TEST(HomeProgram, DaysWeeksReviewAndProtocolsAreChecked) {
  auto p = neck_program();
  p.weekdays = {0, 0, 9};
  p.weeks = 8;
  p.items.push_back({"no-such-protocol", {"upper-trapezius", Side::both}, std::nullopt, 100, ""});
  p.items.push_back({"compression-calves", {"upper-trapezius", Side::both}, std::nullopt, 100, ""});
  const auto problems = check_home_program(kKb, p);
  EXPECT_TRUE(has_problem(problems, "weekdays", "weekdays"));
  EXPECT_TRUE(has_problem(problems, "program-weeks", "weeks"));
  EXPECT_TRUE(has_problem(problems, "unknown-protocol", "items[1].protocol"));
  EXPECT_TRUE(has_problem(problems, "protocol-region", "items[2].target"));
  p = neck_program();
  p.items.push_back({"neck", {"levator-scapulae", Side::left}, std::nullopt, 100, ""});
  p.items.push_back({"adhesion-scraping", {"calves", Side::left}, std::nullopt, 100, ""});
  p.items.push_back({"adhesion-scraping", {"upper-trapezius", Side::both}, std::nullopt, 100, ""});
  const auto twice = check_home_program(kKb, p);
  EXPECT_TRUE(has_problem(twice, "item-twice", "items[1].protocol"));
  EXPECT_FALSE(has_problem(twice, "item-twice", "items[3].protocol"));  // another region
  auto q = neck_program();
  q.review = q.start;
  EXPECT_TRUE(has_problem(check_home_program(kKb, q), "review-date", "review"));
}

TEST(HomeProgram, AnAreaCannotBeBothHomeWorkAndClinicOnly) {
  auto p = neck_program();
  p.clinic_only.push_back({"upper-trapezius", Side::left});
  EXPECT_TRUE(has_problem(check_home_program(kKb, p), "clinic-only", "items[0].target"));
}

TEST(HomeProgram, AnAreaKeptForTheClinicIsListedOnce) {
  auto p = neck_program();
  p.clinic_only = {{"suboccipitals", Side::both}, {"levator-scapulae", Side::right}, {"suboccipitals", Side::left}};
  const auto problems = check_home_program(kKb, p);
  EXPECT_TRUE(has_problem(problems, "clinic-only-twice", "clinic_only[2]"));
  for (const auto& problem : problems)
    if (problem.rule == "clinic-only-twice")
      EXPECT_NE(problem.message.find("already kept for the clinic by clinic_only[0]"), std::string::npos)
          << problem.message;
  p.clinic_only[2] = {"levator-scapulae", Side::left};  // the other side: a different area
  EXPECT_FALSE(has_problem(check_home_program(kKb, p), "clinic-only-twice", "clinic_only[2]"));
}

TEST(ProgramPlan, FollowsTheProgramsDaysCeilingCueAndSaysWhoAssignedIt) {
  const Plan plan = plan_for(neck_program());
  EXPECT_EQ(plan.assigned_by, "pat");
  EXPECT_EQ(plan.program_id, 5);
  EXPECT_EQ(plan.review, day("2026-12-21"));
  ASSERT_FALSE(plan.days.empty());
  for (const auto& d : plan.days) {
    EXPECT_TRUE(weekday_index(d.date) == 0 || weekday_index(d.date) == 2 || weekday_index(d.date) == 4);
    for (const auto& s : d.sessions) {
      EXPECT_EQ(s.protocol, "neck");
      for (const auto& step : s.steps) {
        if (step.pressure) {
          EXPECT_LE(step.pressure->max, 4) << step.region;
        }
        EXPECT_NE(std::find(step.cues.begin(), step.cues.end(), "pat: breathe out on each stroke"), step.cues.end());
      }
    }
  }
  EXPECT_TRUE(std::any_of(plan.notes.begin(), plan.notes.end(), [](const Reason& r) { return r.rule == "assigned-pressure"; }));
  EXPECT_EQ(plan.removed_by_final_check, 0);
}

TEST(ProgramPlan, AClinicOnlyAreaGetsNoHomeStepAndTheNoteSaysWhy) {
  auto p = neck_program();
  p.clinic_only = {{"levator-scapulae", Side::both}};
  const Plan plan = plan_for(p);
  ASSERT_FALSE(plan.days.empty());
  for (const auto& d : plan.days)
    for (const auto& s : d.sessions)
      for (const auto& step : s.steps) EXPECT_NE(step.region, "levator-scapulae");
  EXPECT_TRUE(std::any_of(plan.notes.begin(), plan.notes.end(), [](const Reason& r) {
    return r.rule == "clinic-only" && r.text.find("pat treats") != std::string::npos;
  }));
}

TEST(ProgramPlan, ALowerDoseScalesStepsDownButNotBelowAHardMinimum) {
  auto p = neck_program();
  p.items[0].dose_percent = 50;
  const Plan plan = plan_for(p);
  ASSERT_FALSE(plan.days.empty());
  for (const auto& step : plan.days.front().sessions.front().steps) {
    if (step.region == "upper-trapezius" && step.modality == Modality::instrument) {
      EXPECT_LE(step.target, 10);
    }
    if (step.region == "suboccipitals") {
      EXPECT_GE(step.target, 60);  // the region's own minimum hold
    }
  }
}

TEST(ProgramPlan, AWarningSignStillBlocksAnAssignedProgram) {
  const Plan plan = plan_for(neck_program(), {"dizziness-with-neck-movement"});
  for (const auto& d : plan.days)
    for (const auto& s : d.sessions)
      for (const auto& step : s.steps) EXPECT_NE(step.region, "upper-trapezius");
}

TEST(ProgramPlan, TheCheckerCatchesAPlanThatLeavesItsProgram) {
  auto p = neck_program();
  Plan plan = plan_for(p);
  ASSERT_FALSE(plan.days.empty());
  ASSERT_TRUE(check_plan_follows_program(kKb, p, plan).empty());
  plan.days.front().sessions.front().steps[1].pressure = IntRange{5, 6};
  p.clinic_only = {{"suboccipitals", Side::both}};
  const auto v = check_plan_follows_program(kKb, p, plan);
  EXPECT_TRUE(std::any_of(v.begin(), v.end(), [](const Violation& x) { return x.rule == "program-pressure"; }));
  EXPECT_TRUE(std::any_of(v.begin(), v.end(), [](const Violation& x) { return x.rule == "clinic-only"; }));
}

// Whatever a practitioner asks for: either the core refuses the program, or
// every plan made from it keeps every home cap (check_plan), keeps to the
// program (check_plan_follows_program), never puts a step on a
// practitioner-only region, and the last gate had nothing to remove.
RC_GTEST_PROP(ProgramProperties, NoAcceptedProgramYieldsAPlanBreakingAHomeCapOrTheProgram, ()) {
  HomeProgram p;
  p.practitioner = "pat";
  p.start = day("2026-11-23");
  p.weeks = *rc::gen::inRange(4, 7);
  p.review = add_days(p.start, *rc::gen::inRange(1, p.weeks * 7));
  for (int d = 0; d < 7; ++d)
    if (*rc::gen::arbitrary<bool>()) p.weekdays.push_back(d);
  const std::vector<std::string> protocols{"neck", "compression-calves", "adhesion-scraping", "trigger-point-release"};
  const std::vector<std::string> regions{"upper-trapezius", "levator-scapulae", "suboccipitals", "scalenes", "calves",
                                         "abdomen"};
  const auto n = *rc::gen::inRange(0, 4);
  for (int i = 0; i < n; ++i) {
    ProgramItem item;
    item.protocol = *rc::gen::elementOf(protocols);
    // Mostly a region the protocol works on; sometimes any region at all.
    const Protocol& protocol = *kKb.protocol(item.protocol);
    std::vector<std::string> fitting = protocol.eligible_regions;
    for (const auto& st : protocol.steps)
      if (st.region != kTargetRegion) fitting.push_back(st.region);
    item.target.region = *rc::gen::weightedOneOf<std::string>(
        {{7, rc::gen::elementOf(fitting)}, {1, rc::gen::elementOf(regions)}});
    const bool midline = kKb.region(item.target.region)->laterality == Laterality::midline;
    item.target.side = midline ? Side::midline : *rc::gen::element(Side::both, Side::left, Side::right);
    if (*rc::gen::arbitrary<bool>()) item.max_pressure = *rc::gen::inRange(0, 9);
    item.dose_percent = *rc::gen::inRange(20, 105);
    p.items.push_back(item);
  }
  if (*rc::gen::arbitrary<bool>()) p.clinic_only.push_back({*rc::gen::elementOf(regions), Side::both});
  const bool accepted = check_home_program(kKb, p).empty();
  RC_CLASSIFY(accepted);
  if (!accepted) RC_SUCCEED("refused");
  const std::vector<std::string> yes =
      *rc::gen::container<std::vector<std::string>>(rc::gen::element<std::string>(
          "dizziness-with-neck-movement", "headache-or-dizziness-history", "blood-thinners-or-bleeding-disorder"));
  const Plan plan = plan_for(p, yes);
  const Clearance clearance = evaluate_screening(kKb, fixture::with_yes(kKb, yes));
  const Journal journal;
  RC_ASSERT(check_plan(kKb, clearance, analyse_journal(kKb, fixture::desk_worker(), journal), journal, plan).empty());
  RC_ASSERT(check_plan_follows_program(kKb, p, plan).empty());
  RC_ASSERT(plan.removed_by_final_check == 0);
  for (const auto& d : plan.days)
    for (const auto& s : d.sessions)
      for (const auto& step : s.steps) {
        const Region* r = kKb.region(step.region);
        RC_ASSERT(r != nullptr);
        RC_ASSERT(r->region_class != RegionClass::practitioner_only);
        if (step.pressure) RC_ASSERT(step.pressure->max <= kKb.caps.home_pressure_ceiling.value);
      }
}

TEST(ProgramVersions, TheProgramInForceIsTheLatestVersionOfTheNewestProgramUnlessItEnded) {
  EXPECT_EQ(program_in_force({}), nullptr);
  auto first = neck_program();
  first.id = 1;
  auto changed = first;
  changed.version = 2;
  changed.items[0].max_pressure = 3;
  auto second = neck_program();
  second.id = 2;
  // Any order in, the newest program's latest version out.
  const std::vector<HomeProgram> versions{changed, second, first};
  ASSERT_NE(program_in_force(versions), nullptr);
  EXPECT_EQ(program_in_force(versions)->id, 2);
  EXPECT_EQ(program_in_force({first, changed})->version, 2);
  auto ended = second;
  ended.version = 2;
  ended.ended = day("2026-11-30");
  EXPECT_EQ(program_in_force({changed, second, first, ended}), nullptr) << "a newer program that ended leaves none";
}

TEST(ProgramVersions, ChangesAreDescribedInPlainWordsFieldByField) {
  const auto before = neck_program();
  EXPECT_TRUE(describe_program_changes(kKb, before, before).empty());
  auto after = before;
  after.items[0].max_pressure = 3;
  after.items[0].dose_percent = 80;
  after.items[0].cue = "";
  after.weekdays = {1, 3};
  after.review = day("2026-12-28");
  after.clinic_only = {{"scalenes", Side::both}};
  const auto changes = describe_program_changes(kKb, before, after);
  const auto has = [&](const std::string& part) {
    return std::any_of(changes.begin(), changes.end(),
                       [&](const std::string& c) { return c.find(part) != std::string::npos; });
  };
  EXPECT_TRUE(has("4/10 -> 3/10")) << ::testing::PrintToString(changes);
  EXPECT_TRUE(has("100 % -> 80 %"));
  EXPECT_TRUE(has("Cue for"));
  EXPECT_TRUE(has("Mon, Wed, Fri -> Tue, Thu"));
  EXPECT_TRUE(has("Review: 2026-12-21 -> 2026-12-28"));
  EXPECT_TRUE(has("now in clinic only"));
  EXPECT_EQ(changes.size(), 6u);
  auto removed = before;
  removed.items.clear();
  EXPECT_TRUE(describe_program_changes(kKb, before, removed).front().starts_with("Removed "));
  EXPECT_TRUE(describe_program_changes(kKb, removed, before).front().starts_with("Added "));
}

// From a new-user trial: moving an item to one side while lowering its
// pressure read "Removed … Added …", and the lower pressure was not said.
TEST(ProgramVersions, ASideChangedIsSaidAsSuchWithWhateverElseChangedOnTheItem) {
  const auto before = neck_program();
  auto after = before;
  after.items[0].target.side = Side::left;
  after.items[0].max_pressure = 3;
  const auto changes = describe_program_changes(kKb, before, after);
  ASSERT_EQ(changes.size(), 2u) << ::testing::PrintToString(changes);
  EXPECT_NE(changes[0].find(": both sides -> left"), std::string::npos) << changes[0];
  EXPECT_TRUE(changes[0].starts_with("Side for ")) << changes[0];
  EXPECT_NE(changes[1].find("(left): 4/10 -> 3/10"), std::string::npos) << changes[1];
  // Another protocol on the region is still a removal and an addition.
  auto other = before;
  other.items[0].protocol = "adhesion-scraping";
  const auto swapped = describe_program_changes(kKb, before, other);
  ASSERT_EQ(swapped.size(), 2u) << ::testing::PrintToString(swapped);
  EXPECT_TRUE(swapped[0].starts_with("Added ")) << swapped[0];
  EXPECT_TRUE(swapped[1].starts_with("Removed ")) << swapped[1];
}

TEST(HomeProgram, EachWeekdayProblemIsSaidOnceNamingEveryValue) {
  auto p = neck_program();
  p.weekdays = {0, 0, 2, 2, 7, 9};
  std::vector<std::string> said;
  for (const auto& problem : check_home_program(kKb, p))
    if (problem.field == "weekdays") said.push_back(problem.message);
  ASSERT_EQ(said.size(), 2u) << ::testing::PrintToString(said);
  EXPECT_NE(said[0].find("not 7, 9"), std::string::npos) << said[0];
  EXPECT_NE(said[1].find("named twice: 0, 2"), std::string::npos) << said[1];
}
