// Issue 10, point 6: what needs a practitioner's attention. Each flag alone,
// with a case that raises it and a near miss that does not, then properties
// over generated journals (always sorted by urgency then date; a quiet,
// regular journal raises nothing).
#include "fascia/core/attention.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "attention_fixture.hpp"

using namespace fascia::core;
using fixture::day;

using namespace attention_fixture;

TEST(Attention, NothingNotableRaisesNothing) { EXPECT_TRUE(attention_flags(kKb, shared(), kToday).empty()); }

TEST(Attention, ASessionStoppedByAStopSignInTheLastFourteenDaysIsFlaggedWithTheSignAndDate) {
  AttentionInputs in = shared();
  in.journal.sessions.push_back(stopped("2026-12-20", "dizziness"));
  const auto flags = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(flags, AttentionKind::stop_event));
  const auto& f = flag(flags, AttentionKind::stop_event);
  EXPECT_EQ(f.date, day("2026-12-20"));
  EXPECT_EQ(f.rule, "dizziness");
  EXPECT_EQ(f.source, "seed-000");
  EXPECT_NE(f.reason.find("stopped for dizziness"), std::string::npos) << f.reason;
  EXPECT_NE(f.reason.find("20 December 2026"), std::string::npos) << f.reason;
}

// A stop reported with two signs names both: the second is as much the
// person's report as the first (a trial lost it).
TEST(Attention, AStopForTwoSignsNamesBoth) {
  AttentionInputs in = shared();
  SessionEntry s = stopped("2026-12-20", "dizziness");
  s.other_stop_signs = {"skin-broken"};
  in.journal.sessions.push_back(s);
  const auto one = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(one, AttentionKind::stop_event));
  EXPECT_NE(flag(one, AttentionKind::stop_event).reason.find("stopped for dizziness and broken skin"),
            std::string::npos)
      << flag(one, AttentionKind::stop_event).reason;
  in.journal.sessions.push_back(stopped("2026-12-21", "sharp-pain"));
  const auto two = attention_flags(kKb, in, kToday);
  EXPECT_NE(flag(two, AttentionKind::stop_event).reason.find("for dizziness, broken skin and sharp pain)"),
            std::string::npos)
      << flag(two, AttentionKind::stop_event).reason;
}

TEST(Attention, SeveralStopsNameEverySignOnce) {
  AttentionInputs in = shared();
  in.journal.sessions = {stopped("2026-12-12", "sharp-pain"), stopped("2026-12-16", "dizziness"),
                         stopped("2026-12-20", "dizziness")};
  const auto flags = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(flags, AttentionKind::stop_event));
  const auto& f = flag(flags, AttentionKind::stop_event);
  EXPECT_NE(f.reason.find("3 stopped sessions in 14 days, for sharp pain and dizziness"), std::string::npos)
      << f.reason;
}

TEST(Attention, AStopFifteenDaysAgoIsNoLongerAStopEvent) {
  AttentionInputs in = shared();
  in.journal.sessions.push_back(stopped("2026-12-09", "dizziness"));  // day 15 back; the window starts on the 10th
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::stop_event));
  in.journal.sessions.back().date = day("2026-12-10");
  EXPECT_TRUE(has(attention_flags(kKb, in, kToday), AttentionKind::stop_event));
}

TEST(Attention, AWarningSignNotYetClearedIsFlaggedOnItsScreeningDayAndNamesItsAnswers) {
  AttentionInputs in = shared();
  FindingHistory f;
  f.rule = "neck-dizziness";
  f.raised = day("2026-12-18");
  f.because = {"dizziness-with-neck-movement"};
  f.source = "seed-000";
  f.stop_sign = "dizziness";
  f.stop_sign_name = "Dizziness";
  in.findings->push_back(f);
  auto flags = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(flags, AttentionKind::new_warning_sign));
  const auto& w = flag(flags, AttentionKind::new_warning_sign);
  EXPECT_EQ(w.date, day("2026-12-18"));
  EXPECT_EQ(w.rule, "neck-dizziness");
  EXPECT_NE(w.reason.find("dizziness-with-neck-movement?"), std::string::npos) << w.reason;
  EXPECT_NE(w.reason.find("stopped for dizziness"), std::string::npos) << w.reason;
  // The stop set the answer: the client never said yes themselves (a trial).
  EXPECT_NE(w.reason.find("(the stop recorded yes to \""), std::string::npos) << w.reason;
  in.findings->back().stop_sign.clear();
  in.findings->back().stop_sign_name.clear();
  EXPECT_NE(flag(attention_flags(kKb, in, kToday), AttentionKind::new_warning_sign).reason.find("(yes to \""),
            std::string::npos);
  // Near miss: the same finding, cleared.
  in.findings->back().cleared = day("2026-12-19");
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::new_warning_sign));
}

