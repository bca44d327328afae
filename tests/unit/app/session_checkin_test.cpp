// One check-in for a whole session (app/session_checkin) on the memory store
// and the hand-built knowledge base of the core tests.
#include "fascia/app/session_checkin.hpp"

#include <gtest/gtest.h>

#include "fascia/adapters/memory_store.hpp"
#include "fascia/core/journal_analysis.hpp"
#include "unit/core/fixture_kb.hpp"

using namespace fascia;
using core::Side;
using fixture::day;

namespace {

const core::KnowledgeBase kKb = fixture::kb();

core::StepLog scraped(const char* region, Side side, core::StepStatus status = core::StepStatus::done) {
  return {1, "sweep-along-fibres", region, side, core::Modality::instrument, status, 12, 0, 4, "", ""};
}

// A session on 2026-11-23 that scraped four areas (the trapezius on both
// sides, as two cards), rolled the calves and skipped the abdomen.
core::SessionEntry four_area_session() {
  core::SessionEntry s;
  s.date = day("2026-11-23");
  s.protocol = "neck";
  s.steps = {scraped("upper-trapezius", Side::left),  scraped("upper-trapezius", Side::right),
             scraped("levator-scapulae", Side::left), scraped("suboccipitals", Side::both),
             scraped("scalenes", Side::right),        scraped("abdomen", Side::both, core::StepStatus::skipped)};
  s.steps.push_back({7, "roll", "calves", Side::both, core::Modality::compression, core::StepStatus::done, 0, 60,
                     std::nullopt, "", ""});
  return s;
}

struct Fixture {
  std::unique_ptr<adapters::MemoryStore> store = std::make_unique<adapters::MemoryStore>();
  std::int64_t session_id = 0;
  Fixture() { session_id = *store->add_session(four_area_session()); }
  std::vector<core::Reason> holds(const char* on) {
    auto journal = store->load_journal();
    std::vector<core::Reason> out;
    for (const auto& [region, side] : std::vector<std::pair<std::string, Side>>{{"upper-trapezius", Side::left},
                                                                                {"upper-trapezius", Side::right},
                                                                                {"levator-scapulae", Side::left},
                                                                                {"suboccipitals", Side::both},
                                                                                {"scalenes", Side::right}})
      for (auto& r : core::reaction_gate(kKb, *journal, region, side, day(on))) out.push_back(r);
    return out;
  }
};

}  // namespace

TEST(SessionCheckin, TheFormListsEveryAreaTheInstrumentWorkedOnceAndSaysWhenItCounts) {
  Fixture f;
  auto journal = f.store->load_journal();
  auto form = app::session_checkin_form(*journal, kKb, std::nullopt);
  ASSERT_TRUE(form) << form.error().message;
  EXPECT_EQ(form->session_id, f.session_id);
  EXPECT_EQ(form->counts_from, day("2026-11-24"));  // checkin_after_hours 24 in the fixture
  std::vector<std::pair<std::string, Side>> areas;
  for (const auto& a : form->areas) areas.emplace_back(a.region, a.side);
  EXPECT_EQ(areas, (std::vector<std::pair<std::string, Side>>{{"upper-trapezius", Side::both},
                                                              {"levator-scapulae", Side::left},
                                                              {"suboccipitals", Side::both},
                                                              {"scalenes", Side::right}}));
}

TEST(SessionCheckin, OneAllSettledCheckInReleasesEveryAreaOfTheSession) {
  Fixture f;
  EXPECT_EQ(f.holds("2026-11-25").size(), 5u) << "each worked area is held before any check-in";
  auto saved = app::record_session_checkin(kKb, *f.store, f.session_id, 0, {}, day("2026-11-24"), day("2026-11-24"));
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->saved.size(), 4u);
  EXPECT_FALSE(saved->early);
  EXPECT_TRUE(saved->not_settled.empty());
  EXPECT_TRUE(f.holds("2026-11-25").empty()) << f.holds("2026-11-25").front().text;
}

TEST(SessionCheckin, ACheckInOnTheSessionDayIsKeptButReleasesNothing) {
  Fixture f;
  auto saved = app::record_session_checkin(kKb, *f.store, std::nullopt, 0, {}, day("2026-11-23"), day("2026-11-23"));
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_TRUE(saved->early);
  EXPECT_EQ(saved->form.counts_from, day("2026-11-24"));
  const auto held = f.holds("2026-11-25");
  ASSERT_EQ(held.size(), 5u);
  EXPECT_NE(held.front().text.find("check in from Tuesday, 24 November 2026 on"), std::string::npos) << held.front().text;
}

