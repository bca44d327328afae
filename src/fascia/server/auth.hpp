// Who is calling: browser sessions behind an HttpOnly cookie, the one-time
// login token printed at start-up, and the limit on failed logins. All in
// memory and thread-safe; a restart logs everyone out, which is the safe way
// round. Times are passed in so tests can move them.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace fascia::server {

using SteadyTime = std::chrono::steady_clock::time_point;

class SessionTokens {
 public:
  static constexpr std::chrono::hours kLifetime{12};
  // A new random token for this person, valid for kLifetime.
  std::string create(std::int64_t person_id, SteadyTime now);
  std::optional<std::int64_t> person_for(const std::string& token, SteadyTime now);
  void remove(const std::string& token);

 private:
  struct Entry {
    std::int64_t person_id;
    SteadyTime expires;
  };
  std::shared_mutex mutex_;  // every request reads; only logins write
  std::unordered_map<std::string, Entry> sessions_;
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

// At most kMaxFailures failed logins per key (an account name, a client
// address) in any kWindow; after that the key waits until the oldest failure
// leaves the window.
class LoginLimiter {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr std::chrono::minutes kWindow{5};
  // Seconds to wait when the key is blocked now, else nullopt.
  std::optional<int> blocked(const std::string& key, SteadyTime now);
  void record_failure(const std::string& key, SteadyTime now);
  void record_success(const std::string& key);

 private:
  void forget_old(const std::string& key, SteadyTime now);
  std::mutex mutex_;
  std::map<std::string, std::vector<SteadyTime>> failures_;
};

// The value of one cookie in a Cookie header, or empty.
std::string cookie_value(const std::string& header, const std::string& name);

}  // namespace fascia::server
