// Every safety rule in the real knowledge base, one by one: answering its
// questions yes (and everything else no) yields a finding from that rule with
// its level, scope and source; every stop sign stops what it says it stops.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "fascia/adapters/kb_paths.hpp"
#include "fascia/adapters/yaml_knowledge_source.hpp"
#include "fascia/core/planner.hpp"
#include "fascia/core/referral.hpp"
#include "fascia/core/session_runner.hpp"

using namespace fascia::core;

namespace {

const KnowledgeBase& real_kb() {
  static const KnowledgeBase kb = [] {
    fascia::adapters::YamlKnowledgeSource source(fascia::adapters::default_data_dir());
    auto loaded = source.load();
    if (!loaded) throw std::runtime_error(loaded.error().front());
    return *loaded;
  }();
  return kb;
}

ScreeningRecord answering_yes(const ScreeningRule& rule) {
  const KnowledgeBase& kb = real_kb();
  ScreeningRecord r;
  r.date = *parse_date("2026-11-23");
  for (const auto& q : kb.questions) r.answers[q.id] = Answer{};
  std::vector<std::string> yes = rule.all_of;
  if (!rule.any_of.empty()) yes.push_back(rule.any_of.front());
  for (const auto& id : yes) {
    r.answers[id].yes = true;
    if (kb.question(id)->kind == QuestionKind::regions) r.answers[id].regions = {{"calves", Side::both}};
  }
  return r;
}

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const auto& r : real_kb().screening_rules) ids.push_back(r.id);
  return ids;
}

std::vector<std::string> stop_sign_ids() {
  std::vector<std::string> ids;
  for (const auto& [id, s] : real_kb().stop_signs) ids.push_back(id);
  return ids;
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

}  // namespace

class EveryScreeningRule : public testing::TestWithParam<std::string> {};

TEST_P(EveryScreeningRule, FiresOnItsOwnAnswersWithItsLevelScopeAndSource) {
  const KnowledgeBase& kb = real_kb();
  const ScreeningRule& rule =
      *std::find_if(kb.screening_rules.begin(), kb.screening_rules.end(), [&](auto& r) { return r.id == GetParam(); });
  ASSERT_TRUE(kb.sources.count(rule.source)) << rule.source;
  ASSERT_FALSE(rule.advice.empty());
  const Clearance c = evaluate_screening(kb, answering_yes(rule));
  auto finding = std::find_if(c.findings.begin(), c.findings.end(), [&](auto& f) { return f.rule == rule.id; });
  ASSERT_NE(finding, c.findings.end());
  EXPECT_EQ(finding->level, rule.level);
  EXPECT_EQ(finding->source, rule.source);
  EXPECT_GE(c.level, rule.level) << "the overall outcome is at least as severe as any finding";
  if (rule.level >= ClearanceLevel::urgent) {
    EXPECT_FALSE(c.plan_allowed());
  }
  if (rule.answered_regions) {
    EXPECT_NE(std::find(finding->regions.begin(), finding->regions.end(), RegionSide{"calves", Side::both}),
              finding->regions.end());
  }
  if (rule.level == ClearanceLevel::see_practitioner_first) {
    for (const auto& region : rule.regions) {
      EXPECT_FALSE(region_access(kb, c, region, Modality::instrument).allowed) << region;
    }
    for (const auto m : rule.modalities) {
      EXPECT_FALSE(region_access(kb, c, "calves", m).allowed);
    }
  }
  if (rule.pressure_cap) {
    for (const auto& region : rule.regions.empty() ? std::vector<std::string>{"calves"} : rule.regions) {
      EXPECT_LE(region_access(kb, c, region, Modality::instrument).pressure_cap.value_or(10), *rule.pressure_cap);
    }
  }
}

TEST_P(EveryScreeningRule, StaysSilentWhenEveryAnswerIsNo) {
  const KnowledgeBase& kb = real_kb();
  ScreeningRecord none;
  for (const auto& q : kb.questions) none.answers[q.id] = Answer{};
  const Clearance c = evaluate_screening(kb, none);
  EXPECT_TRUE(std::none_of(c.findings.begin(), c.findings.end(), [&](auto& f) { return f.rule == GetParam(); }));
}