TEST(SessionCheckin, AnAdjustedSideHoldsOnlyThatSide) {
  Fixture f;
  core::ReactionEntry left_red{{}, "upper-trapezius", Side::left, true, false, false, 2};
  auto saved =
      app::record_session_checkin(kKb, *f.store, f.session_id, 0, {left_red}, day("2026-11-24"), day("2026-11-24"));
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->not_settled, std::vector<std::string>{"upper-trapezius"});
  const auto held = f.holds("2026-11-25");
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held.front().rule, "reaction-unresolved");
  auto journal = f.store->load_journal();
  EXPECT_TRUE(core::reaction_gate(kKb, *journal, "upper-trapezius", Side::right, day("2026-11-25")).empty());
}

TEST(SessionCheckin, RefusesAnAreaTheSessionDidNotWorkAndStoresNothing) {
  Fixture f;
  core::ReactionEntry calves{{}, "calves", Side::both, true, false, false, 0};
  auto saved =
      app::record_session_checkin(kKb, *f.store, f.session_id, 0, {calves}, day("2026-11-24"), day("2026-11-24"));
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, core::ErrorCode::invalid_argument);
  EXPECT_NE(saved.error().message.find("calves"), std::string::npos);
  EXPECT_TRUE(f.store->load_journal()->reactions.empty());
}

TEST(SessionCheckin, RefusesAnUnknownSessionADateBeforeItAndSorenessOutOfRange) {
  Fixture f;
  auto unknown = app::record_session_checkin(kKb, *f.store, 999, 0, {}, day("2026-11-24"), day("2026-11-24"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, core::ErrorCode::not_found);
  auto before = app::record_session_checkin(kKb, *f.store, f.session_id, 0, {}, day("2026-11-22"), day("2026-11-24"));
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().code, core::ErrorCode::bad_date);
  auto sore = app::record_session_checkin(kKb, *f.store, f.session_id, 11, {}, day("2026-11-24"), day("2026-11-24"));
  ASSERT_FALSE(sore);
  EXPECT_EQ(sore.error().code, core::ErrorCode::out_of_range);
  EXPECT_TRUE(f.store->load_journal()->reactions.empty());
}

TEST(SessionCheckin, AFailedSaveStoresNoneOfTheAreasAndEveryHoldStays) {
  Fixture f;
  f.store->database().fail_write({core::ErrorCode::db_full, "the disk is full"});
  auto saved = app::record_session_checkin(kKb, *f.store, f.session_id, 0, {}, day("2026-11-24"), day("2026-11-24"));
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, core::ErrorCode::db_full);
  EXPECT_TRUE(f.store->load_journal()->reactions.empty());
  EXPECT_EQ(f.holds("2026-11-25").size(), 5u);
}

// Without a session id the form follows the latest instrument work, at home
// or in clinic (a kind that counts as instrument work): after the session, the
// clinic's areas; on the session's own day, both together; and a session
// asked for by id is that session alone.
TEST(SessionCheckin, WithoutAnIdTheFormFollowsTheLatestInstrumentWorkAtHomeOrInClinic) {
  Fixture f;
  auto journal = *f.store->load_journal();
  core::ClinicTreatmentEntry clinic;
  clinic.id = 3;
  clinic.date = day("2026-11-25");
  clinic.treatment = "clinic-iastm";
  clinic.regions = {{"calves", Side::left}};
  clinic.minutes = 5;
  journal.clinic_treatments.push_back(clinic);
  auto after = app::session_checkin_form(journal, kKb, std::nullopt);
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_EQ(after->session_id, 0);
  EXPECT_EQ(after->clinic_treatment_id, 3);
  EXPECT_EQ(after->session_date, day("2026-11-25"));
  ASSERT_EQ(after->areas.size(), 1u);
  EXPECT_EQ(after->areas[0].region, "calves");
  EXPECT_EQ(after->areas[0].side, Side::left);

  journal.clinic_treatments[0].date = day("2026-11-23");  // the session's day
  auto same_day = app::session_checkin_form(journal, kKb, std::nullopt);
  ASSERT_TRUE(same_day);
  EXPECT_EQ(same_day->session_id, f.session_id);
  EXPECT_EQ(same_day->clinic_treatment_id, 3);
  EXPECT_EQ(same_day->areas.size(), 5u) << "the session's four areas and the clinic's";

  journal.clinic_treatments[0].date = day("2026-11-22");  // before the session: the session's alone
  EXPECT_EQ(app::session_checkin_form(journal, kKb, std::nullopt)->clinic_treatment_id, 0);
  journal.clinic_treatments[0].date = day("2026-11-25");
  EXPECT_EQ(app::session_checkin_form(journal, kKb, f.session_id)->clinic_treatment_id, 0) << "asked for by id";
  journal.clinic_treatments[0].treatment = "swedish-massage";  // counts as no load
  EXPECT_EQ(app::session_checkin_form(journal, kKb, std::nullopt)->session_id, f.session_id);
}
