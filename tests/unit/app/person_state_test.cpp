// A person's whole picture (app/person_state) on the memory store and the
// hand-built knowledge base of the core tests: loading it, recording a
// session with what comes with it, and progress.
#include "fascia/app/person_state.hpp"

#include <gtest/gtest.h>

#include "fascia/adapters/memory_store.hpp"
#include "fascia/app/due_session.hpp"
#include "unit/core/fixture_kb.hpp"

using namespace fascia;
using core::ErrorCode;
using fixture::day;

namespace {

const core::KnowledgeBase kKb = fixture::kb();
const core::Date kMonday = day("2026-11-23");

// The desk worker of the fixture, screened all clear, on a store of their own.
struct Person {
  adapters::MemoryStore store;
  Person() {
    EXPECT_TRUE(store.save_profile(fixture::desk_worker()));
    EXPECT_TRUE(store.add_screening(fixture::all_clear(kKb, day("2026-11-22"))));
  }
  app::PersonState load() {
    auto person = app::load_person(kKb, store);
    EXPECT_TRUE(person) << person.error().message;
    return person ? *person : app::PersonState{};
  }
};

core::PlannedSession neck_due_on(const app::PersonState& person, core::Date date) {
  auto due = app::due_session(app::current_today(kKb, person, date), "neck");
  EXPECT_TRUE(due) << due.error().message;
  return due ? *due : core::PlannedSession{};
}

// Every card done with pressure 3, as a person who follows the plan.
core::SessionEntry done_in_full(const core::PlannedSession& planned, core::Date date) {
  core::SessionRunner runner(kKb, planned, date);
  while (!runner.finished()) EXPECT_TRUE(runner.done(10, 3));
  return runner.log();
}

}  // namespace

TEST(LoadPerson, GathersTheProfileTheLatestScreeningEveryScreeningAndTheJournal) {
  Person p;
  const core::ScreeningRecord older = fixture::all_clear(kKb, day("2026-11-01"));  // stored last, dated first
  ASSERT_TRUE(p.store.add_screening(older));
  ASSERT_TRUE(p.store.add_pain({day("2026-11-22"), "upper-trapezius", core::Side::left, 5}));
  const app::PersonState person = p.load();
  EXPECT_EQ(person.profile, fixture::desk_worker());
  EXPECT_EQ(person.screening.date, day("2026-11-22"));
  ASSERT_EQ(person.screenings.size(), 2u);
  EXPECT_EQ(person.screenings.front(), older);
  ASSERT_EQ(person.journal.pain.size(), 1u);
  EXPECT_EQ(person.journal.pain.front().score, 5);
  EXPECT_EQ(person.tools, std::set<std::string>{"starter-instrument"});
  EXPECT_EQ(person.clearance.level, core::ClearanceLevel::cleared);
}

TEST(LoadPerson, DerivesTheClearanceFromTheLatestAnswers) {
  Person p;
  auto cautious = fixture::with_yes(kKb, {"headache-or-dizziness-history"});
  ASSERT_TRUE(p.store.add_screening(cautious));  // dated 2026-11-23, after the all-clear one
  const app::PersonState person = p.load();
  EXPECT_EQ(person.clearance.level, core::ClearanceLevel::self_care_with_cautions);
  ASSERT_EQ(person.clearance.findings.size(), 1u);
  EXPECT_EQ(person.clearance.findings.front().rule, "headache-history");
}

TEST(LoadPerson, WithoutAProfileOrAScreeningIsAPreconditionNamingTheCommand) {
  adapters::MemoryStore store;
  auto no_profile = app::load_person(kKb, store);
  ASSERT_FALSE(no_profile);
  EXPECT_EQ(no_profile.error().code, ErrorCode::precondition);
  EXPECT_NE(no_profile.error().message.find("fascia profile set"), std::string::npos);
  ASSERT_TRUE(store.save_profile(fixture::desk_worker()));
  auto no_screening = app::load_person(kKb, store);
  ASSERT_FALSE(no_screening);
  EXPECT_EQ(no_screening.error().code, ErrorCode::precondition);
  EXPECT_NE(no_screening.error().message.find("fascia screen"), std::string::npos);
}

TEST(RecordSession, StoresTheSessionWithASorenessCheckInForEveryAreaTheInstrumentWorked) {
  Person p;
  app::PersonState person = p.load();
  const core::PlannedSession planned = neck_due_on(person, kMonday);
  const auto worked = planned.regions_worked(core::Modality::instrument);
  ASSERT_FALSE(worked.empty());

  auto recorded = app::record_session(kKb, p.store, person, planned, done_in_full(planned, kMonday), 2, {}, kMonday);
  ASSERT_TRUE(recorded) << recorded.error().message;
  EXPECT_EQ(recorded->id, 1);
  EXPECT_EQ(recorded->clearance, std::nullopt);
  const core::Journal stored = *p.store.load_journal();
  ASSERT_EQ(stored.sessions.size(), 1u);
  EXPECT_EQ(stored.sessions.front().id, recorded->id);
  EXPECT_EQ(stored.sessions.front().protocol, "neck");
  ASSERT_EQ(stored.reactions.size(), worked.size());
  for (std::size_t i = 0; i < worked.size(); ++i) {
    EXPECT_EQ(stored.reactions[i].region, worked[i].first);
    EXPECT_EQ(stored.reactions[i].side, worked[i].second);
    EXPECT_EQ(stored.reactions[i].soreness, 2);
    EXPECT_EQ(stored.reactions[i].date, kMonday);
  }
  EXPECT_EQ(person.journal, stored) << "the person in hand matches the store";
  EXPECT_EQ(p.store.load_screenings()->size(), 1u);
}

