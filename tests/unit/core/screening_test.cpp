#include "fascia/core/screening.hpp"

#include <gtest/gtest.h>

#include "fixture_kb.hpp"

using namespace fascia::core;
using fixture::with_yes;

namespace {
const KnowledgeBase kKb = fixture::kb();
}

TEST(Screening, AllNoAnswersClearSelfCare) {
  const Clearance c = evaluate_screening(kKb, fixture::all_clear(kKb));
  EXPECT_EQ(c.level, ClearanceLevel::cleared);
  EXPECT_TRUE(c.findings.empty());
  EXPECT_TRUE(c.plan_allowed());
}

TEST(Screening, AnEmergencySignStopsEverythingAndNamesTheAnswer) {
  const Clearance c = evaluate_screening(kKb, with_yes(kKb, {"sudden-worst-headache"}));
  EXPECT_EQ(c.level, ClearanceLevel::emergency);
  EXPECT_FALSE(c.plan_allowed());
  ASSERT_EQ(c.findings.size(), 1u);
  EXPECT_EQ(c.findings[0].because, std::vector<std::string>{"sudden-worst-headache"});
  EXPECT_EQ(c.findings[0].source, "seed-000");
}

TEST(Screening, TraumaWithAgeOverSixtyFiveIsUrgentButTraumaAloneIsSeeAPractitioner) {
  const Clearance urgent = evaluate_screening(kKb, with_yes(kKb, {"recent-trauma", "age-65-or-over"}));
  EXPECT_EQ(urgent.level, ClearanceLevel::urgent);
  EXPECT_EQ(urgent.findings.front().rule, "c-spine");
  EXPECT_EQ(urgent.findings.front().because, (std::vector<std::string>{"recent-trauma", "age-65-or-over"}));

  const Clearance trauma = evaluate_screening(kKb, with_yes(kKb, {"recent-trauma"}));
  EXPECT_EQ(trauma.level, ClearanceLevel::see_practitioner_first);
  EXPECT_FALSE(trauma.plan_allowed()) << "an unscoped see-a-practitioner finding blocks every plan";
}

TEST(Screening, AgeAloneWithoutTraumaDoesNothing) {
  EXPECT_EQ(evaluate_screening(kKb, with_yes(kKb, {"age-65-or-over"})).level, ClearanceLevel::cleared);
}

TEST(Screening, NeckDizzinessRemovesOnlyTheNeckRegions) {
  const Clearance c = evaluate_screening(kKb, with_yes(kKb, {"dizziness-with-neck-movement"}));
  EXPECT_EQ(c.level, ClearanceLevel::see_practitioner_first);
  EXPECT_TRUE(c.plan_allowed());
  EXPECT_FALSE(region_access(kKb, c, "upper-trapezius", Modality::instrument).allowed);
  EXPECT_FALSE(region_access(kKb, c, "suboccipitals", Modality::movement).allowed);
  EXPECT_TRUE(region_access(kKb, c, "calves", Modality::instrument).allowed);
}

TEST(Screening, HeadacheHistoryMakesSuboccipitalWorkGentleWithALowerCap) {
  const Clearance c = evaluate_screening(kKb, with_yes(kKb, {"headache-or-dizziness-history"}));
  EXPECT_EQ(c.level, ClearanceLevel::self_care_with_cautions);
  const RegionAccess a = region_access(kKb, c, "suboccipitals", Modality::instrument);
  EXPECT_TRUE(a.allowed);
  EXPECT_TRUE(a.gentle);
  EXPECT_EQ(a.pressure_cap, 3);
  EXPECT_FALSE(region_access(kKb, c, "upper-trapezius", Modality::instrument).gentle);
}

TEST(Screening, BloodThinnersBlockInstrumentWorkButNotCompression) {
  const Clearance c = evaluate_screening(kKb, with_yes(kKb, {"blood-thinners-or-bleeding-disorder"}));
  EXPECT_FALSE(region_access(kKb, c, "calves", Modality::instrument).allowed);
  EXPECT_TRUE(region_access(kKb, c, "calves", Modality::compression).allowed);
}

TEST(Screening, AnOpenWoundRemovesTheRegionsNamedInTheAnswer) {
  ScreeningRecord r = fixture::all_clear(kKb);
  r.answers["open-wound"] = Answer{true, {{"calves", Side::both}}};
  const Clearance c = evaluate_screening(kKb, r);
  EXPECT_FALSE(region_access(kKb, c, "calves", Modality::compression).allowed);
  EXPECT_TRUE(region_access(kKb, c, "upper-trapezius", Modality::instrument).allowed);
}