TEST(Attention, AWarningSignIsNotReadWhenScreeningIsNotShared) {
  AttentionInputs in = shared();
  in.findings.reset();
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::new_warning_sign));
}

TEST(Attention, BruisingAfterTwoSessionsInFourteenDaysIsRepeatedBruising) {
  AttentionInputs in = shared();
  in.journal.sessions = {scrape("2026-12-14"), scrape("2026-12-18")};
  in.journal.reactions = {bruise("2026-12-15"), bruise("2026-12-19")};
  const auto flags = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(flags, AttentionKind::repeated_bruising));
  const auto& f = flag(flags, AttentionKind::repeated_bruising);
  EXPECT_EQ(f.date, day("2026-12-19"));
  EXPECT_EQ(f.rule, "repeated-bruising-count");
  EXPECT_EQ(f.source, "seed-003");
  EXPECT_NE(f.reason.find("2 sessions"), std::string::npos) << f.reason;
}

TEST(Attention, BruisingAfterOneSessionOrTwoSessionsFarApartIsNotRepeated) {
  AttentionInputs in = shared();
  in.journal.sessions = {scrape("2026-12-14"), scrape("2026-12-18")};
  in.journal.reactions = {bruise("2026-12-15")};
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::repeated_bruising));
  in.journal.sessions = {scrape("2026-11-30"), scrape("2026-12-18")};
  in.journal.reactions = {bruise("2026-12-01"), bruise("2026-12-19")};
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::repeated_bruising));
}

TEST(Attention, PainHigherTwoDaysAfterASessionThanBeforeItIsFlaggedByRegion) {
  AttentionInputs in = shared();
  in.journal.pain = {pain("2026-12-18", 4), pain("2026-12-20", 6)};
  in.journal.sessions = {scrape("2026-12-18")};
  const auto flags = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(flags, AttentionKind::pain_worse_after));
  const auto& f = flag(flags, AttentionKind::pain_worse_after);
  EXPECT_EQ(f.date, day("2026-12-20"));
  EXPECT_EQ(f.rule, "worse-after-hours");
  EXPECT_NE(f.reason.find("upper-trapezius: pain 6/10"), std::string::npos) << f.reason;
  EXPECT_NE(f.reason.find("up from 4/10"), std::string::npos) << f.reason;
}

TEST(Attention, PainHigherOnlyTheNextDayOrNotHigherIsNotWorseAfter) {
  AttentionInputs in = shared();
  in.journal.sessions = {scrape("2026-12-18")};
  in.journal.pain = {pain("2026-12-18", 4), pain("2026-12-19", 6)};  // one day after: before worse-after-hours
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::pain_worse_after));
  in.journal.pain = {pain("2026-12-18", 4), pain("2026-12-20", 4)};
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::pain_worse_after));
}

