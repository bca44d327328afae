#include "fascia/server/auth.hpp"

#include <sodium.h>

#include <algorithm>

#include "fascia/adapters/password_hash.hpp"

namespace fascia::server {

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

core::Result<std::string> LoginSessions::create(std::int64_t person_id, std::int64_t now) {
  std::string token = adapters::random_token();
  const std::string hash = adapters::token_hash(token);
  auto accounts = accounts_.lease();
  if (!accounts) return tl::make_unexpected(accounts.error());
  auto stored = (*accounts)->add_login_session(hash, person_id, now, now + kLifetimeSeconds);
  if (!stored && stored.error().code == core::ErrorCode::db_read_only) {
    std::lock_guard lock(mutex_);
    read_only_[hash] = {person_id, now + kLifetimeSeconds};
    return token;
  }
  if (!stored) return tl::make_unexpected(stored.error());
  return token;
}

core::Result<std::optional<std::int64_t>> LoginSessions::person_for(const std::string& token, std::int64_t now) {
  if (token.empty()) return std::optional<std::int64_t>{};
  const std::string hash = adapters::token_hash(token);
  {
    std::lock_guard lock(mutex_);
    if (auto it = read_only_.find(hash); it != read_only_.end() && it->second.expires > now)
      return std::optional<std::int64_t>{it->second.person_id};
  }
  auto accounts = accounts_.lease();
  if (!accounts) return tl::make_unexpected(accounts.error());
  return (*accounts)->login_session_person(hash, now);
}

core::Result<void> LoginSessions::end(const std::string& token) {
  if (token.empty()) return {};
  const std::string hash = adapters::token_hash(token);
  {
    std::lock_guard lock(mutex_);
    if (read_only_.erase(hash) > 0) return {};
  }
  auto accounts = accounts_.lease();
  if (!accounts) return tl::make_unexpected(accounts.error());
  return (*accounts)->end_login_session(hash);
}

std::vector<app::AttemptLimit> LoginPolicy::limits(const std::string& name, const std::string& address,
                                                   const std::optional<std::string>& device_hash) {
  std::vector<app::AttemptLimit> out;
  if (device_hash)
    out.push_back({"device:" + *device_hash, kMaxPerDevice, kWindowSeconds});
  else
    out.push_back({"name:" + name, kMaxPerName, kWindowSeconds});
  out.push_back({"address:" + address, kMaxPerAddress, kWindowSeconds});
  return out;
}

bool OneTimeToken::consume(const std::string& offered) {
  std::lock_guard lock(mutex_);
  if (used_ || value_.empty() || offered.size() != value_.size()) return false;
  if (sodium_memcmp(offered.data(), value_.data(), value_.size()) != 0) return false;
  used_ = true;
  return true;
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
