#include "fascia/adapters/sqlite_accounts.hpp"

#include <gtest/gtest.h>

#include "fascia/adapters/password_hash.hpp"
#include "fascia/adapters/sqlite_migrations.hpp"
#include "fascia/adapters/sqlite_store.hpp"
#include "unit/adapters/sample_person.hpp"
#include "unit/adapters/temp_dir.hpp"

using namespace fascia;
using adapters::SqliteAccounts;
using fascia::testing::day;
using fascia::testing::TempDir;

namespace {

std::unique_ptr<SqliteAccounts> open_accounts(const std::filesystem::path& file) {
  auto accounts = SqliteAccounts::open(file);
  EXPECT_TRUE(accounts.has_value()) << accounts.error().message;
  return accounts ? std::move(*accounts) : nullptr;
}

}  // namespace

TEST(SqliteAccounts, FirstAccountOwnsPersonOneAndLaterOnesGetTheNext) {
  TempDir dir;
  auto accounts = open_accounts(dir / "f.db");
  auto first = accounts->add_account("ana", "hash-a", day("2026-11-20"));
  auto second = accounts->add_account("ben", "hash-b", day("2026-11-21"));
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->person_id, 1);
  EXPECT_EQ(second->person_id, 2);
  auto found = accounts->find_account("ben");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->person_id, 2);
  EXPECT_EQ((*found)->password_hash, "hash-b");
  auto owner = accounts->account_of(1);
  ASSERT_TRUE(owner && *owner);
  EXPECT_EQ((*owner)->name, "ana");
  EXPECT_FALSE(*accounts->find_account("cara"));
  EXPECT_FALSE(*accounts->account_of(3));
  EXPECT_EQ(accounts->list_accounts()->size(), 2u);
}

TEST(SqliteAccounts, RefusesATakenNameAndNamesThatAreNotSafeToShow) {
  TempDir dir;
  auto accounts = open_accounts(dir / "f.db");
  ASSERT_TRUE(accounts->add_account("ana", "h", day("2026-11-20")));
  auto again = accounts->add_account("ana", "h2", day("2026-11-20"));
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find("already exists"), std::string::npos);
  for (const char* bad : {"", "Ana", "a b", "ana<script>", "x'--", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    EXPECT_FALSE(accounts->add_account(bad, "h", day("2026-11-20"))) << bad;
  EXPECT_EQ(accounts->list_accounts()->size(), 1u);
  EXPECT_EQ((*accounts->find_account("ana"))->password_hash, "h");
}

TEST(SqliteAccounts, AddsTheAccountTableToAJournalMadeBeforeAccountsExisted) {
  TempDir dir;
  {
    auto store = adapters::SqliteStore::open(dir / "f.db");
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->add_pain({day("2026-11-01"), "upper-trapezius", core::Side::left, 5}));
  }
  auto accounts = open_accounts(dir / "f.db");
  ASSERT_TRUE(accounts->add_account("ana", "h", day("2026-11-20")));
  auto store = adapters::SqliteStore::open(dir / "f.db", 1);
  ASSERT_TRUE(store);
  EXPECT_EQ((*store)->load_journal()->pain.size(), 1u);  // the terminal's journal is now ana's
  EXPECT_EQ(*(*store)->pragma("user_version"), std::to_string(adapters::sqlite_migrations().size()));
}

TEST(PasswordHash, VerifiesTheRightPasswordOnlyAndSaltsEachHash) {
  auto hash = adapters::hash_password("correct horse");
  ASSERT_TRUE(hash) << hash.error().message;
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(adapters::verify_password(*hash, "correct horse"));
  EXPECT_FALSE(adapters::verify_password(*hash, "correct horsE"));
  EXPECT_FALSE(adapters::verify_password(*hash, ""));
  EXPECT_FALSE(adapters::verify_password("not a hash", "correct horse"));
  EXPECT_NE(*adapters::hash_password("correct horse"), *hash);
}

TEST(PasswordHash, RandomTokensAreHexOfTheAskedLengthAndDiffer) {
  const auto a = adapters::random_token(32);
  const auto b = adapters::random_token(32);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, b);
}

TEST(SqliteStore, NumbersSessionsAcrossPeopleSoAnIdNamesOneSessionOnly) {
  TempDir dir;
  auto ana = adapters::SqliteStore::open(dir / "f.db", 1);
  auto ben = adapters::SqliteStore::open(dir / "f.db", 2);
  ASSERT_TRUE(ana && ben);
  auto a1 = (*ana)->add_session(fascia::testing::sample_session(0, "2026-11-01"));
  auto b1 = (*ben)->add_session(fascia::testing::sample_session(0, "2026-11-01"));
  ASSERT_TRUE(a1 && b1);
  EXPECT_NE(*a1, *b1);
  EXPECT_EQ((*ana)->load_journal()->sessions.size(), 1u);
  EXPECT_EQ((*ben)->load_journal()->sessions.front().id, *b1);
}

TEST(SqliteStore, RebindingAConnectionReadsAndWritesOnlyTheNewPersonsRows) {
  TempDir dir;
  auto store = adapters::SqliteStore::open(dir / "f.db", 1);
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->add_pain({day("2026-11-01"), "upper-trapezius", core::Side::left, 7}));
  (*store)->rebind(2);
  EXPECT_TRUE((*store)->load_journal()->pain.empty());
  ASSERT_TRUE((*store)->add_pain({day("2026-11-02"), "calves", core::Side::both, 2}));
  (*store)->rebind(1);
  auto pain = (*store)->load_journal()->pain;
  ASSERT_EQ(pain.size(), 1u);
  EXPECT_EQ(pain.front().score, 7);
}