TEST(Attention, AWeekFourReviewWithoutMeaningfulImprovementIsNotImproving) {
  AttentionInputs in = shared();
  in.profile = fixture::desk_worker();  // baseline 6/10
  in.original = plan_of(1);
  for (const auto& d : in.original->days)
    if (d.date <= kToday) in.journal.sessions.push_back(scrape(d.date));
  in.journal.pain = {pain("2026-12-21", 5)};  // 1 point, 17 %: less than meaningful
  auto flags = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(flags, AttentionKind::not_improving)) << ::testing::PrintToString(kinds(flags).size());
  const auto& f = flag(flags, AttentionKind::not_improving);
  EXPECT_EQ(f.date, day("2026-12-21"));
  EXPECT_NE(f.reason.find("despite 4 of 4 planned sessions"), std::string::npos) << f.reason;
  // Near miss: a meaningful drop (2 points).
  in.journal.pain = {pain("2026-12-21", 4)};
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::not_improving));
  // And before the review date there is nothing to say yet.
  in.journal.pain = {pain("2026-12-19", 5)};
  EXPECT_FALSE(has(attention_flags(kKb, in, day("2026-12-20")), AttentionKind::not_improving));
}

TEST(Attention, WithoutSessionsSharedTheReviewJudgesThePainAlone) {
  AttentionInputs in = shared();
  in.sessions_shared = false;
  in.profile = fixture::desk_worker();
  in.original = plan_of(1);
  in.journal.pain = {pain("2026-12-21", 5)};
  const auto flags = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(flags, AttentionKind::not_improving));
  EXPECT_EQ(flag(flags, AttentionKind::not_improving).reason.find("sessions"), std::string::npos)
      << "nothing about sessions the client does not share";
  EXPECT_FALSE(has(flags, AttentionKind::low_adherence));
}

TEST(Attention, FewerThanHalfThePlannedSessionsInFourteenDaysIsLowAdherence) {
  AttentionInputs in = shared();
  in.profile = fixture::desk_worker();
  in.original = plan_of(3);  // 5 planned from 10 to 22 December; today's is not missed yet
  in.journal.sessions = {scrape("2026-12-14"), scrape("2026-12-16")};
  in.journal.pain = {pain("2026-12-21", 2)};  // improving, so only adherence speaks
  auto flags = attention_flags(kKb, in, kToday);
  ASSERT_TRUE(has(flags, AttentionKind::low_adherence));
  EXPECT_NE(flag(flags, AttentionKind::low_adherence).reason.find("2 of 5 planned sessions done in the last 14 days"),
            std::string::npos)
      << flag(flags, AttentionKind::low_adherence).reason;
  // Near miss: half of them is not below half.
  in.journal.sessions.push_back(scrape("2026-12-18"));
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::low_adherence));
}

// A plan of three sessions a week (Monday, Wednesday, Friday) from Monday
// 14 December, each scraping the upper trapezius.
Plan scraping_plan_from_14_december() {
  Plan p = plan_of(3);
  p.start = day("2026-12-14");
  std::erase_if(p.days, [&](const PlanDay& d) { return d.date < p.start; });
  PlannedStep sweep;
  sweep.modality = Modality::instrument;
  sweep.region = "upper-trapezius";
  for (auto& d : p.days) d.sessions[0].steps = {sweep};
  return p;
}

TEST(Attention, TodaysPlannedSessionIsNotMissedBeforeTheDayIsOver) {
  AttentionInputs in = shared();
  in.profile = fixture::desk_worker();
  in.original = scraping_plan_from_14_december();  // 14, 16, 18, 21 and today, the 23rd
  in.journal.sessions = {scrape("2026-12-14"), scrape("2026-12-18")};
  in.journal.pain = {pain("2026-12-21", 2)};
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::low_adherence))
      << "2 of the 4 sessions before today is not below half";
  // Tomorrow, today's session is missed: 2 of 5.
  const auto tomorrow = attention_flags(kKb, in, add_days(kToday, 1));
  ASSERT_TRUE(has(tomorrow, AttentionKind::low_adherence));
  EXPECT_NE(flag(tomorrow, AttentionKind::low_adherence).reason.find("2 of 5 planned sessions"), std::string::npos)
      << flag(tomorrow, AttentionKind::low_adherence).reason;
  // Done today, it counts today: 3 of 5.
  in.journal.sessions.push_back(scrape(kToday));
  EXPECT_FALSE(has(attention_flags(kKb, in, kToday), AttentionKind::low_adherence));
}

