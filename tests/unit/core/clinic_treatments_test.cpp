// Issue 10, point 4: what a practitioner did in clinic enters the treatment
// ledger. Work of a kind that counts as a load holds home work on the same
// tissue back like a home session would (the gaps, the instrument sessions
// per 7 days), in the plan, in "why not today" and in the independent plan
// checker; a kind that counts as nothing holds nothing back.
#include <gtest/gtest.h>

#include <algorithm>

#include "fascia/core/plan_check.hpp"
#include "fascia/core/planner.hpp"
#include "fascia/core/reason_groups.hpp"
#include "fascia/core/treatment_ledger.hpp"
#include "fixture_kb.hpp"

using namespace fascia::core;
using fixture::day;

namespace {

const KnowledgeBase kKb = fixture::kb();

// A desk worker free every day from Monday 23 November 2026.
struct World {
  Profile profile = [] {
    Profile p = fixture::desk_worker();
    p.weekdays = {0, 1, 2, 3, 4, 5, 6};
    return p;
  }();
  Clearance clearance = evaluate_screening(kKb, fixture::all_clear(kKb));
  Journal journal;
  std::set<std::string> tools{"starter-instrument", "foam-roller"};
  Date today = day("2026-11-23");

  PlanInputs inputs() const { return PlanInputs{kKb, profile, tools, clearance, journal, today}; }
  Plan plan() const { return build_plan(inputs()); }
  TodayView today_view() const { return fascia::core::today_view(inputs(), plan()); }
};

ClinicTreatmentEntry clinic(const char* date, const std::string& treatment, std::vector<RegionSide> regions) {
  ClinicTreatmentEntry e;
  e.id = 1;
  e.date = day(date);
  e.treatment = treatment;
  e.regions = std::move(regions);
  e.pressure = 4;
  e.minutes = 5;
  e.practitioner_id = 7;
  e.practitioner = "pat";
  e.clinic_id = 1;
  return e;
}

SessionEntry home_neck(const char* date) {
  SessionEntry s;
  s.date = day(date);
  s.protocol = "neck";
  s.steps.push_back({1, "sweep-along-fibres", "upper-trapezius", Side::both, Modality::instrument, StepStatus::done, 18,
                     0, 5, "", ""});
  return s;
}

std::vector<Date> dates_with(const Plan& plan, const std::string& protocol) {
  std::vector<Date> out;
  for (const auto& d : plan.days)
    for (const auto& s : d.sessions)
      if (s.protocol == protocol) out.push_back(d.date);
  return out;
}

const Reason* reason_for(const std::vector<Reason>& reasons, const std::string& rule) {
  const auto found = std::find_if(reasons.begin(), reasons.end(), [&](const Reason& r) { return r.rule == rule; });
  return found == reasons.end() ? nullptr : &*found;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(ClinicTreatments, TheLedgerCountsClinicWorkOnEachRegionAsItsKindCounts) {
  Journal journal;
  journal.clinic_treatments = {
      clinic("2026-11-23", "clinic-iastm", {{"upper-trapezius", Side::left}, {"scalenes", Side::both}}),
      clinic("2026-11-24", "swedish-massage", {{"upper-trapezius", Side::both}}),
      clinic("2026-11-25", "no-such-treatment", {{"calves", Side::both}})};
  const auto events = TreatmentLedger::from_journal(kKb, journal).events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].region, "upper-trapezius");
  EXPECT_EQ(events[0].side, Side::left);
  EXPECT_EQ(events[0].modality, Modality::instrument);
  EXPECT_EQ(events[0].origin, LoadOrigin::clinic);
  EXPECT_EQ(events[1].region, "scalenes");
}

