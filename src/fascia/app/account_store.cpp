#include "fascia/app/account_store.hpp"

#include <algorithm>

namespace fascia::app {

core::Result<void> validate_account_name(const std::string& name) {
  const bool allowed = std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
  if (name.empty() || name.size() > 40 || !allowed)
    return core::fail(core::ErrorCode::invalid_argument,
                      "account name '" + name + "': use 1-40 characters of a-z, 0-9, '.', '_' or '-'");
  return {};
}

core::Result<void> validate_password(const std::string& password) {
  if (password.size() < 8) return core::fail(core::ErrorCode::invalid_argument, "password: use at least 8 characters");
  if (password.size() > 200) return core::fail(core::ErrorCode::invalid_argument, "password: use at most 200 characters");
  return {};
}

}  // namespace fascia::app