TEST(Attention, ASessionClinicWorkHeldBackIsNotMissed) {
  AttentionInputs in = shared();
  in.profile = fixture::desk_worker();
  in.original = scraping_plan_from_14_december();
  in.journal.pain = {pain("2026-12-21", 2)};
  in.journal.sessions = {scrape("2026-12-18"), scrape("2026-12-21")};
  const Date tomorrow = add_days(kToday, 1);
  // Without clinic work: 2 of the 5 sessions from the 14th to today.
  ASSERT_TRUE(has(attention_flags(kKb, in, tomorrow), AttentionKind::low_adherence));
  // Instrument work on the upper trapezius in clinic on Monday the 14th holds
  // Monday's home scraping (and Tuesday's, none planned): 2 of 4.
  ClinicTreatmentEntry clinic;
  clinic.date = day("2026-12-14");
  clinic.treatment = "clinic-iastm";
  clinic.regions = {{"upper-trapezius", Side::both}};
  clinic.minutes = 5;
  in.journal.clinic_treatments = {clinic};
  EXPECT_FALSE(has(attention_flags(kKb, in, tomorrow), AttentionKind::low_adherence));
  // Clinic work on another area holds nothing.
  in.journal.clinic_treatments[0].regions = {{"levator-scapulae", Side::both}};
  EXPECT_TRUE(has(attention_flags(kKb, in, tomorrow), AttentionKind::low_adherence));
}

TEST(Attention, NothingLoggedForSevenDaysIsInactiveFromTheLastEntry) {
  AttentionInputs in = shared();
  in.journal.pain = {pain("2026-12-16", 3)};
  auto flags = attention_flags(kKb, in, kToday);
  ASSERT_EQ(kinds(flags), std::vector<AttentionKind>{AttentionKind::inactive});
  EXPECT_EQ(flags[0].date, day("2026-12-16"));
  EXPECT_NE(flags[0].reason.find("7 days"), std::string::npos) << flags[0].reason;
  in.journal.pain = {pain("2026-12-17", 3)};  // six days: not yet
  EXPECT_TRUE(attention_flags(kKb, in, kToday).empty());
}

TEST(Attention, AnEmptyJournalCountsFromTheLinkAndNothingSharedSaysNothing) {
  AttentionInputs in = shared();
  in.journal = {};
  in.watched_since = day("2026-12-20");
  EXPECT_TRUE(attention_flags(kKb, in, kToday).empty());
  in.watched_since = day("2026-12-01");
  EXPECT_EQ(kinds(attention_flags(kKb, in, kToday)), std::vector<AttentionKind>{AttentionKind::inactive});
  in.journal_shared = in.sessions_shared = false;
  EXPECT_TRUE(attention_flags(kKb, in, kToday).empty());
}

TEST(Attention, FlagsAreOrderedByUrgencyThenNewestFirst) {
  AttentionInputs in = shared();
  in.journal.sessions = {stopped("2026-12-12", "dizziness"), scrape("2026-12-14"), scrape("2026-12-18")};
  in.journal.reactions = {bruise("2026-12-15"), bruise("2026-12-19")};
  in.journal.pain = {pain("2026-12-14", 3)};
  const auto flags = attention_flags(kKb, in, kToday);
  EXPECT_EQ(kinds(flags), (std::vector<AttentionKind>{AttentionKind::stop_event, AttentionKind::repeated_bruising}));
  AttentionFlag older{AttentionKind::inactive, day("2026-12-01"), "", "", ""};
  AttentionFlag newer{AttentionKind::inactive, day("2026-12-02"), "", "", ""};
  AttentionFlag urgent{AttentionKind::stop_event, day("2026-11-01"), "", "", ""};
  EXPECT_TRUE(more_urgent(newer, older));
  EXPECT_TRUE(more_urgent(urgent, newer));
  EXPECT_FALSE(more_urgent(older, newer));
}