TEST(Screening, PractitionerOnlyRegionsAreNeverAllowedAndSayWhy) {
  const Clearance c = evaluate_screening(kKb, fixture::all_clear(kKb));
  const RegionAccess a = region_access(kKb, c, "scalenes", Modality::pressure);
  EXPECT_FALSE(a.allowed);
  ASSERT_FALSE(a.reasons.empty());
  EXPECT_EQ(a.reasons[0].rule, "practitioner-only");
}

TEST(Screening, TheAbdomenNeedsAClinicianClearanceAnswer) {
  EXPECT_FALSE(region_access(kKb, evaluate_screening(kKb, fixture::all_clear(kKb)), "abdomen", Modality::instrument).allowed);
  EXPECT_TRUE(region_access(kKb, evaluate_screening(kKb, with_yes(kKb, {"medical-clearance"})), "abdomen",
                            Modality::instrument)
                  .allowed);
}

TEST(Screening, SensitiveRegionsKeepTheirPressureCap) {
  const Clearance c = evaluate_screening(kKb, fixture::all_clear(kKb));
  EXPECT_EQ(region_access(kKb, c, "suboccipitals", Modality::instrument).pressure_cap, 4);
  EXPECT_EQ(region_access(kKb, c, "upper-trapezius", Modality::instrument).pressure_cap, 7);
}

TEST(Screening, MissingAnswersAndUnknownRegionsAreRejected) {
  ScreeningRecord r = fixture::all_clear(kKb);
  r.answers.erase("recent-trauma");
  auto missing = validate_answers(kKb, r);
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message.find("recent-trauma"), std::string::npos);

  ScreeningRecord bad = fixture::all_clear(kKb);
  bad.answers["open-wound"] = Answer{true, {{"elbowz", Side::both}}};
  auto unknown = validate_answers(kKb, bad);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::unknown_name);
}

// ---- issue 8: local findings by side, warning signs until cleared ----

namespace {
ScreeningRecord wound_on(const KnowledgeBase& kb, std::vector<RegionSide> where, Date date = fixture::day("2026-11-23")) {
  ScreeningRecord r = fixture::all_clear(kb, date);
  r.answers["open-wound"] = Answer{true, std::move(where)};
  return r;
}
ScreeningRecord dizzy_on(const KnowledgeBase& kb, Date date) {
  ScreeningRecord r = fixture::all_clear(kb, date);
  r.answers["dizziness-with-neck-movement"].yes = true;
  return r;
}
}  // namespace

TEST(ScreeningSides, AWoundOnTheLeftCalfExcludesOnlyTheLeftCalf) {
  const Clearance c = evaluate_screening(kKb, wound_on(kKb, {{"calves", Side::left}}));
  EXPECT_FALSE(region_access(kKb, c, "calves", Side::left, Modality::compression).allowed);
  EXPECT_FALSE(region_access(kKb, c, "calves", Side::both, Modality::compression).allowed)
      << "both sides include the left";
  const RegionAccess right = region_access(kKb, c, "calves", Side::right, Modality::compression);
  EXPECT_TRUE(right.allowed);
  ASSERT_EQ(c.findings.size(), 1u);
  EXPECT_EQ(c.findings[0].regions, (std::vector<RegionSide>{{"calves", Side::left}}));
}

TEST(ScreeningSides, ABareRegionAnswerMeansBothSides) {
  const Clearance c = evaluate_screening(kKb, wound_on(kKb, {{"calves", Side::both}}));
  EXPECT_FALSE(region_access(kKb, c, "calves", Side::left, Modality::compression).allowed);
  EXPECT_FALSE(region_access(kKb, c, "calves", Side::right, Modality::compression).allowed);
}

TEST(ScreeningSides, LeftAndRightAnswersTogetherCoverBothSides) {
  const Clearance c = evaluate_screening(kKb, wound_on(kKb, {{"calves", Side::left}, {"calves", Side::right}}));
  EXPECT_FALSE(region_access(kKb, c, "calves", Side::right, Modality::compression).allowed);
  EXPECT_FALSE(region_access(kKb, c, "calves", Side::left, Modality::compression).allowed);
}

