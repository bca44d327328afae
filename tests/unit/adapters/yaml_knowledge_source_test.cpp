#include "fascia/adapters/yaml_knowledge_source.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fascia/adapters/kb_paths.hpp"
#include "unit/adapters/kb_fixture.hpp"

using fascia::adapters::YamlKnowledgeSource;
using fascia::testing::KbFixture;
using Problems = std::vector<std::string>;
namespace core = fascia::core;

namespace {

Problems problems_of(const KbFixture& fx) {
  auto kb = fx.load();
  return kb ? Problems{} : kb.error();
}

}  // namespace

// --- a valid knowledge base ---

TEST(YamlKnowledgeSource, LoadsAValidMinimalKnowledgeBaseWithItsValues) {
  KbFixture fx;
  auto kb = fx.load();
  ASSERT_TRUE(kb.has_value()) << ::testing::PrintToString(kb.error());

  EXPECT_EQ(kb->sources.at("stiell-2001").citation, "Stiell et al., JAMA 2001");
  const core::Region& sub = kb->regions.at("suboccipitals");
  EXPECT_EQ(sub.region_class, core::RegionClass::sensitive);
  EXPECT_EQ(sub.pressure_cap, 4);
  EXPECT_EQ(sub.chain, "posterior-neck");
  EXPECT_EQ(sub.allowed_techniques, (std::vector<std::string>{"trigger-point-pressure-release", "chin-tuck"}));
  EXPECT_EQ(sub.dose_seconds, (core::IntRange{60, 90}));
  EXPECT_EQ(kb->regions.at("anterior-neck").laterality, core::Laterality::midline);
  EXPECT_EQ(kb->chains.at("posterior-neck").regions, (std::vector<std::string>{"suboccipitals", "upper-trapezius"}));
  EXPECT_EQ(kb->edges.at("long-curved-edge").substitutes, std::vector<std::string>{"short-straight-edge"});
  EXPECT_TRUE(kb->tools.at("partner").edges.empty());
  EXPECT_EQ(kb->kits.at("starter-kit").tools, std::vector<std::string>{"scraper"});

  const core::Technique& sweep = kb->techniques.at("sweep-along-fibres");
  EXPECT_EQ(sweep.modality, core::Modality::instrument);
  EXPECT_EQ(sweep.unit, core::DoseUnit::strokes);
  EXPECT_EQ(sweep.pressure, (core::IntRange{3, 6}));
  EXPECT_EQ(sweep.seconds_per_stroke, 2);
  EXPECT_FALSE(kb->techniques.at("chin-tuck").pressure.has_value());

  const core::Protocol& neck = kb->protocols.at("neck-basic");
  EXPECT_FALSE(neck.generic());
  EXPECT_EQ(neck.sessions_per_week, 3);
  EXPECT_EQ(neck.weeks, (core::IntRange{4, 6}));
  ASSERT_EQ(neck.steps.size(), 2u);
  EXPECT_EQ(neck.steps[0].edges, std::vector<std::string>{"long-curved-edge"});
  EXPECT_EQ(neck.steps[0].pressure, (core::IntRange{5, 6}));
  EXPECT_EQ(neck.steps[0].dose, (core::IntRange{15, 20}));
  EXPECT_TRUE(neck.steps[0].per_side);
  EXPECT_FALSE(neck.steps[0].optional);
  EXPECT_EQ(neck.steps[0].cues, std::vector<std::string>{"Breathe out"});
  EXPECT_EQ(neck.steps[0].source, "seed-000");  // inherited from the protocol
  EXPECT_EQ(neck.steps[1].source, "stiell-2001");
  EXPECT_EQ(neck.steps[1].stop_signs, std::vector<std::string>{"dizziness"});

  const core::Protocol& holds = kb->protocols.at("tender-spot-holds");
  EXPECT_TRUE(holds.generic());
  EXPECT_EQ(holds.requires_tools, std::vector<std::string>{"partner"});
  EXPECT_EQ(holds.steps.at(0).region, core::kTargetRegion);
  EXPECT_TRUE(holds.steps.at(0).optional);

  ASSERT_EQ(kb->questions.size(), 3u);
  EXPECT_EQ(kb->questions[2].id, "numb-areas");  // asking order is kept
  EXPECT_EQ(kb->questions[2].kind, core::QuestionKind::regions);
  ASSERT_EQ(kb->screening_rules.size(), 2u);
  const core::ScreeningRule& numb = kb->screening_rules[1];
  EXPECT_EQ(numb.level, core::ClearanceLevel::self_care_with_cautions);
  EXPECT_TRUE(numb.answered_regions);
  EXPECT_EQ(numb.modalities, std::vector<core::Modality>{core::Modality::instrument});
  EXPECT_EQ(numb.pressure_cap, 3);
  EXPECT_TRUE(numb.gentle);

  EXPECT_EQ(kb->stop_signs.at("dizziness").action, core::StopAction::stop_session);
  EXPECT_EQ(kb->stop_signs.at("dizziness").rescreen_question, "recent-trauma");
  EXPECT_EQ(kb->caps.instrument_sessions_per_7_days.value, 3);
  EXPECT_EQ(kb->caps.trigger_point_hold_max_seconds.value, 90);
  EXPECT_EQ(kb->caps.home_pressure_ceiling.source, "seed-000");
  EXPECT_EQ(kb->pain_locations.at("headache-back").name, "Headache at the back of the head");
  ASSERT_EQ(kb->referral_patterns.size(), 1u);
  EXPECT_EQ(kb->referral_patterns[0].candidates.at(0).region, "suboccipitals");
  EXPECT_DOUBLE_EQ(kb->referral_patterns[0].candidates.at(0).weight, 0.8);
  ASSERT_EQ(kb->referral_patterns[0].warnings.size(), 1u);
  EXPECT_EQ(kb->referral_patterns[0].warnings[0].rule, "headache-emergency");
  EXPECT_EQ(kb->referral_patterns[0].warnings[0].source, "seed-000");
  EXPECT_TRUE(kb->habits.contains("screen-at-eye-level"));
  EXPECT_TRUE(kb->treatments.at("sports-massage").offered_by_practitioners);
  EXPECT_FALSE(kb->treatments.at("foam-rolling").offered_by_practitioners);
  EXPECT_EQ(kb->treatments.at("foam-rolling").counts_as, std::nullopt);
}

