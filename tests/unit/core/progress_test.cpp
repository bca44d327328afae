#include "fascia/core/progress.hpp"

#include <gtest/gtest.h>

#include <algorithm>

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

TEST(WeekFourReview, BeforeItsDaySaysTheDayAsASentence) {
  const ReviewVerdict v = progress_with({pain("2026-12-01", 6)}, "2026-12-20").review;
  ASSERT_EQ(v.reasons.size(), 1u);
  EXPECT_EQ(v.reasons[0].rule, "review-week");
  EXPECT_EQ(v.reasons[0].text, "The review is on Monday, 21 December 2026.");
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

// Issue 8, point 5: the review counts the sessions actually done before it
// against those the original plan placed before it, and words its advice
// accordingly. The program starts on Monday 2026-11-23; the review is on
// 2026-12-21.
namespace {
// `planned` sessions on consecutive days from the start, `done` of them logged,
// plus one planned and one logged after the review (never counted).
Progress review_after(int planned, int done, std::vector<PainEntry> pain_entries) {
  Plan original;
  original.end = day("2027-01-03");
  Journal j;
  j.pain = std::move(pain_entries);
  for (int i = 0; i < planned; ++i) {
    original.days.push_back({add_days(day("2026-11-23"), i), {PlannedSession{}}});
    if (i < done) {
      SessionEntry s;
      s.date = add_days(day("2026-11-23"), i);
      j.sessions.push_back(s);
    }
  }
  original.days.push_back({day("2026-12-22"), {PlannedSession{}}});
  SessionEntry late;
  late.date = day("2026-12-22");
  j.sessions.push_back(late);
  return compute_progress(kKb, fixture::desk_worker(), j, original, day("2026-12-23"));
}
bool says(const ReviewVerdict& v, const std::string& words) {
  return std::any_of(v.reasons.begin(), v.reasons.end(),
                     [&](const Reason& r) { return r.text.find(words) != std::string::npos; });
}
}  // namespace

TEST(WeekFourReview, CountsPlannedAndDoneSessionsBeforeTheReviewOnly) {
  const Progress p = review_after(12, 5, {pain("2026-12-20", 5)});
  EXPECT_EQ(p.review.sessions_planned, 12);
  EXPECT_EQ(p.review.sessions_done, 5);
}

TEST(WeekFourReview, NoImprovementAfterFewSessionsSaysTheProgramCannotBeJudgedYet) {
  const Progress p = review_after(12, 0, {pain("2026-12-20", 5)});
  EXPECT_EQ(p.review.state, ReviewState::not_improving);
  EXPECT_FALSE(p.review.see_practitioner);
  EXPECT_TRUE(says(p.review, "0 of 12 planned sessions")) << ::testing::PrintToString(p.review.reasons.size());
  EXPECT_TRUE(says(p.review, "too few to judge"));
  EXPECT_FALSE(says(p.review, "despite"));
  EXPECT_EQ(p.review.reasons.back().rule, "review-min-adherence-percent");
  EXPECT_EQ(p.review.reasons.back().source, kKb.caps.review_min_adherence_percent.source);
}

TEST(WeekFourReview, NoImprovementDespiteMostSessionsSendsToAPractitioner) {
  const Progress p = review_after(12, 11, {pain("2026-12-20", 5)});
  EXPECT_EQ(p.review.state, ReviewState::not_improving);
  EXPECT_TRUE(p.review.see_practitioner);
  EXPECT_TRUE(says(p.review, "despite 11 of 12 planned sessions"));
  EXPECT_FALSE(says(p.review, "too few to judge"));
  EXPECT_EQ(p.review.reasons.back().source, "seed-000");
}

TEST(WeekFourReview, TheAdherenceThresholdIsTheCapInclusive) {
  // 75 % of 12 is 9: nine sessions are enough to judge, eight are not.
  ASSERT_EQ(kKb.caps.review_min_adherence_percent.value, 75);
  EXPECT_TRUE(review_after(12, 9, {pain("2026-12-20", 5)}).review.see_practitioner);
  EXPECT_FALSE(review_after(12, 8, {pain("2026-12-20", 5)}).review.see_practitioner);
}

TEST(WeekFourReview, FewSessionsButWorsePainStillSendsToAPractitioner) {
  const Progress p = review_after(12, 1, {pain("2026-12-20", 9)});
  EXPECT_TRUE(p.review.see_practitioner);
  EXPECT_TRUE(says(p.review, "1 of 12 planned sessions"));
}

TEST(WeekFourReview, AnImprovementNamesTheSessionsDoneToo) {
  const Progress p = review_after(12, 10, {pain("2026-12-20", 2)});
  EXPECT_EQ(p.review.state, ReviewState::improving);
  EXPECT_TRUE(says(p.review, "10 of 12 planned sessions"));
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

// Worse pain after few sessions: the advice is a practitioner, not more
// sessions, and the trend says "worse", not "less than a meaningful change".
TEST(WeekFourReview, WorsePainAfterFewSessionsSaysWorseAndSendsToAPractitionerFirst) {
  const Progress p = review_after(12, 0, {pain("2026-12-20", 10)});
  EXPECT_EQ(p.review.state, ReviewState::not_improving);
  EXPECT_TRUE(p.review.see_practitioner);
  EXPECT_TRUE(says(p.review, "worse by")) << p.review.reasons.front().text;
  EXPECT_FALSE(says(p.review, "less than a meaningful change"));
  EXPECT_TRUE(says(p.review, "see a practitioner before going on"));
  EXPECT_FALSE(says(p.review, "Try doing the sessions as planned"));
}

// A home program sets the review (issue 10, point 3): its date, not the
// person's own week 4, and its weeks in the words.
TEST(WeekFourReview, AHomeProgramReviewsOnTheDateItSet) {
  Plan original;
  original.start = day("2026-11-23");
  original.review = day("2026-12-14");  // three weeks in
  original.end = day("2027-01-03");
  Journal j;
  j.pain = {pain("2026-12-13", 5)};
  for (int i = 0; i < 6; ++i) {
    original.days.push_back({add_days(original.start, i * 2), {PlannedSession{}}});
    SessionEntry s;
    s.date = add_days(original.start, i * 2);
    j.sessions.push_back(s);
  }
  const Date today = day("2026-12-15");
  const Progress own = compute_progress(kKb, fixture::desk_worker(), j, original, today);
  EXPECT_EQ(own.review.state, ReviewState::not_yet) << "the person's own plan reviews at week 4";

  original.program_id = 1;
  const Progress assigned = compute_progress(kKb, fixture::desk_worker(), j, original, today);
  EXPECT_EQ(assigned.review.date, day("2026-12-14"));
  EXPECT_EQ(assigned.review.state, ReviewState::not_improving);
  EXPECT_EQ(assigned.review.sessions_planned, 6);
  EXPECT_TRUE(says(assigned.review, "in 3 weeks")) << ::testing::PrintToString(assigned.review.reasons.size());
}

TEST(Trends, TheChangeInPercentOfTheBaselineRoundsToTheNearestWhole) {
  // Baseline 6 (desk_worker): 1 of 6 is 16.7 %, 5 of 6 is 83.3 %, 2 of 6 is 33.3 %.
  EXPECT_EQ(progress_with({pain("2026-12-20", 5)}, "2026-12-22").trends[0].change_percent, 17);
  EXPECT_EQ(progress_with({pain("2026-12-20", 1)}, "2026-12-22").trends[0].change_percent, 83);
  EXPECT_EQ(progress_with({pain("2026-12-20", 4)}, "2026-12-22").trends[0].change_percent, 33);
  EXPECT_EQ(progress_with({pain("2026-12-20", 7)}, "2026-12-22").trends[0].change_percent, -17) << "worse: 1 of 6";
  EXPECT_EQ(progress_with({pain("2026-12-20", 6)}, "2026-12-22").trends[0].change_percent, 0);
}

// From a new-user trial: with a neck program in force, the week-4 review
// asked for the calves' pain too, which the program never works. It reads
// the regions of the profile the program works; the person's own plan, all.
TEST(WeekFourReview, WithAHomeProgramReadsOnlyTheRegionsTheProgramWorks) {
  Profile person = fixture::desk_worker();
  person.regions.push_back({"calves", Side::both, 5});
  Plan program;
  program.program_id = 1;
  PlannedSession neck;
  neck.steps.push_back(PlannedStep{});
  neck.steps.back().region = "upper-trapezius";
  program.templates = {neck};
  const auto regions = [](const std::vector<RegionTarget>& targets) {
    std::vector<std::string> out;
    for (const auto& t : targets) out.push_back(t.region);
    return out;
  };
  EXPECT_EQ(regions(review_targets(person, program)), std::vector<std::string>{"upper-trapezius"});
  Journal j;
  j.pain = {pain("2026-12-20", 3)};
  const ReviewReading reading = week_four_review(kKb, person, j, program, day("2026-12-22"));
  ASSERT_EQ(reading.trends.size(), 1u);
  EXPECT_EQ(reading.trends[0].region, "upper-trapezius");
  EXPECT_EQ(reading.review.state, ReviewState::improving) << "the calves, never logged, are not asked about";

  EXPECT_EQ(regions(review_targets(person, Plan{})), (std::vector<std::string>{"upper-trapezius", "calves"}))
      << "the person's own plan: every region of the profile";
  program.templates[0].steps[0].region = "abdomen";
  EXPECT_EQ(regions(review_targets(person, program)), (std::vector<std::string>{"upper-trapezius", "calves"}))
      << "a program on none of the profile's regions: their scores are the only baselines";
}