TEST(ScreeningSides, SidesMustFitTheRegion) {
  EXPECT_FALSE(validate_answers(kKb, wound_on(kKb, {{"abdomen", Side::left}})));
  EXPECT_FALSE(validate_answers(kKb, wound_on(kKb, {{"calves", Side::midline}})));
  EXPECT_TRUE(validate_answers(kKb, wound_on(kKb, {{"calves", Side::right}})));
  EXPECT_TRUE(validate_answers(kKb, wound_on(kKb, {{"abdomen", Side::both}})));
}

TEST(ScreeningSides, RegionSideTextReadsRegionAndOptionalSide) {
  EXPECT_EQ(region_side_from_string("calves:left"), (RegionSide{"calves", Side::left}));
  EXPECT_EQ(region_side_from_string("calves"), (RegionSide{"calves", Side::both}));
  EXPECT_FALSE(region_side_from_string("calves:up"));
  EXPECT_FALSE(region_side_from_string(":left"));
}

TEST(StickyFindings, AStopSignQuestionMakesTheRuleUntilCleared) {
  const ScreeningRule* dizzy = nullptr;
  const ScreeningRule* wound = nullptr;
  for (const auto& r : kKb.screening_rules) {
    if (r.id == "neck-dizziness") dizzy = &r;
    if (r.id == "wound") wound = &r;
  }
  ASSERT_TRUE(dizzy && wound);
  EXPECT_TRUE(rule_until_cleared(kKb, *dizzy)) << "its question is set by the dizziness stop sign";
  EXPECT_FALSE(rule_until_cleared(kKb, *wound));
  ScreeningRule marked = *wound;
  marked.until_cleared = true;
  EXPECT_TRUE(rule_until_cleared(kKb, marked));
}

TEST(StickyFindings, AnsweringNoLaterDoesNotLiftAWarningSign) {
  const ScreeningState s = evaluate_screenings(
      kKb, {dizzy_on(kKb, fixture::day("2026-11-23")), fixture::all_clear(kKb, fixture::day("2026-11-24"))}, {});
  EXPECT_FALSE(region_access(kKb, s.clearance, "upper-trapezius", Modality::movement).allowed);
  ASSERT_EQ(s.clearance.findings.size(), 1u);
  EXPECT_TRUE(s.clearance.findings[0].carried);
  EXPECT_EQ(s.clearance.findings[0].raised, fixture::day("2026-11-23"));
  ASSERT_EQ(s.history.size(), 1u);
  EXPECT_FALSE(s.history[0].cleared);
}

// A finding that lifts with the answers (broken skin) is dated from the
// first of the consecutive screenings, up to the latest, that raise it: the
// day a home program's hold on it begins.
TEST(StickyFindings, AFindingThatLiftsWithTheAnswersIsRaisedOnTheFirstDayOfItsCurrentRun) {
  auto wound = [](const char* date) {
    ScreeningRecord r = wound_on(kKb, {{"calves", Side::left}});
    r.date = fixture::day(date);
    return r;
  };
  const auto raised = [](const ScreeningState& s) {
    for (const auto& f : s.clearance.findings)
      if (f.rule == "wound") return f.raised;
    return std::optional<Date>{};
  };
  EXPECT_EQ(raised(evaluate_screenings(kKb, {wound("2026-11-20"), wound("2026-11-22")}, {})),
            fixture::day("2026-11-20"));
  EXPECT_EQ(
      raised(evaluate_screenings(
          kKb, {wound("2026-11-18"), fixture::all_clear(kKb, fixture::day("2026-11-19")), wound("2026-11-22")}, {})),
      fixture::day("2026-11-22"))
      << "a screening without it ends the run";
  const ScreeningState s = evaluate_screenings(kKb, {wound("2026-11-20")}, {});
  EXPECT_TRUE(s.history.empty()) << "not a warning sign: no history";
}

TEST(StickyFindings, TheHistorySaysWhenAStopSignRaisedTheWarning) {
  ScreeningState s = evaluate_screenings(kKb, {dizzy_on(kKb, fixture::day("2026-11-23"))}, {});
  ASSERT_EQ(s.history.size(), 1u);
  SessionEntry other_day;  // a stop for dizziness on another day says nothing about this one
  other_day.date = fixture::day("2026-11-20");
  other_day.stop_sign = "dizziness";
  SessionEntry unrelated;  // the same day, but a sign that does not set this question
  unrelated.date = fixture::day("2026-11-23");
  unrelated.stop_sign = "sharp-pain";
  attribute_to_stop_signs(kKb, {other_day, unrelated}, s.history);
  EXPECT_TRUE(s.history[0].stop_sign.empty()) << "answered in the screening";

  SessionEntry stopped;
  stopped.date = fixture::day("2026-11-23");
  stopped.steps.push_back({});
  stopped.steps[0].stop_sign = "dizziness";
  attribute_to_stop_signs(kKb, {unrelated, stopped}, s.history);
  EXPECT_EQ(s.history[0].stop_sign, "dizziness");
  EXPECT_EQ(s.history[0].stop_sign_name, "dizziness");
}

