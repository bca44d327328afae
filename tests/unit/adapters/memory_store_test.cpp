// What only the memory store has: its switches for tests (read-only, a write
// made to fail) and the write lock its stores share. The port's contract is
// checked on it by store_contract_test.cpp, as on the SQL engines.
#include "fascia/adapters/memory_store.hpp"

#include <gtest/gtest.h>

#include "unit/adapters/sample_person.hpp"

using namespace fascia;
using adapters::MemoryDatabase;
using adapters::MemoryStore;
using core::ErrorCode;
using fascia::testing::day;
using fascia::testing::sample_person;
using fascia::testing::sample_session;

namespace {
core::NoteEntry note(const char* text) { return {day("2026-11-23"), text}; }
}  // namespace

TEST(MemoryStore, ReadOnlyRefusesEveryWriteAndBatchWithItsReasonButStillReads) {
  MemoryStore store;
  ASSERT_TRUE(store.replace_all(sample_person()));
  store.database().set_read_only("the journal is on a read-only disk");
  const auto writable = store.check_writable();
  ASSERT_FALSE(writable);
  EXPECT_EQ(writable.error().code, ErrorCode::db_read_only);
  EXPECT_EQ(writable.error().message, "the journal is on a read-only disk");
  const auto added = store.add_note(note("refused"));
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, ErrorCode::db_read_only);
  EXPECT_EQ(store.add_session(sample_session(0, "2026-11-23")).error().code, ErrorCode::db_read_only);
  EXPECT_EQ(store.replace_all({}).error().code, ErrorCode::db_read_only);
  EXPECT_EQ(store.begin_batch().error().code, ErrorCode::db_read_only);
  EXPECT_EQ(*store.export_all(), sample_person());

  store.database().set_read_only("");
  EXPECT_TRUE(store.check_writable());
  EXPECT_TRUE(store.add_note(note("accepted")));
}

TEST(MemoryStore, AnInjectedFailureHitsTheChosenWriteOnlyAndUndoesAllOfIt) {
  MemoryStore store;
  store.database().fail_write({ErrorCode::db_full, "the disk is full"}, 1);
  ASSERT_TRUE(store.add_note(note("first")));
  const auto revision = *store.revision();
  const auto failed = store.replace_all(sample_person());  // the second write: all of it done, then undone
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::db_full);
  EXPECT_EQ(failed.error().message, "the disk is full");
  ASSERT_EQ(store.load_journal()->notes.size(), 1u);
  EXPECT_EQ(*store.load_profile(), std::nullopt);
  EXPECT_EQ(*store.revision(), revision);
  EXPECT_TRUE(store.add_note(note("third"))) << "the failure happens once";
  EXPECT_EQ(store.load_journal()->notes.size(), 2u);
}

TEST(MemoryStore, AnInjectedFailureInABatchUndoesOnlyThatWrite) {
  MemoryStore store;
  auto batch = store.begin_batch();
  ASSERT_TRUE(batch);
  ASSERT_TRUE(store.add_note(note("kept")));
  store.database().fail_write({ErrorCode::db_error, "refused"});
  ASSERT_FALSE(store.add_note(note("refused")));
  EXPECT_TRUE(store.in_batch());
  ASSERT_TRUE(store.add_note(note("also kept")));
  ASSERT_TRUE((*batch)->commit());
  std::vector<std::string> texts;
  const auto journal = store.load_journal();
  for (const auto& n : journal->notes) texts.push_back(n.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"kept", "also kept"}));
}

TEST(MemoryStore, WhileOneStoreHoldsABatchAnotherStoresWritesAnswerLocked) {
  auto database = std::make_shared<MemoryDatabase>();
  MemoryStore holder(database, 1);
  MemoryStore other(database, 2);
  {
    auto batch = holder.begin_batch();
    ASSERT_TRUE(batch);
    const auto locked = other.add_note(note("waits"));
    ASSERT_FALSE(locked);
    EXPECT_EQ(locked.error().code, ErrorCode::db_locked);
    EXPECT_EQ(other.begin_batch().error().code, ErrorCode::db_locked);
    EXPECT_TRUE(holder.add_note(note("the holder writes on")));
  }
  EXPECT_TRUE(other.add_note(note("after the batch ended")));
  EXPECT_EQ(*other.people(), std::vector<std::int64_t>{2});
}

TEST(MemoryStore, StoresMadeWithoutADatabaseEachHaveTheirOwn) {
  MemoryStore first;
  MemoryStore second;
  ASSERT_TRUE(first.add_note(note("mine")));
  EXPECT_TRUE(second.load_journal()->notes.empty());
  EXPECT_EQ(first.person_id(), 1);
}
