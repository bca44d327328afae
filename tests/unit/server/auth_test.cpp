#include "fascia/server/auth.hpp"

#include <gtest/gtest.h>

#include "fascia/adapters/password_hash.hpp"
#include "fascia/adapters/sqlite_accounts.hpp"
#include "unit/adapters/temp_dir.hpp"

using namespace fascia;
using namespace fascia::server;

namespace {
AccountPool pool_for(const std::filesystem::path& file) {
  return AccountPool([file]() -> core::Result<std::unique_ptr<app::AccountStore>> {
    auto opened = adapters::SqliteAccounts::open(file);
    if (!opened) return tl::make_unexpected(opened.error());
    return std::unique_ptr<app::AccountStore>(std::move(*opened));
  });
}
}  // namespace

TEST(LoginSessions, ATokenSignsInUntilItExpiresOrEndsAndAnotherProcessSeesIt) {
  fascia::testing::TempDir dir;
  auto pool_a = pool_for(dir.path() / "f.db");
  auto pool_b = pool_for(dir.path() / "f.db");
  LoginSessions a(pool_a);
  LoginSessions b(pool_b);  // as a second server process would
  const auto ana = *a.create(1, 1000);
  const auto ben = *a.create(2, 1000);
  EXPECT_NE(ana, ben);
  EXPECT_EQ(*b.person_for(ana, 2000), 1);
  EXPECT_EQ(*b.person_for(ben, 2000), 2);
  EXPECT_EQ(*b.person_for("", 2000), std::nullopt);
  EXPECT_EQ(*b.person_for(ana + "0", 2000), std::nullopt);
  EXPECT_EQ(*b.person_for(ana, 1000 + LoginSessions::kLifetimeSeconds), std::nullopt);
  ASSERT_TRUE(b.end(ben));
  EXPECT_EQ(*a.person_for(ben, 2000), std::nullopt);
}

TEST(LoginSessions, TheDatabaseHoldsOnlyTheTokensHash) {
  fascia::testing::TempDir dir;
  auto pool = pool_for(dir.path() / "f.db");
  LoginSessions sessions(pool);
  const auto token = *sessions.create(1, 1000);
  auto accounts = adapters::SqliteAccounts::open(dir.path() / "f.db");
  EXPECT_EQ(*(*accounts)->login_session_person(adapters::token_hash(token), 1001), 1);
  EXPECT_EQ(*(*accounts)->login_session_person(token, 1001), std::nullopt);
}

TEST(LoginPolicy, AKnownDeviceIsLimitedByItselfNotByTheName) {
  const auto stranger = LoginPolicy::limits("ana", "10.0.0.7", std::nullopt);
  ASSERT_EQ(stranger.size(), 2u);
  EXPECT_EQ(stranger[0].key, "name:ana");
  EXPECT_EQ(stranger[0].max_attempts, LoginPolicy::kMaxPerName);
  EXPECT_EQ(stranger[1].key, "address:10.0.0.7");
  const auto known = LoginPolicy::limits("ana", "10.0.0.7", std::string("d1"));
  EXPECT_EQ(known[0].key, "device:d1");
  EXPECT_EQ(known[1].key, "address:10.0.0.7");
}

TEST(OneTimeToken, WorksOnceAndOnlyForTheExactValue) {
  OneTimeToken token("abc123");
  EXPECT_FALSE(token.consume("abc12"));
  EXPECT_FALSE(token.consume("abc124"));
  EXPECT_FALSE(token.consume(""));
  EXPECT_TRUE(token.consume("abc123"));
  EXPECT_FALSE(token.consume("abc123"));
}

TEST(OneTimeToken, AnEmptyTokenNeverLogsAnyoneIn) {
  OneTimeToken token("");
  EXPECT_FALSE(token.consume(""));
}

TEST(CookieValue, FindsTheNamedCookieAmongOthers) {
  EXPECT_EQ(cookie_value("fascia_session=abc", "fascia_session"), "abc");
  EXPECT_EQ(cookie_value("theme=dark; fascia_session=abc; x=1", "fascia_session"), "abc");
  EXPECT_EQ(cookie_value("xfascia_session=abc", "fascia_session"), "");
  EXPECT_EQ(cookie_value("fascia_sessionx=abc", "fascia_session"), "");
  EXPECT_EQ(cookie_value("", "fascia_session"), "");
}