// Issue 11: every warning sign whose advice sends the person to someone (a
// practitioner, doctor, therapist, surgeon, care team, a medical check, or
// to have it checked) links to the finder with a need; an emergency sends to the
// emergency number, and advice only to leave an area alone to heal, never to
// a directory.
TEST_P(EveryScreeningRule, SendingToAPractitionerLinksToTheFinderAndAnEmergencyNever) {
  const KnowledgeBase& kb = real_kb();
  const auto rule = std::find_if(kb.screening_rules.begin(), kb.screening_rules.end(),
                                 [&](const ScreeningRule& r) { return r.id == GetParam(); });
  const Clearance c = evaluate_screening(kb, answering_yes(*rule));
  const auto f = std::find_if(c.findings.begin(), c.findings.end(), [&](auto& x) { return x.rule == GetParam(); });
  ASSERT_NE(f, c.findings.end());
  const bool sends =
      rule->level != ClearanceLevel::emergency &&
      std::regex_search(rule->advice,
                        std::regex("practitioner|doctor|therapist|surgeon|care team|checked|medical check"));
  if (sends) {
    ASSERT_TRUE(f->finder_need) << GetParam();
    ASSERT_TRUE(kb.finder_needs.count(*f->finder_need));
    // A sign that needs a doctor today sends only to doctors, saying so.
    const FinderNeed& need = kb.finder_needs.at(*f->finder_need);
    if (rule->level == ClearanceLevel::urgent) {
      EXPECT_EQ(need.only, std::vector<PractitionerKind>{PractitionerKind::medical}) << GetParam();
      EXPECT_NE(need.says.find("today"), std::string::npos) << GetParam();
    }
  } else {
    EXPECT_FALSE(f->finder_need) << GetParam() << " links to " << f->finder_need.value_or("");
  }
}

INSTANTIATE_TEST_SUITE_P(RealKnowledgeBase, EveryScreeningRule, testing::ValuesIn(rule_ids()), test_name);

class EveryStopSign : public testing::TestWithParam<std::string> {};

TEST_P(EveryStopSign, StopsWhatItSaysAndAsksForTheRescreenItNames) {
  const KnowledgeBase& kb = real_kb();
  const StopSign& sign = kb.stop_signs.at(GetParam());
  ASSERT_TRUE(kb.sources.count(sign.source));
  PlannedSession session;
  session.protocol = "neck-trap-iastm";
  PlannedStep step;
  step.technique = "sweep-along-fibres";
  step.region = "upper-trapezius";
  step.modality = Modality::instrument;
  step.unit = DoseUnit::strokes;
  step.dose = {15, 20};
  step.target = 17;
  session.steps = {step, step};
  SessionRunner run(kb, session, *parse_date("2026-11-23"));
  auto out = run.stop({sign.id});
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->action, sign.action);
  EXPECT_EQ(out->session_over, sign.action != StopAction::stop_step);
  EXPECT_EQ(run.finished(), sign.action != StopAction::stop_step);
  if (!sign.rescreen_question.empty()) {
    EXPECT_EQ(out->rescreen, std::vector<std::string>{sign.rescreen_question});
    // A yes-no warning sign stays until cleared; a regions question marks an area (broken skin) until healed.
    const Question* question = kb.question(sign.rescreen_question);
    ASSERT_NE(question, nullptr);
    if (question->kind == QuestionKind::regions) {
      EXPECT_EQ(sign.action, StopAction::stop_session) << "an area marked during a session ends it";
    }
  }
  EXPECT_EQ(run.log().steps.at(0).stop_sign, sign.id);
}

// Issue 11: a stop sign whose advice sends the person to a practitioner or a
// doctor links to the finder; one that does not (or an emergency) does not.
TEST_P(EveryStopSign, AdviceToSeeAPractitionerOrDoctorLinksToTheFinder) {
  const KnowledgeBase& kb = real_kb();
  const StopSign& sign = kb.stop_signs.at(GetParam());
  auto out = stop_outcome(kb, {sign.id});
  ASSERT_TRUE(out.has_value());
  const bool sends = sign.action != StopAction::emergency &&
                     std::regex_search(sign.advice, std::regex("practitioner|doctor|medical check"));
  EXPECT_EQ(out->finder_need.has_value(), sends) << sign.id << ": " << sign.advice;
}

INSTANTIATE_TEST_SUITE_P(RealKnowledgeBase, EveryStopSign, testing::ValuesIn(stop_sign_ids()), test_name);

TEST(EveryCap, HasAKnownSource) {
  const KnowledgeBase& kb = real_kb();
  const SafetyCaps& c = kb.caps;
  for (const SourcedValue* v :
       {&c.instrument_sessions_per_7_days, &c.instrument_min_hours_between, &c.compression_min_hours_between,
        &c.home_pressure_ceiling, &c.instrument_minutes_per_session, &c.program_weeks_min, &c.program_weeks_max,
        &c.review_week, &c.soreness_resolved_at, &c.checkin_after_hours, &c.bruise_pressure_step,
        &c.repeated_bruising_count, &c.worse_after_hours, &c.meaningful_change_points, &c.meaningful_change_percent,
        &c.trigger_point_hold_min_seconds, &c.trigger_point_hold_max_seconds})
    EXPECT_TRUE(kb.sources.count(v->source)) << v->source;
  EXPECT_EQ(c.instrument_sessions_per_7_days.value, 3);
  EXPECT_EQ(c.instrument_sessions_per_7_days.source, "seed-000");
  EXPECT_EQ(c.instrument_min_hours_between.value, 48);
  EXPECT_EQ(c.meaningful_change_points.source, "farrar-2001");
}