// The 48 h instrument gap: Monday's clinic work holds home work until Wednesday.
TEST(ClinicTreatments, MondaysClinicInstrumentWorkHoldsHomeInstrumentWorkThereUntilWednesday) {
  World w;
  w.today = day("2026-11-24");  // Tuesday
  w.journal.clinic_treatments = {clinic("2026-11-23", "clinic-iastm", {{"upper-trapezius", Side::left}})};
  const auto dates = dates_with(w.plan(), "neck");
  ASSERT_FALSE(dates.empty());
  EXPECT_EQ(dates.front(), day("2026-11-25")) << "first home instrument session: " << format_date(dates.front());

  const TodayView view = w.today_view();
  EXPECT_TRUE(view.due.empty());
  const Reason* gap = reason_for(view.not_today, "instrument-min-hours-between");
  ASSERT_NE(gap, nullptr);
  EXPECT_TRUE(contains(gap->text, "instrument work in clinic on Monday, 23 November 2026")) << gap->text;
  EXPECT_EQ(gap->region, "upper-trapezius");
  const auto groups = group_reasons(view.not_today);
  const auto group = std::find_if(groups.begin(), groups.end(),
                                  [](const ReasonGroup& g) { return g.rule == "instrument-min-hours-between"; });
  ASSERT_NE(group, groups.end());
  EXPECT_TRUE(contains(group->text, "instrument work in clinic on Monday, 23 November 2026")) << group->text;
  EXPECT_EQ(group->date, day("2026-11-25"));
}

// The same clinic work seen on the day itself: nothing at home that day.
TEST(ClinicTreatments, ClinicInstrumentWorkTodayMeansNoHomeInstrumentWorkThereToday) {
  World w;
  w.journal.clinic_treatments = {clinic("2026-11-23", "clinic-iastm", {{"upper-trapezius", Side::right}})};
  EXPECT_EQ(dates_with(w.plan(), "neck").front(), day("2026-11-25"));
  World without;
  EXPECT_EQ(dates_with(without.plan(), "neck").front(), day("2026-11-23"));
}

// At most 3 instrument sessions on a region in any 7 days, clinic ones included.
TEST(ClinicTreatments, TwoHomeAndOneClinicInstrumentSessionsInSevenDaysLeaveNoRoomForAFourth) {
  World w;
  w.profile.start = day("2026-11-16");
  w.today = day("2026-11-22");  // Sunday
  w.journal.sessions = {home_neck("2026-11-16"), home_neck("2026-11-20")};
  // Each followed by a settled check-in, so that only the caps stand in the way.
  for (const char* checkin : {"2026-11-17", "2026-11-21"})
    w.journal.reactions.push_back({day(checkin), "upper-trapezius", Side::both, false, false, false, 0});
  World without = w;
  w.journal.clinic_treatments = {clinic("2026-11-18", "clinic-iastm", {{"upper-trapezius", Side::both}})};

  ASSERT_EQ(dates_with(without.plan(), "neck").front(), day("2026-11-22")) << "room for a third without the clinic";
  const auto dates = dates_with(w.plan(), "neck");
  ASSERT_FALSE(dates.empty());
  EXPECT_EQ(dates.front(), day("2026-11-23")) << "the 16th has left the 7 days";

  const TodayView view = w.today_view();
  const Reason* cap = reason_for(view.not_today, "instrument-sessions-per-7-days");
  ASSERT_NE(cap, nullptr);
  EXPECT_TRUE(contains(cap->text, "already 3 instrument sessions (1 of them in clinic)")) << cap->text;
  EXPECT_TRUE(contains(cap->general, "1 of them in clinic")) << cap->general;
}