TEST(RecordSession, AStopThatNamesAQuestionStoresItAnsweredYesAndHoldsTheAreas) {
  Person p;
  app::PersonState person = p.load();
  const core::PlannedSession planned = neck_due_on(person, kMonday);
  core::SessionRunner runner(kKb, planned, kMonday);
  ASSERT_TRUE(runner.done(10, 3));
  auto stop = runner.stop({"dizziness"});
  ASSERT_TRUE(stop) << stop.error().message;
  ASSERT_TRUE(runner.finished());

  auto recorded = app::record_session(kKb, p.store, person, planned, runner.log(), 2, {*stop}, kMonday);
  ASSERT_TRUE(recorded) << recorded.error().message;
  EXPECT_TRUE(p.store.load_journal()->reactions.empty()) << "a stopped session asks for no soreness";
  const auto latest = **p.store.latest_screening();
  EXPECT_EQ(latest.date, kMonday);
  EXPECT_TRUE(latest.answers.at("dizziness-with-neck-movement").yes);
  EXPECT_EQ(person.screening, latest);
  ASSERT_TRUE(recorded->clearance);
  EXPECT_EQ(recorded->clearance->level, core::ClearanceLevel::see_practitioner_first);
  // What is loaded afresh agrees with the person updated in hand.
  const app::PersonState reloaded = p.load();
  EXPECT_EQ(reloaded.clearance.level, person.clearance.level);
  EXPECT_EQ(reloaded.journal, person.journal);
}

TEST(RecordSession, RefusesAnInvalidSessionOrSorenessAndStoresNothing) {
  Person p;
  app::PersonState person = p.load();
  const core::PlannedSession planned = neck_due_on(person, kMonday);
  core::SessionEntry unknown = done_in_full(planned, kMonday);
  unknown.protocol = "no-such-protocol";
  auto refused = app::record_session(kKb, p.store, person, planned, unknown, 2, {}, kMonday);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::unknown_name);
  auto sore = app::record_session(kKb, p.store, person, planned, done_in_full(planned, kMonday), 11, {}, kMonday);
  ASSERT_FALSE(sore);
  EXPECT_EQ(sore.error().code, ErrorCode::out_of_range);
  EXPECT_EQ(*p.store.load_journal(), core::Journal{});
  EXPECT_EQ(*p.store.revision(), 2) << "the profile and the screening only";
}

TEST(RecordSession, AFailedWriteLeavesTheJournalAndThePersonInHandAsTheyWere) {
  Person p;
  app::PersonState person = p.load();
  const core::PlannedSession planned = neck_due_on(person, kMonday);
  core::SessionRunner runner(kKb, planned, kMonday);
  ASSERT_TRUE(runner.done(10, 3));
  auto stop = runner.stop({"dizziness"});
  ASSERT_TRUE(stop);
  const core::PersonData before = *p.store.export_all();
  const core::Journal journal_in_hand = person.journal;
  const core::ScreeningRecord screening_in_hand = person.screening;

  p.store.database().fail_write({ErrorCode::db_full, "the disk is full"});
  auto failed = app::record_session(kKb, p.store, person, planned, runner.log(), 2, {*stop}, kMonday);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::db_full);
  EXPECT_EQ(*p.store.export_all(), before);
  EXPECT_EQ(person.journal, journal_in_hand);
  EXPECT_EQ(person.screening, screening_in_hand);
  EXPECT_EQ(person.clearance.level, core::ClearanceLevel::cleared);
}

TEST(CurrentProgress, CountsALoggedSessionInItsWeekAndTracesPainAgainstTheBaseline) {
  Person p;
  app::PersonState person = p.load();
  const core::PlannedSession planned = neck_due_on(person, kMonday);
  ASSERT_TRUE(app::record_session(kKb, p.store, person, planned, done_in_full(planned, kMonday), 0, {}, kMonday));
  ASSERT_TRUE(p.store.add_pain({day("2026-11-25"), "upper-trapezius", core::Side::both, 3}));
  ASSERT_TRUE(p.store.add_clearance({day("2026-11-24"), "Dr Lee", {}, "", 0}));
  person = p.load();

  const core::Progress progress = app::current_progress(kKb, person, day("2026-11-26"));
  ASSERT_FALSE(progress.weeks.empty());
  EXPECT_EQ(progress.weeks.front().week_start, kMonday);
  EXPECT_EQ(progress.weeks.front().done, 1);
  EXPECT_GT(progress.weeks.front().planned, 0);
  ASSERT_EQ(progress.trends.size(), 1u);
  EXPECT_EQ(progress.trends.front().baseline, 6);
  EXPECT_EQ(progress.trends.front().latest, 3);
  EXPECT_TRUE(progress.trends.front().meaningful);
  ASSERT_EQ(progress.clearances.size(), 1u);
  EXPECT_EQ(progress.clearances.front().after_screenings, 1u);
}

