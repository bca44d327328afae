#include "fascia/core/session_runner.hpp"

#include <gtest/gtest.h>

#include "fascia/core/planner.hpp"
#include "fixture_kb.hpp"

using namespace fascia::core;
using fixture::day;

namespace {
const KnowledgeBase kKb = fixture::kb();

PlannedSession neck_template() {
  const Profile p = fixture::desk_worker();
  const Clearance c = evaluate_screening(kKb, fixture::all_clear(kKb));
  const Journal j;
  return build_plan({kKb, p, {"starter-instrument"}, c, j, day("2026-11-23")}).templates.at(0);
}
}  // namespace

TEST(SessionRunner, SplitsPerSideStepsIntoLeftThenRightWithASwitchCue) {
  SessionRunner run(kKb, neck_template(), day("2026-11-23"));
  // warm-up (one card) + three per-side steps on both sides
  ASSERT_EQ(run.cards().size(), 7u);
  EXPECT_EQ(run.cards()[1].side, Side::left);
  EXPECT_EQ(run.cards()[2].side, Side::right);
  EXPECT_TRUE(run.cards()[2].switch_sides);
}

TEST(SessionRunner, LogsWhatWasDoneSkippedAndWithWhichPressure) {
  SessionRunner run(kKb, neck_template(), day("2026-11-23"));
  ASSERT_TRUE(run.done(120, std::nullopt).has_value());
  ASSERT_TRUE(run.done(18, 5).has_value());
  ASSERT_TRUE(run.skip("too tender today").has_value());
  const SessionEntry& log = run.log();
  ASSERT_EQ(log.steps.size(), 3u);
  EXPECT_EQ(log.steps[0].seconds, 120);
  EXPECT_EQ(log.steps[1].strokes, 18);
  EXPECT_EQ(log.steps[1].pressure_used, 5);
  EXPECT_EQ(log.steps[1].side, Side::left);
  EXPECT_EQ(log.steps[2].status, StepStatus::skipped);
  EXPECT_EQ(log.steps[2].note, "too tender today");
}

TEST(SessionRunner, WarnsWhenThePressureUsedIsAboveThePlan) {
  SessionRunner run(kKb, neck_template(), day("2026-11-23"));
  ASSERT_TRUE(run.done(120, std::nullopt).has_value());
  auto warning = run.done(18, 8);
  ASSERT_TRUE(warning.has_value());
  ASSERT_TRUE(warning->has_value());
  EXPECT_EQ((*warning)->rule, "pressure-above-plan");
}

TEST(SessionRunner, RejectsOutOfRangeInputWithoutLoggingIt) {
  SessionRunner run(kKb, neck_template(), day("2026-11-23"));
  EXPECT_EQ(run.done(-1, std::nullopt).error().code, ErrorCode::out_of_range);
  EXPECT_EQ(run.done(10, 11).error().code, ErrorCode::out_of_range);
  EXPECT_EQ(run.stop({"gremlins"}).error().code, ErrorCode::unknown_name);
  EXPECT_TRUE(run.log().steps.empty());
  EXPECT_EQ(run.position(), 0u);
}

TEST(SessionRunner, SharpPainStopsTheStepButNotTheSession) {
  SessionRunner run(kKb, neck_template(), day("2026-11-23"));
  auto out = run.stop({"sharp-pain"}, 5);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->action, StopAction::stop_step);
  EXPECT_FALSE(out->session_over);
  EXPECT_FALSE(run.finished());
  EXPECT_EQ(run.log().steps[0].status, StepStatus::stopped);
  EXPECT_EQ(run.log().steps[0].stop_sign, "sharp-pain");
}

TEST(SessionRunner, DizzinessEndsTheSessionAndAsksForANewScreening) {
  SessionRunner run(kKb, neck_template(), day("2026-11-23"));
  auto out = run.stop({"sharp-pain", "dizziness"});
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->action, StopAction::stop_session);
  EXPECT_TRUE(out->session_over);
  EXPECT_EQ(out->rescreen, std::vector<std::string>{"dizziness-with-neck-movement"});
  EXPECT_EQ(out->advice.front().rule, "dizziness") << "most severe advice first";
  EXPECT_TRUE(run.finished());
  EXPECT_TRUE(run.log().stopped);
  EXPECT_EQ(run.log().stop_sign, "dizziness");
}

