#include "fascia/core/journal_analysis.hpp"

#include <gtest/gtest.h>

#include "fascia/core/planner.hpp"
#include "fixture_kb.hpp"

using namespace fascia::core;
using fixture::day;

namespace {
const KnowledgeBase kKb = fixture::kb();

SessionEntry scrape(const char* date, int pressure) {
  SessionEntry s;
  s.date = day(date);
  s.protocol = "neck";
  s.steps.push_back({1, "sweep-along-fibres", "upper-trapezius", Side::both, Modality::instrument, StepStatus::done, 18, 0,
                     pressure, "", ""});
  return s;
}
ReactionEntry bruise(const char* date) { return {day(date), "upper-trapezius", Side::both, false, false, true, 0}; }

// Runs `check` on every step of `sessions` on the upper trapezius that has a
// pressure; returns how many there were.
template <class Check>
int check_trapezius_pressure_steps(const std::vector<PlannedSession>& sessions, Check check) {
  int checked = 0;
  for (const auto& s : sessions)
    for (const auto& st : s.steps)
      if (st.region == "upper-trapezius" && st.pressure) {
        check(st);
        ++checked;
      }
  return checked;
}
}  // namespace

TEST(PostSessionRules, BruisingLowersTheNextPressureCapOneLevelBelowWhatWasUsed) {
  Journal j;
  j.sessions.push_back(scrape("2026-11-23", 6));
  j.reactions.push_back(bruise("2026-11-24"));
  const JournalAnalysis a = analyse_journal(kKb, fixture::desk_worker(), j);
  ASSERT_NE(a.region("upper-trapezius"), nullptr);
  EXPECT_EQ(a.region("upper-trapezius")->pressure_cap, 5);
  ASSERT_EQ(a.adjustments.size(), 1u);
  EXPECT_EQ(a.adjustments[0].reason.rule, "bruise-pressure-step");
  EXPECT_EQ(a.adjustments[0].reason.source, "seed-003");
  EXPECT_TRUE(a.warnings.empty()) << "one bruise is not yet 'pressure too deep'";
}

TEST(PostSessionRules, RepeatedBruisingWarnsThatPressureIsTooDeep) {
  Journal j;
  j.sessions = {scrape("2026-11-23", 6), scrape("2026-11-26", 5)};
  j.reactions = {bruise("2026-11-24"), bruise("2026-11-27")};
  const JournalAnalysis a = analyse_journal(kKb, fixture::desk_worker(), j);
  EXPECT_EQ(a.region("upper-trapezius")->pressure_cap, 4);
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_EQ(a.warnings[0].rule, "repeated-bruising-count");
}

TEST(PostSessionRules, TheBruiseCapReachesThePlannedPressure) {
  Journal j;
  j.sessions.push_back(scrape("2026-11-23", 6));
  j.reactions.push_back(bruise("2026-11-24"));
  const Profile p = fixture::desk_worker();
  const Clearance c = evaluate_screening(kKb, fixture::all_clear(kKb));
  const Plan plan = build_plan({kKb, p, {"starter-instrument"}, c, j, day("2026-11-26")});
  int checked = 0;
  for (const auto& d : plan.days)
    checked += check_trapezius_pressure_steps(d.sessions, [](const PlannedStep& st) { EXPECT_LE(st.pressure->max, 5); });
  EXPECT_GT(checked, 0);
}

TEST(PostSessionRules, BrokenSkinDuringASessionLowersTheNextPressureCapThere) {
  Journal j;
  SessionEntry s = scrape("2026-11-23", 6);
  s.steps[0].status = StepStatus::stopped;
  s.steps[0].stop_sign = "skin-broken";
  s.stop_sign = "skin-broken";
  j.sessions.push_back(s);
  const JournalAnalysis a = analyse_journal(kKb, fixture::desk_worker(), j);
  ASSERT_NE(a.region("upper-trapezius"), nullptr);
  EXPECT_EQ(a.region("upper-trapezius")->pressure_cap, 5) << "one point below the 6/10 used";
  ASSERT_EQ(a.adjustments.size(), 1u);
  EXPECT_EQ(a.adjustments[0].reason.rule, "skin-broken");
  EXPECT_EQ(a.adjustments[0].reason.source, "fascia-editors");
  EXPECT_NE(a.adjustments[0].reason.text.find("broken skin"), std::string::npos) << a.adjustments[0].reason.text;

  // The planned steps there carry the lower cap and say why.
  const Clearance c = evaluate_screening(kKb, fixture::all_clear(kKb));
  const Plan plan = build_plan({kKb, fixture::desk_worker(), {"starter-instrument"}, c, j, day("2026-11-30")});
  const int checked = check_trapezius_pressure_steps(plan.templates, [](const PlannedStep& st) {
    EXPECT_LE(st.pressure->max, 5);
    EXPECT_TRUE(std::any_of(st.adaptations.begin(), st.adaptations.end(),
                            [](const Reason& r) { return r.rule == "skin-broken"; }));
  });
  EXPECT_GT(checked, 0);
}

