// A person's own account from a practitioner's invitation (issue 10, point
// 2; ADR 0028): whoever holds an open invitation code may make one person
// account with it and accept the invitation in the same step, choosing what
// to share. The code is the capability: without an open one nothing is made
// and nothing is said about which names exist. An account made this way
// never takes over person 1, the terminal's person (TerminalPerson::never).
// Written once for the server (the terminal's holder makes accounts with
// `fascia user add` and accepts with `fascia link accept --as`). Passwords
// never pass through here, only their hash. Times are Unix seconds, passed in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "fascia/app/account_store.hpp"
#include "fascia/app/clinic_store.hpp"
#include "fascia/app/field_error.hpp"
#include "fascia/core/care_access.hpp"

namespace fascia::app {

// Who and where the open invitation of `code_hash` is from, for someone
// with no account yet. Reads only. not_found for an unknown code;
// precondition for a used, cancelled or expired one.
core::Result<InvitationPreview> preview_signup(ClinicStore& clinics, const std::string& code_hash, std::int64_t now);

// Everything a sign-up may be refused for, checked before the password is
// hashed (which is slow on purpose): the invitation of `code_hash` is open
// at `now` and `name` is a valid account name no one has. Returns who
// invites, for the form to show. Errors, nothing changed, naming the field
// "code" or "name": not_found for an unknown code; precondition for a used,
// cancelled or expired invitation (core::invitation_refusal's words);
// invalid_argument for a malformed name; precondition "the name '…' is
// taken" — said only to a holder of an open code.
FieldResult<InvitationPreview> check_signup(AccountStore& accounts, ClinicStore& clinics, const std::string& code_hash,
                                            const std::string& name, std::int64_t now);

// What a sign-up made: the account and, unless the invitation was used in
// the moment between the check and the acceptance, the link.
struct SignupResult {
  Account account;
  std::optional<LinkDetails> link;
  std::string link_refusal;  // when there is no link: why the invitation could not be accepted
};

// Checks again (check_signup), then makes the person's account (never
// person 1) and accepts the invitation with `sharing` for it. The account
// is kept even when the acceptance then fails (another sign-up used the
// code in between: link_refusal says so), because nothing is ever deleted
// and the person can ask for a new code. The errors of check_signup and of
// AccountStore::add_account (a name taken since the check: field "name"),
// with nothing made.
FieldResult<SignupResult> sign_up_with_invitation(AccountStore& accounts, ClinicStore& clinics,
                                                  const std::string& code_hash, const std::string& name,
                                                  const std::string& password_hash, const core::Sharing& sharing,
                                                  core::Date today, std::int64_t now);

}  // namespace fascia::app
