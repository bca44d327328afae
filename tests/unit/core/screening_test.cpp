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
  r.answers["open-wound"] = Answer{true, {"calves"}};
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
  bad.answers["open-wound"] = Answer{true, {"elbowz"}};
  auto unknown = validate_answers(kKb, bad);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::unknown_name);
}