TEST(PostSessionRules, AStopSignThatAsksForNothingLeavesThePressureAlone) {
  Journal j;
  SessionEntry s = scrape("2026-11-23", 6);
  s.steps[0].status = StepStatus::stopped;
  s.steps[0].stop_sign = "dizziness";
  j.sessions.push_back(s);
  const JournalAnalysis a = analyse_journal(kKb, fixture::desk_worker(), j);
  ASSERT_NE(a.region("upper-trapezius"), nullptr);
  EXPECT_FALSE(a.region("upper-trapezius")->pressure_cap.has_value());
  EXPECT_TRUE(a.adjustments.empty());
}

TEST(PostSessionRules, PainWorseTwoDaysAfterASessionLowersTheDose) {
  Journal j;
  j.sessions.push_back(scrape("2026-11-23", 5));
  j.pain.push_back({day("2026-11-25"), "upper-trapezius", Side::both, 8});  // baseline was 6
  const JournalAnalysis a = analyse_journal(kKb, fixture::desk_worker(), j);
  EXPECT_EQ(a.region("upper-trapezius")->dose, DoseLevel::reduced);
  ASSERT_EQ(a.adjustments.size(), 1u);
  EXPECT_EQ(a.adjustments[0].reason.rule, "worse-after-hours");

  const Clearance c = evaluate_screening(kKb, fixture::all_clear(kKb));
  const Plan plan = build_plan({kKb, fixture::desk_worker(), {"starter-instrument"}, c, j, day("2026-11-26")});
  const auto& sweep = plan.templates.at(0).steps.at(1);
  EXPECT_EQ(sweep.target, 15) << "the low end of 15-20";
}

TEST(PostSessionRules, PainTheNextDayIsNotYetCountedAsWorse) {
  Journal j;
  j.sessions.push_back(scrape("2026-11-23", 5));
  j.pain.push_back({day("2026-11-24"), "upper-trapezius", Side::both, 8});  // 12-24 h soreness is expected
  EXPECT_EQ(analyse_journal(kKb, fixture::desk_worker(), j).region("upper-trapezius")->dose, DoseLevel::standard);
}

TEST(PostSessionRules, RednessOrRedDotsKeepTheGateClosed) {
  Journal j;
  j.sessions.push_back(scrape("2026-11-23", 5));
  j.reactions.push_back({day("2026-11-25"), "upper-trapezius", Side::both, false, true, false, 0});
  auto gate = reaction_gate(kKb, j, "upper-trapezius", Side::left, day("2026-11-25"));
  ASSERT_EQ(gate.size(), 1u);
  EXPECT_NE(gate[0].text.find("red dots"), std::string::npos);
}

TEST(PostSessionRules, NoCheckInSinceTheSessionKeepsTheGateClosed) {
  Journal j;
  j.sessions.push_back(scrape("2026-11-23", 5));
  auto gate = reaction_gate(kKb, j, "upper-trapezius", Side::both, day("2026-11-26"));
  ASSERT_EQ(gate.size(), 1u);
  EXPECT_EQ(gate[0].rule, "reaction-unconfirmed");
}

TEST(PostSessionRules, TheGateOnlyCoversTheTreatedSide) {
  Journal j;
  SessionEntry s = scrape("2026-11-23", 5);
  s.steps[0].side = Side::left;
  j.sessions.push_back(s);
  EXPECT_TRUE(reaction_gate(kKb, j, "upper-trapezius", Side::right, day("2026-11-24")).empty());
  EXPECT_FALSE(reaction_gate(kKb, j, "upper-trapezius", Side::both, day("2026-11-24")).empty());
}