// Generated journals: any mix of sessions (some stopped), bruising, pain.
RC_GTEST_PROP(AttentionProperties, FlagsAreAlwaysSortedByUrgencyThenDateAndOnePerKind, ()) {
  AttentionInputs in = shared();
  in.profile = fixture::desk_worker();
  in.original = plan_of(*rc::gen::inRange(0, 4));
  const int n = *rc::gen::inRange(0, 20);
  for (int i = 0; i < n; ++i) {
    const Date d = add_days(day("2026-11-23"), *rc::gen::inRange(0, 31));
    SessionEntry s = scrape(d, *rc::gen::inRange(1, 7));
    if (*rc::gen::inRange(0, 5) == 0) {
      s.stopped = true;
      s.stop_sign = "sharp-pain";
    }
    in.journal.sessions.push_back(s);
    if (*rc::gen::arbitrary<bool>())
      in.journal.reactions.push_back({add_days(d, 1), "upper-trapezius", Side::both, false, false, true, 0});
    in.journal.pain.push_back(
        {add_days(d, *rc::gen::inRange(0, 3)), "upper-trapezius", Side::both, *rc::gen::inRange(0, 11)});
  }
  const auto flags = attention_flags(kKb, in, kToday);
  RC_ASSERT(std::is_sorted(flags.begin(), flags.end(), more_urgent));
  for (std::size_t i = 1; i < flags.size(); ++i) RC_ASSERT(flags[i - 1].kind != flags[i].kind);
  for (const auto& f : flags) RC_ASSERT(!f.reason.empty());
}

// A regular client: a session every other day as planned, no bruising, no stop,
// pain falling; only a gap at the end can raise anything, and then only inactive.
RC_GTEST_PROP(AttentionProperties, AQuietJournalRaisesNothingButInactiveAfterAGap, ()) {
  AttentionInputs in = shared();
  in.profile = fixture::desk_worker();
  in.original = Plan{};
  in.original->start = day("2026-11-23");
  in.original->end = day("2027-01-03");
  in.journal.pain.clear();
  const int gap = *rc::gen::inRange(0, 12);
  const Date last = add_days(kToday, -gap);
  int score = 6;
  for (Date d = day("2026-11-23"); d <= last; d = add_days(d, 2)) {
    in.original->days.push_back({d, {PlannedSession{}}});
    in.journal.sessions.push_back(scrape(d));
    in.journal.pain.push_back({d, "upper-trapezius", Side::both, score});
    if (score > 2) --score;
  }
  const auto flags = attention_flags(kKb, in, kToday);
  const int since_last = days_between(in.journal.sessions.back().date, kToday);
  if (since_last < kInactiveDays) {
    RC_ASSERT(flags.empty());
  } else {
    RC_ASSERT(kinds(flags) == std::vector<AttentionKind>{AttentionKind::inactive});
  }
}

