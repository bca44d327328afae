#include "fascia/adapters/sqlite_accounts.hpp"

#include <gtest/gtest.h>

#include "fascia/adapters/password_hash.hpp"
#include "fascia/adapters/sqlite_migrations.hpp"
#include "fascia/adapters/sqlite_store.hpp"
#include "unit/adapters/sample_person.hpp"
#include "unit/adapters/temp_dir.hpp"
#include "unit/adapters/test_database.hpp"

using namespace fascia;
using adapters::SqliteAccounts;
using fascia::testing::day;
using fascia::testing::TempDir;

namespace {

std::unique_ptr<adapters::SqlAccounts> open_accounts(const std::filesystem::path& file) {
  auto accounts = SqliteAccounts::open(file);
  EXPECT_TRUE(accounts.has_value()) << accounts.error().message;
  return accounts ? std::move(*accounts) : nullptr;
}

using fascia::testing::Engine;
using fascia::testing::TestDatabase;

// The account store's contract, on both engines.
class AccountsContract : public ::testing::TestWithParam<Engine> {};

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, AccountsContract, ::testing::Values(Engine::sqlite, Engine::postgresql),
                         fascia::testing::engine_name);

TEST_P(AccountsContract, FirstAccountOwnsPersonOneAndLaterOnesGetTheNext) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto accounts = db.accounts();
  auto first = accounts->add_account("ana", "hash-a", day("2026-11-20"), {});
  auto second = accounts->add_account("ben", "hash-b", day("2026-11-21"), {});
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

TEST_P(AccountsContract, RefusesATakenNameAndNamesThatAreNotSafeToShow) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto accounts = db.accounts();
  ASSERT_TRUE(accounts->add_account("ana", "h", day("2026-11-20"), {}));
  auto again = accounts->add_account("ana", "h2", day("2026-11-20"), {});
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find("already exists"), std::string::npos);
  for (const char* bad : {"", "Ana", "a b", "ana<script>", "x'--", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    EXPECT_FALSE(accounts->add_account(bad, "h", day("2026-11-20"), {})) << bad;
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
  ASSERT_TRUE(accounts->add_account("ana", "h", day("2026-11-20"), {}));
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

TEST_P(AccountsContract, ASessionIsFoundByItsHashUntilItExpiresOrEndsAndSurvivesReopening) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  {
    auto accounts = db.accounts();
    ASSERT_TRUE(accounts->add_login_session("hash-1", 1, 1000, 2000));
    ASSERT_TRUE(accounts->add_login_session("hash-2", 2, 1000, 2000));
  }
  auto accounts = db.accounts();  // another process, or after a restart
  EXPECT_EQ(*accounts->login_session_person("hash-1", 1999), 1);
  EXPECT_EQ(*accounts->login_session_person("hash-2", 1500), 2);
  EXPECT_EQ(*accounts->login_session_person("hash-1", 2000), std::nullopt);  // expired
  EXPECT_EQ(*accounts->login_session_person("hash-3", 1500), std::nullopt);
  ASSERT_TRUE(accounts->end_login_session("hash-2"));
  EXPECT_EQ(*accounts->login_session_person("hash-2", 1500), std::nullopt);
}

TEST_P(AccountsContract, ANewPasswordEndsThePersonsSessionsAndDevicesOnly) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto accounts = db.accounts();
  ASSERT_TRUE(accounts->add_account("ana", "old", day("2026-11-20"), {}));
  ASSERT_TRUE(accounts->add_account("ben", "b", day("2026-11-20"), {}));
  ASSERT_TRUE(accounts->add_login_session("ana-browser", 1, 1000, 5000));
  ASSERT_TRUE(accounts->add_login_session("ben-browser", 2, 1000, 5000));
  ASSERT_TRUE(accounts->add_login_device("ana-device", "ana", 9000));
  ASSERT_TRUE(accounts->set_password_hash("ana", "new"));
  EXPECT_EQ((*accounts->find_account("ana"))->password_hash, "new");
  EXPECT_EQ(*accounts->login_session_person("ana-browser", 1500), std::nullopt);
  EXPECT_EQ(*accounts->login_session_person("ben-browser", 1500), 2);
  EXPECT_EQ(*accounts->login_device_name("ana-device", 1500), std::nullopt);
  EXPECT_EQ(accounts->set_password_hash("nobody", "x").error().code, core::ErrorCode::not_found);
}