// From a new-user trial: clinic work recorded on a day of a home session
// counted as one session with it (the count was of days), so a fourth
// instrument session fitted in 7 days. They are two sessions.
TEST(ClinicTreatments, AHomeSessionAndClinicWorkOnTheSameDayAreTwoSessions) {
  World w;
  w.profile.start = day("2026-11-16");
  w.today = day("2026-11-22");  // Sunday
  w.journal.sessions = {home_neck("2026-11-16"), home_neck("2026-11-20")};
  w.journal.sessions[0].id = 1;
  w.journal.sessions[1].id = 2;
  for (const char* checkin : {"2026-11-17", "2026-11-21"})
    w.journal.reactions.push_back({day(checkin), "upper-trapezius", Side::both, false, false, false, 0});
  World without = w;
  w.journal.clinic_treatments = {clinic("2026-11-20", "clinic-iastm", {{"upper-trapezius", Side::left}})};

  ASSERT_EQ(dates_with(without.plan(), "neck").front(), day("2026-11-22")) << "room for a third without the clinic";
  const auto conflicts = TreatmentLedger::from_journal(kKb, w.journal)
                             .cap_conflicts(kKb, "upper-trapezius", Side::left, Modality::instrument, w.today);
  const Reason* cap = reason_for(conflicts, "instrument-sessions-per-7-days");
  ASSERT_NE(cap, nullptr) << "16th at home, 20th at home and in clinic: three sessions already";
  EXPECT_TRUE(contains(cap->text, "already 3 instrument sessions (1 of them in clinic)")) << cap->text;
  const auto dates = dates_with(w.plan(), "neck");
  ASSERT_FALSE(dates.empty());
  EXPECT_EQ(dates.front(), day("2026-11-23")) << "the 16th has left the 7 days";
  // The independent checker counts sessions too: a plan placing the 22nd is caught.
  const auto violations =
      check_plan(kKb, w.clearance, analyse_journal(kKb, w.profile, w.journal), w.journal, without.plan());
  EXPECT_TRUE(std::any_of(violations.begin(), violations.end(), [](const Violation& v) {
    return v.rule == "instrument-sessions-per-7-days" && v.date == day("2026-11-22");
  }));
}

// Found by the plan property (a seed in a CI run): sessions not stored yet
// carry no id; two on one day were merged into one for the weekly count, so
// the scheduler placed a fourth session its own checker then removed. Each
// entry is its own session whatever its id.
TEST(ClinicTreatments, SessionsWithoutAnIdOnOneDayAreEachASession) {
  Journal journal;
  for (const char* date : {"2026-11-16", "2026-11-16", "2026-11-18"}) journal.sessions.push_back(home_neck(date));
  const auto conflicts =
      TreatmentLedger::from_journal(kKb, journal)
          .cap_conflicts(kKb, "upper-trapezius", Side::left, Modality::instrument, day("2026-11-21"));
  const Reason* cap = reason_for(conflicts, "instrument-sessions-per-7-days");
  ASSERT_NE(cap, nullptr) << "three sessions in the 7 days, two of them on the 16th";
  EXPECT_TRUE(contains(cap->text, "already 3 instrument sessions")) << cap->text;
}

// Compression and pressure work in clinic share the home compression gap (24 h).
TEST(ClinicTreatments, ClinicCompressionAndPressureWorkRespectTheCompressionGap) {
  for (const char* kind : {"bodyweight-compression", "trigger-point-massage"}) {
    World w;
    w.profile.regions = {{"calves", Side::both, 5}};
    w.journal.clinic_treatments = {clinic("2026-11-23", kind, {{"calves", Side::left}})};
    const auto dates = dates_with(w.plan(), "compression-calves");
    ASSERT_FALSE(dates.empty()) << kind;
    EXPECT_EQ(dates.front(), day("2026-11-24")) << kind;
    const TodayView view = w.today_view();
    const Reason* gap = reason_for(view.not_today, "compression-min-hours-between");
    ASSERT_NE(gap, nullptr) << kind;
    const std::string work = std::string(kind) == "bodyweight-compression" ? "compression work" : "pressure work";
    EXPECT_TRUE(contains(gap->text, work + " in clinic on Monday, 23 November 2026")) << gap->text;

    World without = w;
    without.journal.clinic_treatments.clear();
    EXPECT_EQ(dates_with(without.plan(), "compression-calves").front(), day("2026-11-23")) << kind;
  }
}

// Clinic instrument work is not compression: the two gaps stay apart, as at home.
TEST(ClinicTreatments, ClinicInstrumentWorkDoesNotHoldCompressionWorkBack) {
  World w;
  w.profile.regions = {{"calves", Side::both, 5}};
  w.journal.clinic_treatments = {clinic("2026-11-23", "clinic-iastm", {{"calves", Side::both}})};
  EXPECT_EQ(dates_with(w.plan(), "compression-calves").front(), day("2026-11-23"));
}

TEST(ClinicTreatments, AMassageKindThatCountsAsNothingHoldsNothingBack) {
  World w;
  w.journal.clinic_treatments = {clinic("2026-11-23", "swedish-massage", {{"upper-trapezius", Side::both}})};
  EXPECT_TRUE(TreatmentLedger::from_journal(kKb, w.journal).events().empty());
  EXPECT_EQ(dates_with(w.plan(), "neck"), dates_with(World{}.plan(), "neck"));
  EXPECT_FALSE(w.today_view().due.empty());
}