// The monitoring list reads a long journal from attention_reads_from(today)
// (ADR 0020): whenever recent_journal_suffices says those entries are
// enough, the flags are exactly those of the whole journal. Generated
// journals of two to six months on three regions and three sides, dense or
// sparse, with bruising, stops, pain on untreated regions and warning signs
// raised on stop days, so the window's edges are crossed both ways.
RC_GTEST_PROP(AttentionProperties, TheRecentJournalGivesTheWholeJournalsFlagsWheneverItSuffices, ()) {
  const std::vector<std::string> regions{"upper-trapezius", "levator-scapulae", "calves"};
  const std::vector<Side> sides{Side::both, Side::left, Side::right};
  const Date start = add_days(kToday, -*rc::gen::inRange(10, 180));
  const int session_odds = *rc::gen::inRange(1, 6);  // one in n days has a session
  const int pain_odds = *rc::gen::inRange(1, 8);
  AttentionInputs whole;
  whole.journal_shared = *rc::gen::arbitrary<bool>();
  whole.sessions_shared = *rc::gen::arbitrary<bool>();
  whole.watched_since = start;
  Profile profile = fixture::desk_worker();
  profile.start = start;
  profile.regions = {{"upper-trapezius", Side::both, *rc::gen::inRange(0, 11)},
                     {"levator-scapulae", Side::left, *rc::gen::inRange(0, 11)}};
  whole.profile = profile;
  whole.original = plan_of(*rc::gen::inRange(0, 4));
  whole.original->start = start;
  const Date last = add_days(kToday, *rc::gen::inRange(-20, 3));
  std::vector<Date> stop_days;
  for (Date d = start; d <= last; d = add_days(d, 1)) {
    if (*rc::gen::inRange(0, session_odds) == 0) {
      SessionEntry s = scrape(d, *rc::gen::inRange(1, 8));
      s.steps[0].region = *rc::gen::elementOf(regions);
      s.steps[0].side = *rc::gen::elementOf(sides);
      if (*rc::gen::inRange(0, 3) == 0) {
        StepLog second = s.steps[0];
        second.region = *rc::gen::elementOf(regions);
        second.side = *rc::gen::elementOf(sides);
        second.modality = *rc::gen::elementOf(std::vector<Modality>{Modality::compression, Modality::movement});
        second.status = *rc::gen::elementOf(std::vector<StepStatus>{StepStatus::done, StepStatus::skipped});
        s.steps.push_back(second);
      }
      if (*rc::gen::inRange(0, 8) == 0) {
        s.stopped = true;
        s.stop_sign = *rc::gen::elementOf(std::vector<std::string>{"dizziness", "skin-broken", "sharp-pain"});
        s.steps[0].status = StepStatus::stopped;
        s.steps[0].stop_sign = s.stop_sign;
        stop_days.push_back(d);
      }
      whole.journal.sessions.push_back(s);
    }
    if (*rc::gen::inRange(0, pain_odds) == 0)
      whole.journal.pain.push_back(
          {d, *rc::gen::elementOf(regions), *rc::gen::elementOf(sides), *rc::gen::inRange(0, 11)});
    if (*rc::gen::inRange(0, 4) == 0)
      whole.journal.reactions.push_back(
          {d, *rc::gen::elementOf(regions), *rc::gen::elementOf(sides), false, false, *rc::gen::inRange(0, 3) == 0, 0});
    if (*rc::gen::inRange(0, 20) == 0) whole.journal.notes.push_back({d, "note"});
  }
  if (!whole.journal_shared) whole.journal.pain.clear(), whole.journal.reactions.clear(), whole.journal.notes.clear();
  if (!whole.sessions_shared) whole.journal.sessions.clear();
  std::vector<FindingHistory> findings;
  const int n_findings = *rc::gen::inRange(0, 3);
  for (int i = 0; i < n_findings; ++i) {
    FindingHistory f;
    f.rule = "dizziness-rule";
    f.because = {*rc::gen::elementOf(std::vector<std::string>{"dizziness-with-neck-movement", "open-wound"})};
    f.raised = !stop_days.empty() && *rc::gen::arbitrary<bool>() ? *rc::gen::elementOf(stop_days)
                                                                 : add_days(start, *rc::gen::inRange(0, 60));
    if (*rc::gen::arbitrary<bool>()) f.cleared = add_days(f.raised, 1);
    findings.push_back(f);
  }
  const bool screening_shared = *rc::gen::arbitrary<bool>();

  const Date from = attention_reads_from(kToday);
  AttentionInputs recent = whole;
  const auto before = [from](const auto& e) { return e.date < from; };
  std::erase_if(recent.journal.pain, before);
  std::erase_if(recent.journal.reactions, before);
  std::erase_if(recent.journal.notes, before);
  std::erase_if(recent.journal.sessions, before);
  // As the app does: the warning signs attributed to the sessions read.
  if (screening_shared) {
    whole.findings = recent.findings = findings;
    attribute_to_stop_signs(kKb, whole.journal.sessions, *whole.findings);
    attribute_to_stop_signs(kKb, recent.journal.sessions, *recent.findings);
  }
  const bool suffices = recent_journal_suffices(kKb, recent, from, kToday);
  RC_CLASSIFY(suffices, "recent journal suffices");
  if (suffices) RC_ASSERT(attention_flags(kKb, recent, kToday) == attention_flags(kKb, whole, kToday));
}

