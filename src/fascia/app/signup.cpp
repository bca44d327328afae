#include "fascia/app/signup.hpp"

#include "fascia/app/care_links.hpp"

namespace fascia::app {

namespace {

// The person about to be made: no account yet, so no person id to match the
// practitioner's own (core::invitation_refusal checks the role and the state).
core::Actor newcomer() { return {0, core::Role::person, std::nullopt}; }

}  // namespace

core::Result<InvitationPreview> preview_signup(ClinicStore& clinics, const std::string& code_hash, std::int64_t now) {
  return preview_invitation(clinics, newcomer(), code_hash, now);
}

FieldResult<InvitationPreview> check_signup(AccountStore& accounts, ClinicStore& clinics, const std::string& code_hash,
                                            const std::string& name, std::int64_t now) {
  auto preview = preview_signup(clinics, code_hash, now);
  if (!preview) return tl::make_unexpected(FieldError{preview.error(), "code"});
  if (auto valid = validate_account_name(name); !valid) return tl::make_unexpected(FieldError{valid.error(), "name"});
  auto existing = accounts.find_account(name);
  if (!existing) return tl::make_unexpected(FieldError{existing.error()});
  if (*existing)
    return field_fail(core::ErrorCode::precondition, "the name '" + name + "' is taken; choose another", "name");
  return std::move(*preview);
}

FieldResult<SignupResult> sign_up_with_invitation(AccountStore& accounts, ClinicStore& clinics,
                                                  const std::string& code_hash, const std::string& name,
                                                  const std::string& password_hash, const core::Sharing& sharing,
                                                  core::Date today, std::int64_t now) {
  if (auto checked = check_signup(accounts, clinics, code_hash, name, now); !checked)
    return tl::make_unexpected(checked.error());
  auto account = accounts.add_account(name, password_hash, today, Membership{core::Role::person, std::nullopt},
                                      TerminalPerson::never);
  // A name taken since the check, by another sign-up: add_account's "already exists".
  if (!account)
    return tl::make_unexpected(
        FieldError{account.error(), account.error().code == core::ErrorCode::invalid_argument ? "name" : ""});
  SignupResult made{*account, std::nullopt, {}};
  auto link = accept_invitation(clinics, actor_of(*account), code_hash, sharing, now);
  if (link)
    made.link = std::move(*link);
  else
    made.link_refusal = link.error().message;
  return made;
}

}  // namespace fascia::app
