#include "fascia/server/auth.hpp"

#include <gtest/gtest.h>

using namespace fascia::server;
using namespace std::chrono_literals;

namespace {
const SteadyTime t0{};
}

TEST(LoginLimiter, BlocksAfterFiveFailuresUntilTheOldestLeavesTheWindow) {
  LoginLimiter limiter;
  for (int i = 0; i < LoginLimiter::kMaxFailures - 1; ++i) limiter.record_failure("name:ana", t0 + i * 1s);
  EXPECT_FALSE(limiter.blocked("name:ana", t0 + 10s));
  limiter.record_failure("name:ana", t0 + 10s);
  auto wait = limiter.blocked("name:ana", t0 + 11s);
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, 289);  // the first failure (t0) leaves the 5-minute window at t0 + 300 s
  EXPECT_FALSE(limiter.blocked("name:ben", t0 + 11s));  // keys are separate
  EXPECT_FALSE(limiter.blocked("name:ana", t0 + 300s));
}

TEST(LoginLimiter, ASuccessClearsTheFailuresOfThatKey) {
  LoginLimiter limiter;
  for (int i = 0; i < LoginLimiter::kMaxFailures - 1; ++i) limiter.record_failure("name:ana", t0);
  limiter.record_success("name:ana");
  limiter.record_failure("name:ana", t0 + 1s);
  EXPECT_FALSE(limiter.blocked("name:ana", t0 + 2s));
}

TEST(SessionTokens, KnowsItsOwnTokensUntilTheyExpireOrAreRemoved) {
  SessionTokens sessions;
  const auto a = sessions.create(1, t0);
  const auto b = sessions.create(2, t0);
  EXPECT_NE(a, b);
  EXPECT_EQ(sessions.person_for(a, t0 + 1h), 1);
  EXPECT_EQ(sessions.person_for(b, t0 + 1h), 2);
  EXPECT_FALSE(sessions.person_for("", t0));
  EXPECT_FALSE(sessions.person_for(a + "0", t0));
  EXPECT_FALSE(sessions.person_for(a, t0 + SessionTokens::kLifetime));
  sessions.remove(b);
  EXPECT_FALSE(sessions.person_for(b, t0 + 1h));
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