// A stop for two signs that both set the question names both (a trial saw
// only the first); one that does not set it is not named.
TEST(StickyFindings, EverySignOfTheStopThatRaisedTheWarningIsNamed) {
  KnowledgeBase kb = kKb;
  kb.stop_signs["nausea"] = {"nausea", "Nausea",  StopAction::stop_session, "rest", "dizziness-with-neck-movement",
                             0,        "seed-000"};
  ScreeningState s = evaluate_screenings(kb, {dizzy_on(kb, fixture::day("2026-11-23"))}, {});
  ASSERT_EQ(s.history.size(), 1u);
  SessionEntry stopped;
  stopped.date = fixture::day("2026-11-23");
  stopped.stopped = true;
  stopped.stop_sign = "dizziness";
  stopped.other_stop_signs = {"sharp-pain", "nausea"};
  // As a session is stored: its stopping step names the same signs.
  stopped.steps.push_back({});
  stopped.steps[0].stop_sign = "dizziness";
  stopped.steps[0].other_stop_signs = {"sharp-pain", "nausea"};
  attribute_to_stop_signs(kb, {stopped}, s.history);
  EXPECT_EQ(s.history[0].stop_sign, "dizziness");
  EXPECT_EQ(s.history[0].stop_sign_name, "dizziness and nausea") << "each sign once (a trial saw one twice)";
}

TEST(StickyFindings, ARecordedClearanceOnOrAfterTheFindingLiftsIt) {
  const ClearanceEntry lee{fixture::day("2026-11-25"), "Dr Lee, physiotherapist", {}, "", 2};
  const ScreeningState s = evaluate_screenings(
      kKb, {dizzy_on(kKb, fixture::day("2026-11-23")), fixture::all_clear(kKb, fixture::day("2026-11-24"))}, {lee});
  EXPECT_TRUE(s.clearance.findings.empty());
  EXPECT_TRUE(region_access(kKb, s.clearance, "upper-trapezius", Modality::movement).allowed);
  ASSERT_EQ(s.history.size(), 1u);
  EXPECT_EQ(s.history[0].cleared, fixture::day("2026-11-25"));
  EXPECT_EQ(s.history[0].cleared_by, "Dr Lee, physiotherapist");
}

// The practitioner cleared the person, but the latest answers (set by a stop
// sign) still say yes: the history says who cleared it; the finding stays
// from those answers alone, and says who cleared it, so the person is told to
// answer again rather than to record another clearance.
TEST(StickyFindings, AClearanceAfterAnswersThatStillSayYesLeavesTheFindingToTheAnswersAndSaysWho) {
  const ClearanceEntry lee{fixture::day("2026-11-25"), "Dr Lee, physiotherapist", {}, "", 1};
  const ScreeningState s = evaluate_screenings(kKb, {dizzy_on(kKb, fixture::day("2026-11-23"))}, {lee});
  ASSERT_EQ(s.clearance.findings.size(), 1u);
  const Finding& f = s.clearance.findings[0];
  EXPECT_FALSE(f.carried);
  EXPECT_TRUE(f.until_cleared);
  EXPECT_FALSE(f.raised) << "nothing of it waits for a clearance any more";
  EXPECT_EQ(f.cleared, fixture::day("2026-11-25"));
  EXPECT_EQ(f.cleared_by, "Dr Lee, physiotherapist");
  EXPECT_TRUE(f.cleared_regions.empty()) << "all of it";
  EXPECT_FALSE(region_access(kKb, s.clearance, "upper-trapezius", Modality::movement).allowed)
      << "the latest answers still hold the neck";
  ASSERT_EQ(s.history.size(), 1u);
  EXPECT_EQ(s.history[0].cleared, fixture::day("2026-11-25"));
}

