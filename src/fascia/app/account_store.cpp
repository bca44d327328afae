#include "fascia/app/account_store.hpp"

#include <algorithm>

#include "fascia/app/text_limits.hpp"
#include "fascia/app/unicode_text.hpp"

namespace fascia::app {

core::Result<void> validate_account_name(const std::string& name) {
  const bool allowed = std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
  const std::string most = std::to_string(kAccountNameLimit.max_characters);
  if (name.empty() || name.size() > kAccountNameLimit.max_characters || !allowed)
    return core::fail(core::ErrorCode::invalid_argument,
                      "account name '" + name + "': use 1-" + most + " characters of a-z, 0-9, '.', '_' or '-'");
  return {};
}

core::Result<void> validate_password(const std::string& password) {
  if (auto ok = check_text(password, kPasswordLimit); !ok)
    return core::fail(core::ErrorCode::invalid_argument, ok.error().message);
  // Counted as it will be compared: in NFC, so "e" + U+0301 is one character.
  auto normalised = to_nfc(password, "password");
  if (!normalised) return tl::make_unexpected(normalised.error());
  if (count_code_points(*normalised) < kPasswordMinCharacters)
    return core::fail(core::ErrorCode::invalid_argument,
                      "password: use at least " + std::to_string(kPasswordMinCharacters) + " characters");
  return {};
}

core::Result<void> validate_membership(const Membership& membership) {
  if (membership.role == core::Role::person && membership.clinic_id)
    return core::fail(core::ErrorCode::invalid_argument, "a person's account belongs to no clinic");
  if (membership.role != core::Role::person && !membership.clinic_id)
    return core::fail(core::ErrorCode::invalid_argument,
                      core::role_with_article(membership.role) + " must belong to a clinic (--clinic ID)");
  if (membership.clinic_id && *membership.clinic_id <= 0)
    return core::fail(core::ErrorCode::invalid_argument, "clinic id must be positive");
  return {};
}

core::Result<void> validate_clinic_name(const std::string& name) {
  if (auto ok = check_text(name, kClinicNameLimit); !ok)
    return core::fail(core::ErrorCode::invalid_argument, ok.error().message);
  if (name.find_first_not_of(" \t") == std::string::npos)
    return core::fail(core::ErrorCode::invalid_argument, "clinic name: give 1-80 characters, not only spaces");
  if (name.find_first_of("\n\r\t") != std::string::npos)
    return core::fail(core::ErrorCode::invalid_argument, "clinic name: one line, without tabs");
  return {};
}

}  // namespace fascia::app