// Issue 10: a clinic treatment counts toward the caps as one of the loads
// that have a cap (instrument, compression, pressure), or as nothing.
TEST(YamlKnowledgeSource, ReadsWhatAClinicTreatmentCountsAs) {
  KbFixture fx;
  fx.replace("treatments.yaml", "    description: Deep massage by a trained therapist.\n",
             "    description: Deep massage by a trained therapist.\n    counts_as: pressure\n");
  auto kb = fx.load();
  ASSERT_TRUE(kb.has_value()) << ::testing::PrintToString(kb.error());
  EXPECT_EQ(kb->treatments.at("sports-massage").counts_as, core::Modality::pressure);
  EXPECT_EQ(kb->treatments.at("foam-rolling").counts_as, std::nullopt);
}

TEST(YamlKnowledgeSource, RefusesACountsAsThatIsNotACappedLoadNamingFileAndLine) {
  for (const char* word : {"movement", "scraping"}) {
    KbFixture fx;
    fx.replace("treatments.yaml", "    description: Deep massage by a trained therapist.\n",
               std::string("    description: Deep massage by a trained therapist.\n    counts_as: ") + word + "\n");
    EXPECT_EQ(problems_of(fx), Problems{fx.at("treatments.yaml", std::string("counts_as: ") + word) +
                                        ": treatment 'sports-massage' counts_as '" + word +
                                        "' is not one of instrument, compression, pressure"})
        << word;
  }
}

// --- structure and types ---

TEST(YamlKnowledgeSource, ReportsAnUnknownKeyWithFileAndLine) {
  KbFixture fx;
  fx.replace("body/regions.yaml", "    class: normal\n", "    class: normal\n    colour: red\n");
  EXPECT_EQ(problems_of(fx),
            Problems{fx.at("body/regions.yaml", "colour") + ": region 'upper-trapezius' has unknown key 'colour'"});
}