// The scalenes are the practitioner's: clinic work there is recorded and
// counted, and the region stays out of every home plan.
TEST(ClinicTreatments, ClinicWorkOnTheScalenesIsCountedAndLeavesThemOutOfTheHomePlan) {
  World w;
  w.profile.regions.push_back({"scalenes", Side::both, 5});
  w.journal.clinic_treatments = {clinic("2026-11-20", "clinic-iastm", {{"scalenes", Side::left}})};
  const auto ledger = TreatmentLedger::from_journal(kKb, w.journal);
  EXPECT_FALSE(ledger.cap_conflicts(kKb, "scalenes", Side::left, Modality::instrument, day("2026-11-21")).empty());
  const Plan plan = w.plan();
  ASSERT_EQ(plan.excluded.size(), 1u);
  EXPECT_EQ(plan.excluded[0].region, "scalenes");
  EXPECT_EQ(plan.excluded[0].reasons[0].rule, "practitioner-only");
  for (const auto& d : plan.days)
    for (const auto& s : d.sessions)
      for (const auto& st : s.steps) EXPECT_NE(st.region, "scalenes");
  EXPECT_TRUE(check_plan(kKb, w.clearance, analyse_journal(kKb, w.profile, w.journal), w.journal, plan).empty());
}

// The oracle must count clinic work itself: a plan made as if the clinic
// visit had not happened breaks the gap and the weekly count.
TEST(ClinicTreatments, ThePlanCheckerCountsClinicWork) {
  World w;
  const Plan blind = w.plan();  // made without the clinic visit: a session today, Monday
  ASSERT_EQ(dates_with(blind, "neck").front(), day("2026-11-23"));
  w.journal.clinic_treatments = {clinic("2026-11-22", "clinic-iastm", {{"upper-trapezius", Side::left}})};
  const auto violations = check_plan(kKb, w.clearance, analyse_journal(kKb, w.profile, w.journal), w.journal, blind);
  ASSERT_FALSE(violations.empty());
  EXPECT_EQ(violations[0].rule, "instrument-min-hours-between");
  EXPECT_EQ(violations[0].date, day("2026-11-23"));

  w.journal.clinic_treatments = {clinic("2026-11-22", "swedish-massage", {{"upper-trapezius", Side::left}})};
  EXPECT_TRUE(check_plan(kKb, w.clearance, analyse_journal(kKb, w.profile, w.journal), w.journal, blind).empty());
  EXPECT_EQ(w.plan().removed_by_final_check, 0);
}

// ADR 0003 for clinic work: home instrument work on tissue the practitioner
// scraped waits, past the 48 h gap, for a check-in that reports it settled.
TEST(ClinicTreatments, ClinicInstrumentWorkWaitsForASettledCheckInLikeAHomeSession) {
  World w;
  w.today = day("2026-11-25");  // Wednesday: the 48 h gap after Monday is over
  w.journal.clinic_treatments = {clinic("2026-11-23", "clinic-iastm", {{"upper-trapezius", Side::left}})};

  // No check-in since the clinic work: held, saying how to check in.
  TodayView view = w.today_view();
  EXPECT_TRUE(view.due.empty());
  const Reason* unconfirmed = reason_for(view.not_today, "reaction-unconfirmed");
  ASSERT_NE(unconfirmed, nullptr);
  EXPECT_TRUE(contains(unconfirmed->text, "no check-in since instrument work in clinic on Monday, 23 November 2026"))
      << unconfirmed->text;
  EXPECT_TRUE(contains(unconfirmed->text, "fascia log reaction")) << unconfirmed->text;

  // Soreness 7/10 with redness on Wednesday: still held, naming what was logged.
  w.journal.reactions.push_back({day("2026-11-25"), "upper-trapezius", Side::left, true, false, false, 7});
  view = w.today_view();
  EXPECT_TRUE(view.due.empty());
  const Reason* unresolved = reason_for(view.not_today, "reaction-unresolved");
  ASSERT_NE(unresolved, nullptr);
  EXPECT_TRUE(contains(unresolved->text, "after instrument work in clinic on Monday, 23 November 2026"))
      << unresolved->text;

  // Settled on Thursday: the home session is due.
  w.today = day("2026-11-26");
  w.journal.reactions.push_back({day("2026-11-26"), "upper-trapezius", Side::left, false, false, false, 1});
  view = w.today_view();
  EXPECT_FALSE(view.due.empty());
  EXPECT_EQ(reason_for(view.not_today, "reaction-unresolved"), nullptr);
}