namespace {

// The days of the plan as first made in [from, to], in order.
std::vector<core::Date> planned_days(const core::Plan& plan, core::Date from, core::Date to) {
  std::vector<core::Date> out;
  for (const auto& d : plan.days)
    if (d.date >= from && d.date <= to && !d.sessions.empty()) out.push_back(d.date);
  return out;
}

// A session on `date` stopped by dizziness after its first card: the
// warning sign it raises blocks every plan until a practitioner clears it.
void stopped_by_dizziness(Person& p, app::PersonState& person, core::Date date) {
  const core::PlannedSession planned = neck_due_on(person, date);
  core::SessionRunner runner(kKb, planned, date);
  ASSERT_TRUE(runner.done(10, 3));
  auto stop = runner.stop({"dizziness"});
  ASSERT_TRUE(stop) << stop.error().message;
  ASSERT_TRUE(app::record_session(kKb, p.store, person, planned, runner.log(), 2, {*stop}, date));
}

}  // namespace

TEST(CurrentProgress, AWarningSignCountsTheSessionsPrescribedBeforeItAndNoneWhileItHoldsThemBack) {
  Person p;
  app::PersonState person = p.load();
  const core::Date sunday = core::add_days(kMonday, 6);
  const std::vector<core::Date> days = planned_days(app::original_plan(kKb, person), kMonday, sunday);
  ASSERT_GE(days.size(), 3u) << "the plan places at least three sessions in the first week";

  // Two sessions as planned (the skin settled in between), the second
  // stopped by a warning sign.
  const core::PlannedSession first = neck_due_on(person, days[0]);
  ASSERT_TRUE(app::record_session(kKb, p.store, person, first, done_in_full(first, days[0]), 0, {}, days[0]));
  for (const auto& [region, side] : first.regions_worked(core::Modality::instrument))
    ASSERT_TRUE(p.store.add_reaction({core::add_days(days[0], 1), region, side, false, false, false, 0}));
  person = p.load();
  stopped_by_dizziness(p, person, days[1]);
  person = p.load();
  ASSERT_TRUE(app::current_plan(kKb, person, sunday).days.empty()) << "the warning sign holds back every area";

  const core::Progress progress = app::current_progress(kKb, person, sunday);
  ASSERT_FALSE(progress.weeks.empty());
  EXPECT_EQ(progress.weeks.front().done, 2);
  EXPECT_EQ(progress.weeks.front().planned, 2)
      << "the two sessions prescribed up to the warning sign count; none after it, while it blocks the plan";
  const core::Progress at_review = app::current_progress(kKb, person, core::add_days(kMonday, 28));
  EXPECT_EQ(at_review.review.sessions_done, 2);
  EXPECT_EQ(at_review.review.sessions_planned, 2) << "the review counts the same sessions";
  for (std::size_t w = 1; w < at_review.weeks.size(); ++w) EXPECT_EQ(at_review.weeks[w].planned, 0) << "week " << w;
}

TEST(CurrentProgress, AfterAClearanceLiftsTheWarningSignThePlanCountsAgainFromThatDay) {
  Person p;
  app::PersonState person = p.load();
  const core::Plan clear = app::original_plan(kKb, person);
  const std::vector<core::Date> first_week = planned_days(clear, kMonday, core::add_days(kMonday, 6));
  ASSERT_FALSE(first_week.empty());
  stopped_by_dizziness(p, person, first_week[0]);

  // A practitioner clears it on the second Monday, and the answer is no again.
  const core::Date week_two = core::add_days(kMonday, 7);
  core::ScreeningRecord again = fixture::all_clear(kKb, week_two);
  ASSERT_TRUE(p.store.add_screening(again));
  ASSERT_TRUE(p.store.add_clearance({week_two, "Dr Lee", {}, "", 0}));
  person = p.load();
  ASSERT_FALSE(app::current_plan(kKb, person, week_two).days.empty()) << "the plan is back";

  const core::Progress progress = app::current_progress(kKb, person, core::add_days(kMonday, 20));
  ASSERT_GE(progress.weeks.size(), 3u);
  EXPECT_EQ(progress.weeks[0].planned, 1) << "only the session done before the warning sign";
  EXPECT_EQ(static_cast<std::size_t>(progress.weeks[1].planned),
            planned_days(clear, week_two, core::add_days(week_two, 6)).size())
      << "the whole second week, from the day of the clearance";
}