TEST(PostSessionRules, AOneSideReactionNamesItsSide) {
  Journal j;
  j.sessions.push_back(scrape("2026-11-23", 6));
  j.reactions.push_back({day("2026-11-25"), "upper-trapezius", Side::left, true, false, false, 0});
  auto gate = reaction_gate(kKb, j, "upper-trapezius", Side::both, day("2026-11-26"));
  ASSERT_EQ(gate.size(), 2u) << "the left is not settled, and the right has had no check-in";
  EXPECT_EQ(gate[0].rule, "reaction-unresolved");
  EXPECT_NE(gate[0].text.find("(left): redness"), std::string::npos) << gate[0].text;
  EXPECT_NE(gate[0].area.find("(left)"), std::string::npos) << gate[0].area;
  EXPECT_EQ(gate[1].rule, "reaction-unconfirmed");
}

// Sides are respected both ways: a settled check-in on the left releases the
// left only; work on both sides waits for both (or one check-in for both).
TEST(PostSessionRules, ASettledCheckInOnOneSideDoesNotReleaseTheOther) {
  Journal j;
  j.sessions.push_back(scrape("2026-11-23", 5));  // both sides
  j.reactions.push_back({day("2026-11-25"), "upper-trapezius", Side::left, false, false, false, 0});
  EXPECT_TRUE(reaction_gate(kKb, j, "upper-trapezius", Side::left, day("2026-11-25")).empty());
  auto gate = reaction_gate(kKb, j, "upper-trapezius", Side::both, day("2026-11-25"));
  ASSERT_EQ(gate.size(), 1u);
  EXPECT_EQ(gate[0].rule, "reaction-unconfirmed");
  EXPECT_EQ(gate[0].side, "right") << gate[0].text;
  EXPECT_FALSE(reaction_gate(kKb, j, "upper-trapezius", Side::right, day("2026-11-25")).empty());
  j.reactions.push_back({day("2026-11-25"), "upper-trapezius", Side::right, false, false, false, 1});
  EXPECT_TRUE(reaction_gate(kKb, j, "upper-trapezius", Side::both, day("2026-11-25")).empty());

  Journal clinic_work;  // the same after a practitioner's instrument work on both sides
  ClinicTreatmentEntry visit;
  visit.date = day("2026-11-23");
  visit.treatment = "clinic-iastm";
  visit.regions = {{"upper-trapezius", Side::both}};
  visit.minutes = 5;
  clinic_work.clinic_treatments = {visit};
  clinic_work.reactions.push_back({day("2026-11-25"), "upper-trapezius", Side::left, false, false, false, 0});
  EXPECT_FALSE(reaction_gate(kKb, clinic_work, "upper-trapezius", Side::both, day("2026-11-25")).empty());
}

// A score taken on the day of the next session (before it) still tells on
// the session before: a second session does not wipe the first one's signal.
TEST(PostSessionRules, PainWorseOnTheDayOfTheNextSessionStillCountsForTheOneBefore) {
  Journal j;
  j.pain.push_back({day("2026-12-02"), "upper-trapezius", Side::both, 5});
  j.sessions.push_back(scrape("2026-12-02", 5));
  j.pain.push_back({day("2026-12-04"), "upper-trapezius", Side::both, 7});
  j.sessions.push_back(scrape("2026-12-04", 5));
  const auto a = analyse_journal(kKb, fixture::desk_worker(), j);
  ASSERT_EQ(a.worse_after.size(), 1u);
  EXPECT_EQ(a.worse_after[0].session, day("2026-12-02"));
  EXPECT_EQ(a.worse_after[0].after, 7);
  EXPECT_EQ(a.region("upper-trapezius")->dose, DoseLevel::reduced);
}

TEST(PostSessionRules, BruisingHoldsTheRegionBackUntilItHasHealed) {
  Journal j;
  j.sessions.push_back(scrape("2026-11-23", 6));
  j.reactions.push_back({day("2026-11-25"), "upper-trapezius", Side::both, false, false, true, 0});
  auto gate = reaction_gate(kKb, j, "upper-trapezius", Side::both, day("2026-11-26"));
  ASSERT_EQ(gate.size(), 1u);
  EXPECT_EQ(gate[0].rule, "reaction-unresolved");
  EXPECT_NE(gate[0].text.find("bruising"), std::string::npos);
}