TEST(ClinicTreatments, OnlyClinicWorkThatCountsAsInstrumentWorkWaitsForACheckIn) {
  for (const char* kind : {"swedish-massage", "bodyweight-compression", "trigger-point-massage"}) {
    Journal j;
    j.clinic_treatments = {clinic("2026-11-23", kind, {{"upper-trapezius", Side::both}})};
    EXPECT_TRUE(reaction_gate(kKb, j, "upper-trapezius", Side::both, day("2026-11-26")).empty()) << kind;
  }
  Journal j;
  j.clinic_treatments = {clinic("2026-11-23", "clinic-iastm", {{"upper-trapezius", Side::left}})};
  EXPECT_TRUE(reaction_gate(kKb, j, "upper-trapezius", Side::right, day("2026-11-26")).empty())
      << "the other side was not worked";
  EXPECT_TRUE(reaction_gate(kKb, j, "upper-trapezius", Side::left, day("2026-11-23")).empty())
      << "work on the day itself is the gap's to hold, not the check-in's";
  EXPECT_FALSE(reaction_gate(kKb, j, "upper-trapezius", Side::both, day("2026-11-26")).empty());
}

// A home session after the clinic visit is the last instrument work: its own
// check-in wording applies, and a check-in after it releases both.
TEST(ClinicTreatments, TheLaterOfHomeAndClinicWorkIsTheOneACheckInMustFollow) {
  Journal j;
  j.clinic_treatments = {clinic("2026-11-20", "clinic-iastm", {{"upper-trapezius", Side::both}})};
  j.sessions = {home_neck("2026-11-23")};
  j.reactions.push_back({day("2026-11-21"), "upper-trapezius", Side::both, false, false, false, 0});
  auto gate = reaction_gate(kKb, j, "upper-trapezius", Side::both, day("2026-11-25"));
  ASSERT_EQ(gate.size(), 1u);
  EXPECT_TRUE(contains(gate[0].text, "no check-in since the session on Monday, 23 November 2026")) << gate[0].text;
  j.reactions.push_back({day("2026-11-24"), "upper-trapezius", Side::both, false, false, false, 0});
  EXPECT_TRUE(reaction_gate(kKb, j, "upper-trapezius", Side::both, day("2026-11-25")).empty());
}

// The day a confirmation names agrees with the ledger: the gap holds every
// day before it and none from it on.
TEST(ClinicTreatments, HomeWorkResumesOnTheFirstDayTheGapAllows) {
  const auto instrument = clinic("2026-11-23", "clinic-iastm", {{"upper-trapezius", Side::left}});
  EXPECT_EQ(home_work_resumes(kKb, instrument), day("2026-11-25"));
  EXPECT_EQ(home_work_resumes(kKb, clinic("2026-11-23", "trigger-point-massage", {{"calves", Side::left}})),
            day("2026-11-24"));
  EXPECT_EQ(home_work_resumes(kKb, clinic("2026-11-23", "swedish-massage", {{"calves", Side::left}})), std::nullopt);
  EXPECT_EQ(home_work_resumes(kKb, clinic("2026-11-23", "no-such-kind", {{"calves", Side::left}})), std::nullopt);

  Journal j;
  j.clinic_treatments = {instrument};
  const auto ledger = TreatmentLedger::from_journal(kKb, j);
  for (Date d = instrument.date; d < day("2026-11-28"); d = add_days(d, 1)) {
    const bool held = !ledger.cap_conflicts(kKb, "upper-trapezius", Side::left, Modality::instrument, d).empty();
    EXPECT_EQ(held, d < *home_work_resumes(kKb, instrument)) << format_date(d);
  }
}