TEST(YamlKnowledgeSource, ReportsMalformedYamlWithItsLineAndNothingElseForThatFile) {
  KbFixture fx;
  fx.replace("tools/edges.yaml", "    substitutes: [short-straight-edge]", "    substitutes: [short-straight-edge");
  const Problems problems = problems_of(fx);
  ASSERT_EQ(problems.size(), 1u) << ::testing::PrintToString(problems);
  EXPECT_EQ(problems[0].rfind("tools/edges.yaml:", 0), 0u) << problems[0];
  EXPECT_NE(problems[0].find(": malformed YAML: "), std::string::npos) << problems[0];
}

TEST(YamlKnowledgeSource, ReportsADuplicateYamlKeyAsMalformed) {
  KbFixture fx;
  fx.replace("habits.yaml", "    name: Screen at eye level\n", "    name: Screen at eye level\n    name: Again\n");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("habits.yaml", "name: Again") + ": malformed YAML: duplicate key 'name'"});
}

TEST(YamlKnowledgeSource, ReportsASecondYamlDocument) {
  KbFixture fx;
  fx.write("habits.yaml", fx.read("habits.yaml") + "---\nhabits: []\n");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("habits.yaml", "---") +
                                      ": malformed YAML: a file must hold one YAML document, found a second"});
}

TEST(YamlKnowledgeSource, ReportsAWrongTopLevelKey) {
  KbFixture fx;
  fx.replace("habits.yaml", "habits:", "habit:");
  EXPECT_EQ(problems_of(fx), (Problems{"habits.yaml:1: file has unknown key 'habit'",
                                       "habits.yaml:1: file is missing required key 'habits'"}));
}

TEST(YamlKnowledgeSource, RefusesAnchorsAndAliasesWithFileAndLine) {
  KbFixture fx;
  fx.replace("protocols/neck-basic.yaml", "cues: [Breathe out]", "cues: &calm [Breathe out]");
  fx.replace("protocols/neck-basic.yaml", "cautions: [Never press on the front of the neck]", "cues: *calm");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("protocols/neck-basic.yaml", "&calm") +
                                      ": malformed YAML: anchors and aliases are not accepted (found &calm)"});
}

TEST(YamlKnowledgeSource, ReportsAMissingFileOnceRatherThanEveryReferenceIntoIt) {
  KbFixture fx;
  fx.remove("body/regions.yaml");
  EXPECT_EQ(problems_of(fx), Problems{"body/regions.yaml: required file is missing"});
}

TEST(YamlKnowledgeSource, ReportsAMissingProtocolsDirectory) {
  KbFixture fx;
  fx.remove("protocols");
  EXPECT_EQ(problems_of(fx), Problems{"protocols: required directory is missing"});
}

TEST(YamlKnowledgeSource, ReportsAMissingDataDirectory) {
  auto kb = YamlKnowledgeSource("/nonexistent/fascia-data").load();
  ASSERT_FALSE(kb.has_value());
  EXPECT_EQ(kb.error(), Problems{"/nonexistent/fascia-data: data directory does not exist"});
}

TEST(YamlKnowledgeSource, ReportsAMissingRequiredKeyAtItsEntry) {
  KbFixture fx;
  fx.replace("habits.yaml", "    description: Raise the screen so the head stays level.\n", "");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("habits.yaml", "- id: screen") +
                                      ": habit 'screen-at-eye-level' is missing required key 'description'"});
}

TEST(YamlKnowledgeSource, ReportsAWrongType) {
  KbFixture fx;
  fx.replace("body/regions.yaml", "pressure_cap: 4", "pressure_cap: light");
  EXPECT_EQ(problems_of(fx),
            Problems{fx.at("body/regions.yaml", "pressure_cap: light") +
                     ": region 'suboccipitals' pressure_cap 'light' must be a whole number within 1..10"});
}

TEST(YamlKnowledgeSource, QuotesANumberTooLargeForAnyRangeAsWritten) {
  KbFixture fx;
  fx.replace("body/regions.yaml", "pressure_cap: 4", "pressure_cap: 18446744073709551615");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("body/regions.yaml", "pressure_cap: 1844") +
                                      ": region 'suboccipitals' pressure_cap '18446744073709551615' must be a whole "
                                      "number within 1..10"});
}

TEST(YamlKnowledgeSource, ReportsAnUnknownEnumWord) {
  KbFixture fx;
  fx.replace("techniques.yaml", "modality: movement", "modality: stretching");
  EXPECT_EQ(problems_of(fx),
            Problems{fx.at("techniques.yaml", "modality: stretching") +
                     ": technique 'chin-tuck' modality 'stretching' is not one of instrument, compression, pressure, "
                     "movement, preparation, percussion"});
}