TEST(StickyFindings, AClearanceForSomeAreasAfterAnswersThatStillSayYesNamesThoseAreas) {
  const ClearanceEntry lee{fixture::day("2026-11-25"), "Dr Lee", {{"upper-trapezius", Side::right}}, "", 1};
  const ScreeningState s = evaluate_screenings(kKb, {dizzy_on(kKb, fixture::day("2026-11-23"))}, {lee});
  ASSERT_EQ(s.clearance.findings.size(), 1u);
  const Finding& f = s.clearance.findings[0];
  EXPECT_EQ(f.raised, fixture::day("2026-11-23")) << "the other areas still wait for a clearance";
  EXPECT_EQ(f.cleared, fixture::day("2026-11-25"));
  EXPECT_EQ(f.cleared_by, "Dr Lee");
  EXPECT_EQ(f.cleared_regions, (std::vector<RegionSide>{{"upper-trapezius", Side::right}}));
  ASSERT_EQ(s.history.size(), 1u);
  EXPECT_FALSE(s.history[0].cleared);
}

TEST(StickyFindings, AnsweringYesAgainAfterAClearanceRaisesItAnewWithNoClearanceOnIt) {
  const ClearanceEntry lee{fixture::day("2026-11-25"), "Dr Lee", {}, "", 1};
  const ScreeningState s = evaluate_screenings(
      kKb, {dizzy_on(kKb, fixture::day("2026-11-23")), dizzy_on(kKb, fixture::day("2026-11-26"))}, {lee});
  ASSERT_EQ(s.clearance.findings.size(), 1u);
  EXPECT_EQ(s.clearance.findings[0].raised, fixture::day("2026-11-26"));
  EXPECT_FALSE(s.clearance.findings[0].cleared);
  EXPECT_TRUE(s.clearance.findings[0].cleared_by.empty());
  ASSERT_EQ(s.history.size(), 2u);
  EXPECT_EQ(s.history[0].cleared, fixture::day("2026-11-25"));
  EXPECT_FALSE(s.history[1].cleared);
}

TEST(StickyFindings, AClearanceFromBeforeTheFindingOrForOtherRegionsDoesNotLiftIt) {
  const std::vector<ScreeningRecord> screenings{dizzy_on(kKb, fixture::day("2026-11-23")),
                                                fixture::all_clear(kKb, fixture::day("2026-11-24"))};
  const ClearanceEntry before{fixture::day("2026-11-20"), "Dr Lee", {}, "", 2};
  EXPECT_FALSE(evaluate_screenings(kKb, screenings, {before}).clearance.findings.empty());
  const ClearanceEntry calves{fixture::day("2026-11-24"), "Dr Lee", {{"calves", Side::both}}, "", 2};
  EXPECT_FALSE(evaluate_screenings(kKb, screenings, {calves}).clearance.findings.empty());
  const ClearanceEntry neck{fixture::day("2026-11-24"),
                            "Dr Lee",
                            {{"upper-trapezius", Side::both}, {"levator-scapulae", Side::both}, {"suboccipitals", Side::both}},
                            "",
                            2};
  EXPECT_TRUE(evaluate_screenings(kKb, screenings, {neck}).clearance.findings.empty());
}

// Same day, in the order things happened: a clearance noted in the morning,
// a stop sign's warning that afternoon, then "no" again. The clearance came
// before the warning, so it cannot lift it; one recorded after does.
TEST(StickyFindings, AClearanceRecordedEarlierTheSameDayDoesNotLiftALaterWarning) {
  const auto day = fixture::day("2026-11-24");
  const std::vector<ScreeningRecord> screenings{fixture::all_clear(kKb, day), dizzy_on(kKb, day),
                                                fixture::all_clear(kKb, day)};
  const ClearanceEntry morning{day, "Dr Lee", {}, "", 1};  // one screening on record when noted
  const ScreeningState kept = evaluate_screenings(kKb, screenings, {morning});
  ASSERT_EQ(kept.clearance.findings.size(), 1u);
  EXPECT_TRUE(kept.clearance.findings[0].carried);
  EXPECT_FALSE(region_access(kKb, kept.clearance, "upper-trapezius", Modality::movement).allowed);
  ASSERT_EQ(kept.history.size(), 1u);
  EXPECT_FALSE(kept.history[0].cleared);

  const ClearanceEntry evening{day, "Dr Lee", {}, "", 2};  // after the warning was raised
  const ScreeningState lifted = evaluate_screenings(kKb, screenings, {morning, evening});
  EXPECT_TRUE(lifted.clearance.findings.empty());
  ASSERT_EQ(lifted.history.size(), 1u);
  EXPECT_EQ(lifted.history[0].cleared, day);
}