// Edge cases at the window's first day: the session before the window whose
// worse pain falls inside it, read from the recent journal, must send the
// reader back to the whole journal; one inside the window need not.
TEST(Attention, ARecentJournalIsNotEnoughWhenAnOlderSessionsWorsePainFallsInTheWindow) {
  const Date first = add_days(kToday, -(kAttentionWindowDays - 1));
  const Date from = attention_reads_from(kToday);
  AttentionInputs in = shared();
  in.journal.pain.clear();
  in.journal.sessions.push_back(scrape(add_days(from, -1)));  // before what is read
  in.journal.pain.push_back({add_days(from, -1), "upper-trapezius", Side::both, 2});
  in.journal.pain.push_back({first, "upper-trapezius", Side::both, 6});  // worse, in the window
  in.journal.notes.push_back({add_days(kToday, -1), "a note"});          // not inactive
  ASSERT_EQ(kinds(attention_flags(kKb, in, kToday)), std::vector<AttentionKind>{AttentionKind::pain_worse_after});
  AttentionInputs recent = in;
  recent.journal.sessions.clear();
  recent.journal.pain.erase(recent.journal.pain.begin());
  EXPECT_TRUE(attention_flags(kKb, recent, kToday).empty());  // what a reader that trusted it would miss
  EXPECT_FALSE(recent_journal_suffices(kKb, recent, from, kToday));
  // A session on the window's first day with its pain before it: enough.
  recent.journal.sessions.push_back(scrape(first));
  recent.journal.pain.insert(recent.journal.pain.begin(), {first, "upper-trapezius", Side::both, 6});
  recent.journal.pain.push_back({add_days(first, 2), "upper-trapezius", Side::both, 8});
  EXPECT_TRUE(recent_journal_suffices(kKb, recent, from, kToday));
  EXPECT_FALSE(recent_journal_suffices(kKb, recent, add_days(first, 1), kToday));  // a start inside the window
}

// Found by the property above: a score on the day of the region's next
// session counts as the earlier session's worse pain (analyse_journal reads
// up to that day), so the pain before the earlier session must be read too.
TEST(Attention, AWorseScoreOnTheNextSessionsOwnDayNeedsThePainBeforeTheEarlierSession) {
  const Date first = add_days(kToday, -(kAttentionWindowDays - 1));
  const Date from = attention_reads_from(kToday);
  AttentionInputs in = shared();
  in.journal.pain.clear();
  in.journal.pain.push_back({add_days(from, -1), "upper-trapezius", Side::both, 0});  // before what is read
  in.journal.sessions.push_back(scrape(add_days(from, 1)));                           // worked before the window too
  in.journal.sessions.push_back(scrape(add_days(first, -2)));
  in.journal.sessions.push_back(scrape(first));
  in.journal.pain.push_back({first, "upper-trapezius", Side::both, 1});  // the day of the next session
  in.journal.notes.push_back({add_days(kToday, -1), "a note"});          // not inactive
  ASSERT_TRUE(has(attention_flags(kKb, in, kToday), AttentionKind::pain_worse_after));
  AttentionInputs recent = in;
  recent.journal.pain.erase(recent.journal.pain.begin());
  EXPECT_FALSE(has(attention_flags(kKb, recent, kToday), AttentionKind::pain_worse_after));
  EXPECT_FALSE(recent_journal_suffices(kKb, recent, from, kToday));
}

// A home program's review date (review_span) decides whether the review must
// be read, not the person's own week 4.
TEST(Attention, TheRecentJournalMustHoldTheReviewOfAHomeProgramOnItsOwnDate) {
  const Date from = attention_reads_from(kToday);
  AttentionInputs in = shared();
  in.journal.pain.clear();                                       // no recent pain score for the target region
  in.journal.notes.push_back({add_days(kToday, -1), "a note"});  // not inactive
  in.profile = fixture::desk_worker();
  in.profile->start = add_days(kToday, -10);  // the person's own week 4 is still ahead
  Plan original;
  original.start = add_days(kToday, -21);
  original.review = add_days(kToday, -1);  // the program's review has passed
  original.end = add_days(kToday, 20);
  in.original = original;
  EXPECT_TRUE(recent_journal_suffices(kKb, in, from, kToday)) << "the person's own plan: no review yet";
  in.original->program_id = 1;
  EXPECT_FALSE(recent_journal_suffices(kKb, in, from, kToday)) << "the program's review needs each region's pain";
}