TEST(YamlKnowledgeSource, ReportsAnIdThatIsNotKebabCase) {
  KbFixture fx;
  fx.replace("habits.yaml", "id: screen-at-eye-level", "id: Screen_At_Eye_Level");
  EXPECT_EQ(problems_of(fx),
            Problems{fx.at("habits.yaml", "Screen_At") +
                     ": habit 'Screen_At_Eye_Level' id is not kebab-case (lowercase words joined by '-')"});
}

TEST(YamlKnowledgeSource, ReportsADuplicateId) {
  KbFixture fx;
  fx.replace("tools/edges.yaml", "id: short-straight-edge", "id: long-curved-edge");
  EXPECT_EQ(problems_of(fx),
            (Problems{fx.at("tools/edges.yaml", "short-straight-edge]") +
                          ": edge 'long-curved-edge' substitutes 'short-straight-edge' is not a known edge",
                      fx.at("tools/edges.yaml", "- id: long-curved-edge\n    name: Short") +
                          ": edge 'long-curved-edge' id is already used by another edge",
                      fx.at("tools/tools.yaml", "short-straight-edge]") +
                          ": tool 'scraper' edges 'short-straight-edge' is not a known edge"}));
}

TEST(YamlKnowledgeSource, ReportsADuplicateProtocolIdAcrossFiles) {
  KbFixture fx;
  fx.write("protocols/copy.yaml", fx.read("protocols/neck-basic.yaml"));
  // Protocol files are read in name order, so copy.yaml comes first.
  EXPECT_EQ(problems_of(fx),
            (Problems{"protocols/copy.yaml:2: protocol 'neck-basic' id does not match its file name 'copy.yaml'",
                      "protocols/neck-basic.yaml:2: protocol 'neck-basic' id is already used by another protocol"}));
}

// --- references ---

TEST(YamlKnowledgeSource, ReportsAnUnknownTechniqueWithFileAndLine) {
  KbFixture fx;
  fx.replace("protocols/neck-basic.yaml", "technique: trigger-point-pressure-release", "technique: cross-fibre-stroke");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("protocols/neck-basic.yaml", "cross-fibre-stroke") +
                                      ": step 2 technique 'cross-fibre-stroke' is not a known technique"});
}

TEST(YamlKnowledgeSource, ReportsAnUnknownRegionInAChainAndAStep) {
  KbFixture fx;
  fx.replace("body/chains.yaml", "upper-trapezius]", "upper-traps]");
  fx.replace("protocols/neck-basic.yaml", "region: upper-trapezius", "region: upper-traps");
  EXPECT_EQ(problems_of(fx), (Problems{fx.at("body/chains.yaml", "upper-traps") +
                                           ": chain 'posterior-neck' regions 'upper-traps' is not a known region",
                                       fx.at("protocols/neck-basic.yaml", "upper-traps") +
                                           ": step 1 region 'upper-traps' is not a known region"}));
}

TEST(YamlKnowledgeSource, ReportsAnUnknownSource) {
  KbFixture fx;
  fx.replace("safety/stop_signs.yaml", "    rescreen: recent-trauma\n    source: seed-000",
             "    rescreen: recent-trauma\n    source: seed-999");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("safety/stop_signs.yaml", "seed-999") +
                                      ": stop sign 'dizziness' source 'seed-999' is not a known source"});
}

TEST(YamlKnowledgeSource, ReportsUnknownEdgesStopSignsToolsAndQuestions) {
  KbFixture fx;
  fx.replace("protocols/neck-basic.yaml", "edges: [long-curved-edge]", "edges: [spoon-edge]");
  fx.replace("protocols/neck-basic.yaml", "stop_signs: [sharp-pain]", "stop_signs: [numbness]");
  fx.replace("protocols/tender-spot-holds.yaml", "requires_tools: [partner]", "requires_tools: [friend]");
  fx.replace("screening/rules.yaml", "all_of: [recent-trauma]", "all_of: [car-crash]");
  fx.replace("referral.yaml", "- location: headache-back", "- location: migraine");
  EXPECT_EQ(
      problems_of(fx),
      (Problems{
          fx.at("protocols/neck-basic.yaml", "spoon-edge") + ": step 1 edges 'spoon-edge' is not a known edge",
          fx.at("protocols/neck-basic.yaml", "numbness") + ": step 1 stop_signs 'numbness' is not a known stop sign",
          fx.at("protocols/tender-spot-holds.yaml", "friend") +
              ": protocol 'tender-spot-holds' requires_tools 'friend' is not a known tool",
          fx.at("referral.yaml", "migraine") + ": pattern 1 location 'migraine' is not a known pain location",
          fx.at("screening/rules.yaml", "car-crash") +
              ": rule 'canadian-c-spine-high-risk' all_of 'car-crash' is not a known question"}));
}