// A person who stops for two signs reported both: the log keeps both, the
// most severe first, on the step and on the session; one named twice is one.
TEST(SessionRunner, AStopKeepsEverySignReportedTheMostSevereFirst) {
  SessionRunner run(kKb, neck_template(), day("2026-11-23"));
  auto out = run.stop({"sharp-pain", "dizziness", "sharp-pain"}, 3);
  ASSERT_TRUE(out.has_value()) << out.error().message;
  EXPECT_EQ(out->advice.size(), 2u) << "sharp pain named twice is one sign";
  const StepLog& step = run.log().steps.back();
  EXPECT_EQ(step.stop_sign, "dizziness");
  EXPECT_EQ(step.other_stop_signs, std::vector<std::string>{"sharp-pain"});
  EXPECT_EQ(run.log().stop_sign, "dizziness");
  EXPECT_EQ(run.log().other_stop_signs, std::vector<std::string>{"sharp-pain"});
  EXPECT_EQ(run.log().stop_signs(), (std::vector<std::string>{"dizziness", "sharp-pain"}));
}

TEST(SessionRunner, AStepStoppedForTwoStepSignsKeepsBothAndTheSessionGoesOn) {
  SessionRunner run(kKb, neck_template(), day("2026-11-23"));
  ASSERT_TRUE(run.stop({"guarding", "sharp-pain"}, 2));
  ASSERT_FALSE(run.finished());
  const StepLog& step = run.log().steps.back();
  EXPECT_EQ(step.stop_sign, "guarding") << "of equal action, the order given";
  EXPECT_EQ(step.other_stop_signs, std::vector<std::string>{"sharp-pain"});
  EXPECT_FALSE(run.log().stopped);
  EXPECT_TRUE(run.log().stop_signs().empty()) << "the session itself was not stopped";
}

TEST(SessionRunner, ARescreenAfterDizzinessRemovesTheNeckFromThePlan) {
  SessionRunner run(kKb, neck_template(), day("2026-11-23"));
  auto out = run.stop({"dizziness"});
  ScreeningRecord again = fixture::all_clear(kKb);
  for (const auto& q : out->rescreen) again.answers[q].yes = true;
  const Clearance c = evaluate_screening(kKb, again);
  const Journal j;
  const Plan plan = build_plan({kKb, fixture::desk_worker(), {"starter-instrument"}, c, j, day("2026-11-24")});
  EXPECT_TRUE(plan.days.empty());
  ASSERT_EQ(plan.excluded.size(), 1u);
  EXPECT_EQ(plan.excluded[0].reasons[0].rule, "neck-dizziness");
}

TEST(StopOutcome, GivesTheSameAdviceAsAStopInASessionWithoutLoggingAnything) {
  auto advice = stop_outcome(kKb, {"sharp-pain", "dizziness"});
  ASSERT_TRUE(advice.has_value());
  SessionRunner run(kKb, neck_template(), day("2026-11-23"));
  auto in_session = run.stop({"sharp-pain", "dizziness"});
  ASSERT_TRUE(in_session.has_value());
  EXPECT_EQ(advice->action, in_session->action);
  EXPECT_EQ(advice->rescreen, in_session->rescreen);
  EXPECT_EQ(advice->session_over, in_session->session_over);
  ASSERT_EQ(advice->advice.size(), in_session->advice.size());
  EXPECT_EQ(advice->advice.front().rule, "dizziness");
  EXPECT_FALSE(stop_outcome(kKb, {"sharp-pain"})->session_over);
  EXPECT_EQ(stop_outcome(kKb, {}).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(stop_outcome(kKb, {"gremlins"}).error().code, ErrorCode::unknown_name);
}