TEST(StickyFindings, ALocalFindingEndsWhenTheAnswerChanges) {
  const ScreeningState s = evaluate_screenings(
      kKb, {wound_on(kKb, {{"calves", Side::left}}), fixture::all_clear(kKb, fixture::day("2026-11-24"))}, {});
  EXPECT_TRUE(s.clearance.findings.empty());
  EXPECT_TRUE(s.history.empty());
}

// ---- stopping early for an emergency (issue 8, point 11) ----

TEST(StopEarly, AnEmergencyAnswerClosesTheScreeningWithEveryOtherQuestionNo) {
  ScreeningRecord partial{fixture::day("2026-11-23"), {{"sudden-worst-headache", Answer{true, {}}}}};
  const auto closed = close_early_on_alarm(kKb, partial);
  ASSERT_TRUE(closed);
  EXPECT_TRUE(validate_answers(kKb, *closed));
  EXPECT_EQ(closed->answers.size(), kKb.questions.size());
  EXPECT_TRUE(closed->answers.at("sudden-worst-headache").yes);
  for (const auto& [id, a] : closed->answers) {
    if (id != "sudden-worst-headache") {
      EXPECT_FALSE(a.yes) << id;
    }
  }
  EXPECT_EQ(evaluate_screening(kKb, *closed).level, ClearanceLevel::emergency);
}

TEST(StopEarly, AnswersThatDoNotCallForHelpNowCannotStopEarly) {
  EXPECT_FALSE(close_early_on_alarm(kKb, {fixture::day("2026-11-23"), {}}));
  // Age alone is nothing; with trauma it would be urgent, but trauma was not answered.
  EXPECT_FALSE(close_early_on_alarm(kKb, {fixture::day("2026-11-23"), {{"age-65-or-over", Answer{true, {}}}}}));
}

// A practitioner who checked one area lifts the warning there only.
TEST(StickyFindings, AClearanceForSomeAreasLiftsTheFindingThereAndKeepsTheRest) {
  const std::vector<ScreeningRecord> screenings{dizzy_on(kKb, fixture::day("2026-11-23")),
                                                fixture::all_clear(kKb, fixture::day("2026-11-24"))};
  const ClearanceEntry trapezius{fixture::day("2026-11-24"), "Dr Lee", {{"upper-trapezius", Side::both}}, "", 2};
  const ScreeningState s = evaluate_screenings(kKb, screenings, {trapezius});
  EXPECT_TRUE(region_access(kKb, s.clearance, "upper-trapezius", Modality::movement).allowed);
  EXPECT_FALSE(region_access(kKb, s.clearance, "levator-scapulae", Modality::movement).allowed);
  ASSERT_EQ(s.history.size(), 1u);
  EXPECT_FALSE(s.history[0].cleared) << "still in force for the other areas";

  const ClearanceEntry left{fixture::day("2026-11-24"), "Dr Lee", {{"levator-scapulae", Side::left}}, "", 2};
  const ScreeningState one_side = evaluate_screenings(kKb, screenings, {trapezius, left});
  EXPECT_TRUE(region_access(kKb, one_side.clearance, "levator-scapulae", Side::left, Modality::movement).allowed);
  EXPECT_FALSE(region_access(kKb, one_side.clearance, "levator-scapulae", Side::right, Modality::movement).allowed);
}

// A clearance for one area, then the warning raised again: the area is out
// again until a clearance recorded after the new warning.
TEST(StickyFindings, AnAreaClearedEarlierIsOutAgainWhenTheWarningReturns) {
  const ClearanceEntry trapezius{fixture::day("2026-11-24"), "Dr Lee", {{"upper-trapezius", Side::both}}, "", 2};
  const std::vector<ScreeningRecord> screenings{dizzy_on(kKb, fixture::day("2026-11-23")),
                                                fixture::all_clear(kKb, fixture::day("2026-11-24")),
                                                dizzy_on(kKb, fixture::day("2026-11-25")),
                                                fixture::all_clear(kKb, fixture::day("2026-11-25"))};
  const ScreeningState s = evaluate_screenings(kKb, screenings, {trapezius});
  EXPECT_FALSE(region_access(kKb, s.clearance, "upper-trapezius", Modality::movement).allowed);
  const ClearanceEntry again{fixture::day("2026-11-26"), "Dr Lee", {{"upper-trapezius", Side::both}}, "", 4};
  EXPECT_TRUE(region_access(kKb, evaluate_screenings(kKb, screenings, {trapezius, again}).clearance, "upper-trapezius",
                            Modality::movement)
                  .allowed);
}