// --- ranges ---

TEST(YamlKnowledgeSource, ReportsAnInvertedRange) {
  KbFixture fx;
  fx.replace("protocols/neck-basic.yaml", "dose: [15, 20]", "dose: [20, 15]");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("protocols/neck-basic.yaml", "dose: [20, 15]") +
                                      ": step 1 dose [20, 15] must have 0 <= min <= max"});
}

TEST(YamlKnowledgeSource, ReportsAPressureOutsideZeroToTen) {
  KbFixture fx;
  fx.replace("protocols/tender-spot-holds.yaml", "pressure: [4, 5]", "pressure: [-1, 5]");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("protocols/tender-spot-holds.yaml", "[-1, 5]") +
                                      ": step 1 pressure [-1, 5] must have 0 <= min <= max <= 10"});
}

TEST(YamlKnowledgeSource, ReportsSessionsPerWeekAboveSeven) {
  KbFixture fx;
  fx.replace("protocols/neck-basic.yaml", "sessions_per_week: 3", "sessions_per_week: 8");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("protocols/neck-basic.yaml", "sessions_per_week") +
                                      ": protocol 'neck-basic' sessions_per_week 8 must be within 1..7"});
}

TEST(YamlKnowledgeSource, ReportsAReferralWeightOutsideZeroToOne) {
  KbFixture fx;
  fx.replace("referral.yaml", "weight: 0.5", "weight: 1.5");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("referral.yaml", "1.5") +
                                      ": pattern 'headache-back' candidate 2 weight 1.5 must be in (0, 1]"});
}

TEST(YamlKnowledgeSource, ReportsAReferralWarningWithAnUnknownSourceOrNoText) {
  KbFixture fx;
  fx.replace("referral.yaml",
             "        text: A sudden, severe headache unlike any before is an emergency.\n        source: seed-000",
             "        text: \"\"\n        source: seed-999");
  const Problems problems = problems_of(fx);
  ASSERT_EQ(problems.size(), 2u) << ::testing::PrintToString(problems);
  EXPECT_NE(problems[0].find("text is empty"), std::string::npos) << problems[0];
  EXPECT_NE(problems[1].find("'seed-999'"), std::string::npos) << problems[1];
}

TEST(YamlKnowledgeSource, ReportsAReferralPatternWithoutWarnings) {
  KbFixture fx;
  fx.replace(
      "referral.yaml",
      "    warnings:\n      - id: headache-emergency\n        text: A sudden, severe headache unlike any before is "
      "an emergency.\n        source: seed-000\n",
      "");
  const Problems problems = problems_of(fx);
  ASSERT_EQ(problems.size(), 1u) << ::testing::PrintToString(problems);
  EXPECT_NE(problems[0].find("pattern 'headache-back' is missing required key 'warnings'"), std::string::npos)
      << problems[0];
}

TEST(YamlKnowledgeSource, ReportsAStrokeTechniqueWithoutSecondsPerStroke) {
  KbFixture fx;
  fx.replace("techniques.yaml", "    seconds_per_stroke: 2\n", "");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("techniques.yaml", "- id: sweep") +
                                      ": technique 'sweep-along-fibres' is missing required key 'seconds_per_stroke'"});
}

TEST(YamlKnowledgeSource, ReportsCapsInTheWrongOrderWithoutCheckingStepsAgainstThem) {
  KbFixture fx;
  fx.replace("safety/caps.yaml", "trigger-point-hold-min-seconds, value: 30",
             "trigger-point-hold-min-seconds, value: 120");
  EXPECT_EQ(problems_of(fx),
            Problems{fx.at("safety/caps.yaml", "value: 120") + ": cap 'trigger-point-hold-min-seconds' 120 exceeds cap "
                                                               "'trigger-point-hold-max-seconds' 90"});
}