TEST_P(AccountsContract, AttemptsAreCountedBeforeTheCheckAndTheLimitHoldsAcrossConnections) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto first = db.accounts();
  auto second = db.accounts();  // a second server process
  const std::vector<app::AttemptLimit> limits{{"name:ana", 5, 300}, {"address:a", 20, 300}};
  for (int i = 0; i < 5; ++i) {
    auto verdict = (i % 2 ? first : second)->count_login_attempt(limits, 1000 + i);
    ASSERT_TRUE(verdict);
    EXPECT_TRUE(verdict->allowed) << i;
    EXPECT_EQ(verdict->ids.size(), 2u);
  }
  auto sixth = first->count_login_attempt(limits, 1010);
  ASSERT_TRUE(sixth);
  EXPECT_FALSE(sixth->allowed);
  EXPECT_EQ(sixth->blocked_key, "name:ana");
  EXPECT_EQ(sixth->retry_after, 290);  // the first attempt (1000) leaves the 300 s window at 1300
  // Refused attempts are not recorded: the address has 5, not 6.
  auto other_name = first->count_login_attempt({{"name:ben", 5, 300}, {"address:a", 6, 300}}, 1011);
  EXPECT_TRUE(other_name->allowed);
  EXPECT_FALSE(first->count_login_attempt({{"name:ben", 5, 300}, {"address:a", 6, 300}}, 1012)->allowed);
  // Once the window has passed, the name may try again.
  EXPECT_TRUE(first->count_login_attempt(limits, 1300)->allowed);
}

TEST_P(AccountsContract, ACorrectPasswordForgetsTheNamesAttemptsButNotTheAddresses) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto accounts = db.accounts();
  const std::vector<app::AttemptLimit> limits{{"name:ana", 5, 300}, {"address:a", 3, 300}};
  ASSERT_TRUE(accounts->count_login_attempt(limits, 1000)->allowed);  // a wrong password
  auto good = accounts->count_login_attempt(limits, 1001);
  ASSERT_TRUE(good->allowed);
  ASSERT_TRUE(accounts->forget_login_attempts(good->ids, {"name:ana"}));
  // The address still holds the wrong attempt at 1000: two more fit, not three.
  EXPECT_TRUE(accounts->count_login_attempt(limits, 1002)->allowed);
  EXPECT_TRUE(accounts->count_login_attempt(limits, 1003)->allowed);
  auto fourth = accounts->count_login_attempt(limits, 1004);
  EXPECT_FALSE(fourth->allowed);
  EXPECT_EQ(fourth->blocked_key, "address:a");
  // The name's attempts were forgotten: 1002 and 1003 only.
  EXPECT_TRUE(accounts->count_login_attempt({{"name:ana", 3, 300}}, 1005)->allowed);
  EXPECT_FALSE(accounts->count_login_attempt({{"name:ana", 3, 300}}, 1006)->allowed);
}

TEST_P(AccountsContract, ADeviceIsKnownForItsAccountUntilItExpires) {
  TestDatabase db(GetParam());
  FASCIA_NEED_DATABASE(db);
  auto accounts = db.accounts();
  ASSERT_TRUE(accounts->add_login_device("d1", "ana", 5000));
  EXPECT_EQ(*accounts->login_device_name("d1", 4999), "ana");
  EXPECT_EQ(*accounts->login_device_name("d1", 5000), std::nullopt);
  EXPECT_EQ(*accounts->login_device_name("d2", 1000), std::nullopt);
}
