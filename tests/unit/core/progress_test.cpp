#include "fascia/core/progress.hpp"

#include <gtest/gtest.h>

#include "fascia/core/referral.hpp"
#include "fixture_kb.hpp"

using namespace fascia::core;
using fixture::day;

namespace {
const KnowledgeBase kKb = fixture::kb();
Progress progress_with(std::vector<PainEntry> pain, const char* today) {
  Journal j;
  j.pain = std::move(pain);
  return compute_progress(kKb, fixture::desk_worker(), j, Plan{}, day(today));
}
PainEntry pain(const char* date, int score) { return {day(date), "upper-trapezius", Side::both, score}; }
}  // namespace

TEST(MeaningfulChange, TwoPointsOrThirtyPercentCount) {
  EXPECT_TRUE(meaningful_improvement(kKb.caps, 6, 4));   // 2 points
  EXPECT_FALSE(meaningful_improvement(kKb.caps, 6, 5));  // 1 point, 17 %
  EXPECT_TRUE(meaningful_improvement(kKb.caps, 3, 2));   // 1 point but 33 %
  EXPECT_FALSE(meaningful_improvement(kKb.caps, 0, 0));
  EXPECT_FALSE(meaningful_improvement(kKb.caps, 5, 7));
}

TEST(WeekFourReview, IsNotDueBeforeWeekFour) {
  EXPECT_EQ(progress_with({pain("2026-12-01", 6)}, "2026-12-20").review.state, ReviewState::not_yet);
}

TEST(WeekFourReview, RecommendsAPractitionerWithoutMeaningfulImprovement) {
  const Progress p = progress_with({pain("2026-12-01", 6), pain("2026-12-20", 5)}, "2026-12-21");
  EXPECT_EQ(p.review.state, ReviewState::not_improving);
  EXPECT_TRUE(p.review.see_practitioner);
  EXPECT_EQ(p.review.reasons.back().source, "seed-000");
}

TEST(WeekFourReview, SaysImprovingAfterAMeaningfulDrop) {
  const Progress p = progress_with({pain("2026-12-20", 3)}, "2026-12-22");
  EXPECT_EQ(p.review.state, ReviewState::improving);
  EXPECT_FALSE(p.review.see_practitioner);
  EXPECT_EQ(p.trends[0].change, 3);
  EXPECT_EQ(p.trends[0].change_percent, 50);
}

TEST(WeekFourReview, AsksForAScoreWhenNoneWasLogged) {
  EXPECT_EQ(progress_with({}, "2026-12-22").review.state, ReviewState::no_data);
}

TEST(Adherence, CountsSessionsPerWeekAgainstTheOriginalPlan) {
  Plan original;
  original.end = day("2027-01-03");
  original.days = {{day("2026-11-23"), {PlannedSession{}}}, {day("2026-11-25"), {PlannedSession{}}},
                   {day("2026-11-30"), {PlannedSession{}}}};
  Journal j;
  SessionEntry s;
  s.date = day("2026-11-23");
  j.sessions.push_back(s);
  j.habits.push_back({day("2026-11-24"), "movement-breaks"});
  const Progress p = compute_progress(kKb, fixture::desk_worker(), j, original, day("2026-12-01"));
  ASSERT_EQ(p.weeks.size(), 2u);
  EXPECT_EQ(p.weeks[0].planned, 2);
  EXPECT_EQ(p.weeks[0].done, 1);
  EXPECT_EQ(p.weeks[0].habits, 1);
  EXPECT_EQ(p.weeks[1].planned, 1);
}

TEST(Referral, RanksCandidateSourcesByWeightAndFlagsPractitionerOnlyOnes) {
  auto s = suggest_sources(kKb, {"temple", "jaw-angle"});
  ASSERT_TRUE(s.has_value());
  ASSERT_EQ(s->size(), 3u);
  EXPECT_EQ((*s)[0].region, "upper-trapezius");
  EXPECT_NEAR((*s)[0].score, 0.75, 1e-9);
  EXPECT_EQ((*s)[1].region, "scalenes");
  EXPECT_TRUE((*s)[1].practitioner_only);
}

TEST(Referral, RejectsAnUnknownLocation) {
  auto s = suggest_sources(kKb, {"elbow-pit"});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::unknown_name);
}