// --- regions and steps ---

TEST(YamlKnowledgeSource, ReportsAStepPressureAboveASensitiveRegionsCap) {
  KbFixture fx;
  fx.replace("protocols/neck-basic.yaml", "pressure: [3, 4]", "pressure: [3, 5]");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("protocols/neck-basic.yaml", "[3, 5]") +
                                      ": step 2 pressure [3, 5] exceeds the pressure_cap 4 of region 'suboccipitals'"});
}

TEST(YamlKnowledgeSource, StillChecksStepsAgainstARegionWithAnUnrelatedProblem) {
  KbFixture fx;
  fx.replace("body/regions.yaml", "    pressure_cap: 4\n", "    pressure_cap: 4\n    colour: red\n");
  fx.replace("protocols/neck-basic.yaml", "pressure: [3, 4]", "pressure: [3, 5]");
  EXPECT_EQ(problems_of(fx),
            (Problems{fx.at("body/regions.yaml", "colour") + ": region 'suboccipitals' has unknown key 'colour'",
                      fx.at("protocols/neck-basic.yaml", "[3, 5]") +
                          ": step 2 pressure [3, 5] exceeds the pressure_cap 4 of region 'suboccipitals'"}));
}

TEST(YamlKnowledgeSource, ReportsAGenericStepPressureAboveAnEligibleRegionsCap) {
  KbFixture fx;
  fx.replace("protocols/tender-spot-holds.yaml", "eligible_regions: [upper-trapezius]",
             "eligible_regions: [upper-trapezius, suboccipitals]");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("protocols/tender-spot-holds.yaml", "[4, 5]") +
                                      ": step 1 pressure [4, 5] exceeds the pressure_cap 4 of region 'suboccipitals'"});
}

TEST(YamlKnowledgeSource, ReportsAStepPressureAboveTheHomeCeiling) {
  KbFixture fx;
  fx.replace("safety/caps.yaml", "home-pressure-ceiling, value: 7", "home-pressure-ceiling, value: 5");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("protocols/neck-basic.yaml", "[5, 6]") +
                                      ": step 1 pressure [5, 6] exceeds the home-pressure-ceiling cap 5"});
}

TEST(YamlKnowledgeSource, ReportsASensitiveRegionWithoutAPressureCap) {
  KbFixture fx;
  fx.replace("body/regions.yaml", "    pressure_cap: 4\n", "");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("body/regions.yaml", "- id: suboccipitals") +
                                      ": region 'suboccipitals' is missing required key 'pressure_cap'"});
}

TEST(YamlKnowledgeSource, ReportsAPractitionerOnlyRegionInAProtocol) {
  KbFixture fx;
  fx.replace("protocols/neck-basic.yaml", "region: upper-trapezius", "region: anterior-neck");
  fx.replace("protocols/tender-spot-holds.yaml", "[upper-trapezius]", "[upper-trapezius, anterior-neck]");
  EXPECT_EQ(problems_of(fx),
            (Problems{fx.at("protocols/neck-basic.yaml", "anterior-neck") +
                          ": step 1 region 'anterior-neck' is practitioner-only and must not appear in a protocol",
                      fx.at("protocols/tender-spot-holds.yaml", "anterior-neck") +
                          ": protocol 'tender-spot-holds' eligible_regions 'anterior-neck' is practitioner-only and "
                          "must not appear in a protocol"}));
}

TEST(YamlKnowledgeSource, ReportsATechniqueNotAllowedOnItsRegion) {
  KbFixture fx;
  fx.replace("body/regions.yaml", "[trigger-point-pressure-release, chin-tuck]", "[chin-tuck]");
  EXPECT_EQ(problems_of(fx),
            Problems{fx.at("protocols/neck-basic.yaml", "technique: trigger-point") +
                     ": step 2 technique 'trigger-point-pressure-release' is not allowed on region 'suboccipitals'"});
}

TEST(YamlKnowledgeSource, ReportsAStepWithoutThePressureItsTechniqueNeeds) {
  KbFixture fx;
  fx.replace("protocols/neck-basic.yaml", "      pressure: [5, 6]\n", "");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("protocols/neck-basic.yaml", "- technique: sweep") +
                                      ": step 1 is missing pressure, which technique 'sweep-along-fibres' needs"});
}

