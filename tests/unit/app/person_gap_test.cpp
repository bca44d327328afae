// person_gap: what a person must do before a plan can be made, typed, so
// that the server words it for the browser without reading the terminal's
// message (issue 9).
#include <gtest/gtest.h>

#include "fascia/adapters/memory_store.hpp"
#include "fascia/app/person_state.hpp"
#include "unit/core/fixture_kb.hpp"

using namespace fascia;

TEST(PersonGap, NamesTheFirstMissingStepInOrder) {
  const auto kb = fixture::kb();
  auto store = std::make_unique<adapters::MemoryStore>();
  EXPECT_EQ(*app::person_gap(kb, *store), app::PersonGap::no_profile);
  ASSERT_TRUE(store->save_profile(fixture::desk_worker()));
  EXPECT_EQ(*app::person_gap(kb, *store), app::PersonGap::no_screening);
  ASSERT_TRUE(store->add_screening(fixture::all_clear(kb)));
  EXPECT_EQ(*app::person_gap(kb, *store), std::nullopt);
  EXPECT_TRUE(app::load_person(kb, *store));
}

TEST(PersonGap, AScreeningThatNoLongerFitsTheQuestionsMustBeAnsweredAgain) {
  auto kb = fixture::kb();
  auto store = std::make_unique<adapters::MemoryStore>();
  ASSERT_TRUE(store->save_profile(fixture::desk_worker()));
  ASSERT_TRUE(store->add_screening(fixture::all_clear(kb)));
  // A question added to the knowledge base after the person answered.
  auto added = kb.questions.front();
  added.id = "a-new-question";
  kb.questions.push_back(added);
  EXPECT_EQ(*app::person_gap(kb, *store), app::PersonGap::screening_outdated);
  auto loaded = app::load_person(kb, *store);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, core::ErrorCode::precondition);
}
