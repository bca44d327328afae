#include "fascia/server/auth.hpp"

#include <sodium.h>

#include <algorithm>

#include "fascia/adapters/password_hash.hpp"

namespace fascia::server {

std::string SessionTokens::create(std::int64_t person_id, SteadyTime now) {
  std::string token = adapters::random_token();
  std::lock_guard lock(mutex_);
  // Drop expired sessions now and then so the map cannot grow without bound.
  std::erase_if(sessions_, [&](const auto& item) { return item.second.expires <= now; });
  sessions_[token] = {person_id, now + kLifetime};
  return token;
}

std::optional<std::int64_t> SessionTokens::person_for(const std::string& token, SteadyTime now) {
  if (token.empty()) return std::nullopt;
  std::shared_lock lock(mutex_);
  auto it = sessions_.find(token);
  // An expired entry stays until the next create() sweeps it; it never matches.
  if (it == sessions_.end() || it->second.expires <= now) return std::nullopt;
  return it->second.person_id;
}

void SessionTokens::remove(const std::string& token) {
  std::lock_guard lock(mutex_);
  sessions_.erase(token);
}

bool OneTimeToken::consume(const std::string& offered) {
  std::lock_guard lock(mutex_);
  if (used_ || value_.empty() || offered.size() != value_.size()) return false;
  if (sodium_memcmp(offered.data(), value_.data(), value_.size()) != 0) return false;
  used_ = true;
  return true;
}

void LoginLimiter::forget_old(const std::string& key, SteadyTime now) {
  auto it = failures_.find(key);
  if (it == failures_.end()) return;
  std::erase_if(it->second, [&](SteadyTime t) { return t + kWindow <= now; });
  if (it->second.empty()) failures_.erase(it);
}

std::optional<int> LoginLimiter::blocked(const std::string& key, SteadyTime now) {
  std::lock_guard lock(mutex_);
  forget_old(key, now);
  auto it = failures_.find(key);
  if (it == failures_.end() || static_cast<int>(it->second.size()) < kMaxFailures) return std::nullopt;
  const auto wait = std::chrono::ceil<std::chrono::seconds>(it->second.front() + kWindow - now);
  return std::max<int>(1, static_cast<int>(wait.count()));
}

void LoginLimiter::record_failure(const std::string& key, SteadyTime now) {
  std::lock_guard lock(mutex_);
  forget_old(key, now);
  failures_[key].push_back(now);
}

void LoginLimiter::record_success(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

std::string cookie_value(const std::string& header, const std::string& name) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    const std::size_t end = std::min(header.find(';', pos), header.size());
    std::string part = header.substr(pos, end - pos);
    const auto first = part.find_first_not_of(' ');
    if (first != std::string::npos) part.erase(0, first);
    if (part.size() > name.size() && part.compare(0, name.size(), name) == 0 && part[name.size()] == '=')
      return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return {};
}

}  // namespace fascia::server