TEST(YamlKnowledgeSource, ReportsAStepPressureForATechniqueThatTakesNone) {
  KbFixture fx;
  fx.replace("protocols/neck-basic.yaml", "technique: trigger-point-pressure-release", "technique: chin-tuck");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("protocols/neck-basic.yaml", "[3, 4]") +
                                      ": step 2 gives pressure, but technique 'chin-tuck' takes none"});
}

TEST(YamlKnowledgeSource, ChecksAStepOnlyAgainstTechniquesWithoutProblemsOfTheirOwn) {
  KbFixture fx;
  fx.replace("techniques.yaml", "pressure: [3, 6]", "pressure: [3, 11]");
  EXPECT_EQ(problems_of(fx),
            Problems{fx.at("techniques.yaml", "[3, 11]") +
                     ": technique 'sweep-along-fibres' pressure [3, 11] must have 0 <= min <= max <= 10"});
}

TEST(YamlKnowledgeSource, ReportsATriggerPointHoldOutsideTheCaps) {
  KbFixture fx;
  fx.replace("protocols/neck-basic.yaml", "dose: [60, 90]", "dose: [60, 120]");
  EXPECT_EQ(problems_of(fx),
            Problems{fx.at("protocols/neck-basic.yaml", "[60, 120]") +
                     ": step 2 dose [60, 120] must lie within the trigger-point hold caps [30, 90] seconds"});
}

TEST(YamlKnowledgeSource, ReportsTargetMisuseInGenericAndSpecificProtocols) {
  KbFixture fx;
  fx.replace("protocols/neck-basic.yaml", "region: suboccipitals", "region: $target");
  fx.replace("protocols/tender-spot-holds.yaml", "region: $target", "region: upper-trapezius");
  EXPECT_EQ(
      problems_of(fx),
      (Problems{fx.at("protocols/neck-basic.yaml", "$target") +
                    ": step 2 region \"$target\" is only for protocols with eligible_regions",
                fx.at("protocols/tender-spot-holds.yaml", "region: upper") +
                    ": step 1 region 'upper-trapezius' must be \"$target\" in a protocol with eligible_regions"}));
}

TEST(YamlKnowledgeSource, ReportsAMissingMedicalClearanceQuestion) {
  KbFixture fx;
  fx.replace("screening/questions.yaml", "id: medical-clearance", "id: doctor-said-yes");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("body/regions.yaml", "class: needs-medical-clearance") +
                                      ": region 'sternocleidomastoid' class needs-medical-clearance requires a yes-no "
                                      "question 'medical-clearance' in screening/questions.yaml"});
}

// --- rules and caps ---

TEST(YamlKnowledgeSource, ReportsAnEmergencyRuleWithAScope) {
  KbFixture fx;
  fx.replace("screening/rules.yaml", "    level: urgent\n", "    level: emergency\n    regions: [suboccipitals]\n");
  EXPECT_EQ(problems_of(fx), Problems{fx.at("screening/rules.yaml", "regions: [sub") +
                                      ": rule 'canadian-c-spine-high-risk' is emergency and stops everything, so it "
                                      "must not have regions"});
}

TEST(YamlKnowledgeSource, ReportsCautionFieldsOnARuleThatIsNotSelfCare) {
  KbFixture fx;
  fx.replace("screening/rules.yaml", "level: self-care-with-cautions", "level: see-practitioner-first");
  EXPECT_EQ(problems_of(fx),
            (Problems{fx.at("screening/rules.yaml", "pressure_cap: 3") +
                          ": rule 'numbness-local' pressure_cap is only for self-care-with-cautions rules",
                      fx.at("screening/rules.yaml", "gentle: true") +
                          ": rule 'numbness-local' gentle is only for self-care-with-cautions rules"}));
}

