// save_draft: the one replay of a guided session's events (the terminal's
// kept sessions and POST /api/v1/sessions), with a typed refusal for each
// way it can fail and nothing written when it does; on the memory store.
#include "fascia/app/session_events.hpp"

#include <gtest/gtest.h>

#include "fascia/adapters/memory_store.hpp"
#include "fascia/app/due_session.hpp"
#include "fascia/core/screening.hpp"
#include "unit/core/fixture_kb.hpp"

using namespace fascia;
using fixture::day;
using Why = app::DraftRefusal::Why;
using Kind = app::SessionEvent::Kind;

namespace {

const core::KnowledgeBase kKb = fixture::kb();
const core::Date kMonday = day("2026-11-23");  // a session day of fixture::desk_worker

struct Fixture {
  std::unique_ptr<adapters::MemoryStore> store = std::make_unique<adapters::MemoryStore>();
  app::PersonState person;

  explicit Fixture(const core::ScreeningRecord& screening = fixture::all_clear(kKb)) {
    EXPECT_TRUE(store->save_profile(fixture::desk_worker()));
    EXPECT_TRUE(store->add_screening(screening));
    reload();
  }
  void reload() {
    auto loaded = app::load_person(kKb, *store);
    ASSERT_TRUE(loaded) << loaded.error().message;
    person = std::move(*loaded);
  }
  // How many steps the session due on `date` has.
  std::size_t cards(core::Date date = kMonday) {
    auto due = app::due_session(app::current_today(kKb, person, date), "neck");
    EXPECT_TRUE(due) << due.error().message;
    return due ? core::SessionRunner(kKb, *due, date).cards().size() : 0;
  }
  std::size_t sessions_stored() { return store->load_journal()->sessions.size(); }
};

app::SessionEvent done(int amount) { return {Kind::done, amount, std::nullopt, "", {}}; }

app::SessionDraft draft_of(std::vector<app::SessionEvent> events, bool finished = true) {
  return {1, kMonday, "neck", std::move(events), finished, std::nullopt};
}

}  // namespace

TEST(SaveDraft, ReplaysEveryEventIntoTheSessionOfItsDayAndStoresIt) {
  Fixture f;
  const std::size_t n = f.cards();
  ASSERT_GT(n, 1u);
  std::vector<app::SessionEvent> events(n, done(10));
  events[1] = {Kind::skip, 0, std::nullopt, "no time", {}};
  auto saved = app::save_draft(kKb, *f.store, f.person, draft_of(events));
  ASSERT_TRUE(saved) << saved.error().error.message;
  EXPECT_GT(saved->entry.id, 0);
  EXPECT_EQ(saved->cards, n);
  ASSERT_EQ(f.sessions_stored(), 1u);
  const core::SessionEntry stored = f.store->load_journal()->sessions.at(0);
  EXPECT_EQ(stored.id, saved->entry.id);
  EXPECT_EQ(stored.date, kMonday);
  ASSERT_EQ(stored.steps.size(), n);
  EXPECT_EQ(stored.steps[1].status, core::StepStatus::skipped);
  EXPECT_EQ(stored.steps[1].note, "no time");
  EXPECT_EQ(stored.steps[0].status, core::StepStatus::done);
}

TEST(SaveDraft, AnUnfinishedDraftIsRefusedUnlessTheRestIsToBeSkipped) {
  Fixture f;
  auto refused = app::save_draft(kKb, *f.store, f.person, draft_of({done(10)}, false));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().why, Why::unfinished);
  EXPECT_EQ(f.sessions_stored(), 0u);

  auto kept =
      app::save_draft(kKb, *f.store, f.person, draft_of({done(10)}, false), app::UnfinishedDraft::skip_the_rest);
  ASSERT_TRUE(kept) << kept.error().error.message;
  const auto steps = f.store->load_journal()->sessions.at(0).steps;
  EXPECT_EQ(steps.front().status, core::StepStatus::done);
  for (std::size_t i = 1; i < steps.size(); ++i) EXPECT_EQ(steps[i].status, core::StepStatus::skipped) << i;
}

TEST(SaveDraft, TooFewEventsSayHowManyStepsTheSessionHas) {
  Fixture f;
  const std::size_t n = f.cards();
  auto refused = app::save_draft(kKb, *f.store, f.person, draft_of({done(10)}));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().why, Why::incomplete);
  EXPECT_EQ(refused.error().cards, n);
  EXPECT_EQ(f.sessions_stored(), 0u);
}

TEST(SaveDraft, AnEventAfterTheEndOrOneTheRunnerRefusesIsNamedByItsIndex) {
  Fixture f;
  const std::size_t n = f.cards();
  auto too_many = app::save_draft(kKb, *f.store, f.person, draft_of(std::vector<app::SessionEvent>(n + 1, done(10))));
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.error().why, Why::bad_event);
  EXPECT_EQ(too_many.error().event, n);

  std::vector<app::SessionEvent> events(n, done(10));
  events[2] = {Kind::stop, 0, std::nullopt, "", {"no-such-sign"}};
  auto unknown_sign = app::save_draft(kKb, *f.store, f.person, draft_of(events));
  ASSERT_FALSE(unknown_sign);
  EXPECT_EQ(unknown_sign.error().why, Why::bad_event);
  EXPECT_EQ(unknown_sign.error().event, 2u);
  EXPECT_EQ(unknown_sign.error().error.code, core::ErrorCode::unknown_name);
  EXPECT_EQ(f.sessions_stored(), 0u);
}

TEST(SaveDraft, ASessionAlreadySavedOrNotDueIsRefusedAsNotDue) {
  Fixture f;
  const auto draft = draft_of(std::vector<app::SessionEvent>(f.cards(), done(10)));
  ASSERT_TRUE(app::save_draft(kKb, *f.store, f.person, draft));
  auto again = app::save_draft(kKb, *f.store, f.person, draft);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().why, Why::not_due);
  EXPECT_EQ(f.sessions_stored(), 1u);

  auto other = draft;
  other.protocol = "calves";
  auto not_due = app::save_draft(kKb, *f.store, f.person, other);
  ASSERT_FALSE(not_due);
  EXPECT_EQ(not_due.error().why, Why::not_due);
}

TEST(SaveDraft, AScreeningThatSaysNotToSelfTreatRefusesItAsBlocked) {
  Fixture f(fixture::with_yes(kKb, {"sudden-worst-headache"}));
  auto refused = app::save_draft(kKb, *f.store, f.person, draft_of({done(10)}));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().why, Why::blocked);
  EXPECT_EQ(f.sessions_stored(), 0u);
}

TEST(SaveDraft, AStoreThatFailsLeavesNothingAndSaysSoTyped) {
  Fixture f;
  f.store->database().fail_write({core::ErrorCode::db_full, "the disk is full"});
  auto refused = app::save_draft(kKb, *f.store, f.person, draft_of(std::vector<app::SessionEvent>(f.cards(), done(10))));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().why, Why::not_recorded);
  EXPECT_EQ(refused.error().error.code, core::ErrorCode::db_full);
  EXPECT_EQ(f.sessions_stored(), 0u);
}
