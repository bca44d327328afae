// Who is calling: browser sessions behind an HttpOnly cookie, kept in the
// database (hashed, with an expiry) so that a restart signs no one out and
// several server processes share them; the one-time start-up link; and the
// limit on login attempts (OWASP's authentication guidance, ADR 0012).
// Times are Unix seconds, passed in so that tests can move them.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "fascia/app/account_store.hpp"
#include "fascia/server/connection_pool.hpp"

namespace fascia::server {

using AccountPool = ConnectionPool<app::AccountStore>;

// Seconds since 1970 by the system clock, never --today: sign-in sessions
// and login limits run on real time. Records use Call::now instead.
std::int64_t unix_now();

class LoginSessions {
 public:
  static constexpr std::int64_t kLifetimeSeconds = 12 * 3600;
  explicit LoginSessions(AccountPool& accounts) : accounts_(accounts) {}
  // A new session for the person, valid for kLifetimeSeconds: the cookie's
  // token (only its hash is stored). On a journal that may not be written,
  // the session is kept in this process instead, so it can still be read.
  core::Result<std::string> create(std::int64_t person_id, std::int64_t now);
  // The person of a live session; nullopt for an unknown, ended or expired
  // token (and for an empty one).
  core::Result<std::optional<std::int64_t>> person_for(const std::string& token, std::int64_t now);
  core::Result<void> end(const std::string& token);

 private:
  AccountPool& accounts_;
  struct Kept {
    std::int64_t person_id;
    std::int64_t expires;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Kept> read_only_;  // by token hash; only for a read-only journal
};

// The login limiter's policy (ADR 0012). Each attempt is counted before its
// password is checked, under these limits, in the database:
// - the account name, for clients without a device cookie of that account:
//   5 in any 5 minutes, after which only known devices may try the name;
// - the device cookie, for a device that signed in to that account before:
//   5 in any 5 minutes, for that device alone (so an attacker locking the
//   name out does not lock its owner out);
// - the client address: 20 in any 5 minutes (people behind one network
//   address share it; behind a proxy it comes from X-Forwarded-For).
// A correct password forgets the attempts of its name or device.
struct LoginPolicy {
  static constexpr int kMaxPerName = 5;
  static constexpr int kMaxPerDevice = 5;
  static constexpr int kMaxPerAddress = 20;
  static constexpr std::int64_t kWindowSeconds = 300;
  static constexpr std::int64_t kDeviceLifetimeSeconds = 365 * 24 * 3600;

  // The limits for one attempt at `name` from `address`; `device_hash` is
  // the hash of a device cookie that signed in to `name` before, if any.
  static std::vector<app::AttemptLimit> limits(const std::string& name, const std::string& address,
                                               const std::optional<std::string>& device_hash);
};

// The limit on signing up with an invitation code (app/signup.hpp, ADR
// 0028): every look-up and every sign-up from one client address counts,
// 20 in any 15 minutes. A code has 60 random bits, so this does not guard
// the codes (no one guesses one) so much as the server's time: each sign-up
// hashes a password.
struct SignupPolicy {
  static constexpr int kMaxPerAddress = 20;
  static constexpr std::int64_t kWindowSeconds = 900;
  static app::AttemptLimit limit(const std::string& address) {
    return {"signup:" + address, kMaxPerAddress, kWindowSeconds};
  }
};

// The start-up token: good for one login, compared in constant time.
class OneTimeToken {
 public:
  explicit OneTimeToken(std::string value) : value_(std::move(value)) {}
  bool consume(const std::string& offered);
  const std::string& value() const { return value_; }

 private:
  std::mutex mutex_;
  std::string value_;
  bool used_ = false;
};

// The value of one cookie in a Cookie header, or empty.
std::string cookie_value(const std::string& header, const std::string& name);

}  // namespace fascia::server