TEST(YamlKnowledgeSource, ReportsARuleWithoutQuestionsAndAnsweredRegionsWithoutARegionsQuestion) {
  KbFixture fx;
  fx.replace("screening/rules.yaml", "    all_of: [recent-trauma]\n", "");
  fx.replace("screening/rules.yaml", "any_of: [numb-areas]", "any_of: [recent-trauma]");
  EXPECT_EQ(
      problems_of(fx),
      (Problems{fx.at("screening/rules.yaml", "- id: canadian") +
                    ": rule 'canadian-c-spine-high-risk' needs all_of or any_of",
                fx.at("screening/rules.yaml", "answered_regions") +
                    ": rule 'numbness-local' answered_regions needs a question of kind regions in all_of or any_of"}));
}

TEST(YamlKnowledgeSource, ReportsAMissingAndAnUnknownCapId) {
  KbFixture fx;
  fx.replace("safety/caps.yaml", "id: review-week", "id: review-day");
  EXPECT_EQ(problems_of(fx),
            (Problems{"safety/caps.yaml:1: caps is missing cap 'review-week'",
                      fx.at("safety/caps.yaml", "review-day") + ": cap 'review-day' is not a known cap"}));
}

TEST(YamlKnowledgeSource, CollectsEveryProblemSortedByFileAndLine) {
  KbFixture fx;
  fx.replace("treatments.yaml", "offered_by_practitioners: false", "offered_by_practitioners: maybe");
  fx.replace("body/regions.yaml", "laterality: midline", "laterality: central");
  fx.replace("body/regions.yaml", "class: normal", "class: ordinary");
  EXPECT_EQ(problems_of(fx),
            (Problems{fx.at("body/regions.yaml", "ordinary") +
                          ": region 'upper-trapezius' class 'ordinary' is not one of normal, sensitive, "
                          "practitioner-only, needs-medical-clearance",
                      fx.at("body/regions.yaml", "central") +
                          ": region 'anterior-neck' laterality 'central' is not one of paired, midline",
                      fx.at("treatments.yaml", "maybe") +
                          ": treatment 'foam-rolling' offered_by_practitioners 'maybe' must be true or false"}));
}

// --- the real data and the default directory ---

TEST(YamlKnowledgeSource, LoadsTheRealDataWithoutProblems) {
  auto kb = YamlKnowledgeSource(FASCIA_DEFAULT_DATA_DIR).load();
  ASSERT_TRUE(kb.has_value()) << ::testing::PrintToString(kb.error());
  const core::Protocol* neck = kb->protocol("neck-trap-iastm");
  ASSERT_NE(neck, nullptr);
  EXPECT_EQ(neck->steps.size(), 7u);
  ASSERT_NE(kb->region("suboccipitals"), nullptr);
  EXPECT_EQ(kb->region("suboccipitals")->pressure_cap, 4);
  EXPECT_EQ(kb->caps.instrument_sessions_per_7_days.value, 3);
  EXPECT_EQ(kb->caps.instrument_sessions_per_7_days.source, "seed-000");
}

TEST(YamlKnowledgeSource, TheRealTreatmentsSayWhichClinicWorkCountsTowardTheCaps) {
  auto kb = YamlKnowledgeSource(FASCIA_DEFAULT_DATA_DIR).load();
  ASSERT_TRUE(kb.has_value()) << ::testing::PrintToString(kb.error());
  using core::Modality;
  const std::map<std::string, std::optional<Modality>> expected{{"clinic-iastm", Modality::instrument},
                                                                {"gua-sha", Modality::instrument},
                                                                {"bodyweight-compression", Modality::compression},
                                                                {"active-release", Modality::compression},
                                                                {"trigger-point-massage", Modality::pressure},
                                                                {"myofascial-release", Modality::pressure},
                                                                {"swedish-massage", std::nullopt},
                                                                {"stone-massage", std::nullopt},
                                                                {"physiotherapy", std::nullopt}};
  for (const auto& [id, counts_as] : expected) EXPECT_EQ(kb->treatments.at(id).counts_as, counts_as) << id;
}

TEST(KbPaths, UsesFasciaDataWhenSetAndTheSourceTreeOtherwise) {
  ::unsetenv("FASCIA_DATA");
  EXPECT_EQ(fascia::adapters::default_data_dir(), std::filesystem::path(FASCIA_DEFAULT_DATA_DIR));
  ::setenv("FASCIA_DATA", "/srv/fascia/data", 1);
  EXPECT_EQ(fascia::adapters::default_data_dir(), std::filesystem::path("/srv/fascia/data"));
  ::unsetenv("FASCIA_DATA");
}