// Issue 8, point 4: every referral pattern says what to watch for before
// exploring its candidates, each warning with a known source; where the
// candidates include practitioner-only tissue (the scalenes: nerves and an
// artery to the arm), a warning asks about arm numbness, tingling or weakness.
TEST(RealReferral, EveryPatternCarriesAtLeastOneSourcedWarning) {
  const KnowledgeBase& kb = real_kb();
  ASSERT_FALSE(kb.referral_patterns.empty());
  for (const auto& p : kb.referral_patterns) {
    EXPECT_FALSE(p.warnings.empty()) << p.location;
    for (const auto& w : p.warnings) {
      EXPECT_FALSE(w.rule.empty()) << p.location;
      EXPECT_FALSE(w.text.empty()) << p.location << " " << w.rule;
      EXPECT_TRUE(kb.sources.count(w.source)) << p.location << " " << w.rule << " cites '" << w.source << "'";
    }
  }
}

TEST(RealReferral, PatternsThatPointAtTheScalenesAskAboutArmNerveSigns) {
  const KnowledgeBase& kb = real_kb();
  int checked = 0;
  for (const auto& p : kb.referral_patterns) {
    const bool scalenes = std::any_of(p.candidates.begin(), p.candidates.end(),
                                      [](const ReferralCandidate& c) { return c.region == "scalenes"; });
    if (!scalenes) continue;
    ++checked;
    const bool asks = std::any_of(p.warnings.begin(), p.warnings.end(), [](const Reason& w) {
      return w.text.find("numbness") != std::string::npos && w.text.find("tingling") != std::string::npos &&
             w.text.find("weakness") != std::string::npos;
    });
    EXPECT_TRUE(asks) << p.location;
  }
  EXPECT_GE(checked, 3);
}

TEST(RealReferral, PractitionerOnlyCandidatesComeWithAWarningToSeeOne) {
  const KnowledgeBase& kb = real_kb();
  for (const auto& p : kb.referral_patterns) {
    const bool practitioner_only = std::any_of(p.candidates.begin(), p.candidates.end(), [&](const auto& c) {
      const Region* r = kb.region(c.region);
      return r && r->region_class == RegionClass::practitioner_only;
    });
    if (!practitioner_only) continue;
    EXPECT_TRUE(std::any_of(p.warnings.begin(), p.warnings.end(), [](const Reason& w) {
      return w.text.find("practitioner") != std::string::npos || w.text.find("doctor") != std::string::npos ||
             w.text.find("emergency") != std::string::npos;
    })) << p.location;
  }
}

TEST(RealReferral, HeadPatternsWarnAboutASuddenWorstEverHeadache) {
  const KnowledgeBase& kb = real_kb();
  for (const std::string location : {"temple", "behind-eye", "side-of-head", "top-of-head", "forehead", "over-eye"}) {
    const auto warnings = referral_warnings(kb, {location});
    EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(), [](const Reason& w) {
      return w.source == "rushton-2023";
    })) << location;
  }
}

TEST(RealReferral, WarningsForSeveralLocationsAreSaidOnceEach) {
  const KnowledgeBase& kb = real_kb();
  const auto warnings = referral_warnings(kb, {"outer-arm", "thumb-index-finger", "chest"});
  std::set<std::string> rules;
  for (const auto& w : warnings) EXPECT_TRUE(rules.insert(w.rule).second) << w.rule << " is said twice";
  EXPECT_TRUE(rules.count("location-chest"));  // the location's own warning comes too
}

// A step's pressure and time are on its card, after every ceiling and a
// practitioner's lowering (issue 10, point 3): its words never name a number
// that could contradict them ("about 5 or 6 out of 10" on a card capped at 3).
TEST(RealKnowledgeBase, NoStepsWordsNameAPressureOrTheStepsTime) {
  const std::regex pressure(R"(\d+\s*(or|to|-|–)?\s*\d*\s*out of 10|\d+\s*/\s*10)");
  const std::regex step_time(R"(\b(for|about)\s+(one|two|three|\d+)\s+minutes?\b)", std::regex::icase);
  for (const auto& [id, protocol] : real_kb().protocols)
    for (const auto& step : protocol.steps) {
      std::vector<std::string> words = step.cues;
      words.push_back(step.instruction);
      for (const auto& text : words) {
        EXPECT_FALSE(std::regex_search(text, pressure)) << id << ", " << step.technique << ": " << text;
        EXPECT_FALSE(std::regex_search(text, step_time)) << id << ", " << step.technique << ": " << text;
      }
    }
}
