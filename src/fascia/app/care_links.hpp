// The use cases of care links (issue 10, points 1, 2 and 8), written once for
// the terminal and the server: a practitioner invites a client, the person
// accepts choosing what to share, and every reach of a practitioner into a
// client's data is checked (core::decide_care_access) and logged before any
// of it is read. Times are Unix seconds, passed in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fascia/app/account_store.hpp"
#include "fascia/app/clinic_store.hpp"
#include "fascia/core/person.hpp"

namespace fascia::app {

// Invitation codes are 12 characters of Crockford's base-32 alphabet (digits
// and capitals without I, L, O, U: nothing to misread), 60 random bits, shown
// in groups of four: "7K2M-XQ9D-HB4T".
inline constexpr std::size_t kInvitationCodeLength = 12;
inline constexpr std::string_view kInvitationAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// The code as typed, made canonical: case folded, spaces and hyphens
// dropped, and the letters people confuse read as digits (O as 0, I and L as
// 1). invalid_argument unless 12 characters of the alphabet remain.
core::Result<std::string> normalise_invitation_code(std::string_view typed);
// "7K2MXQ9DHB4T" -> "7K2M-XQ9D-HB4T".
std::string format_invitation_code(std::string_view code);

// The actor an account acts as (its role, clinic and state).
core::Actor actor_of(const Account& account);
// forbidden unless the account is an active practitioner of a clinic: "only a
// practitioner <doing>; 'x' is a person", or that it is deactivated.
core::Result<void> require_active_practitioner(const Account& account, std::string_view doing);
// The terminal's own person (person 1, who may have no account).
core::Actor terminal_person();

// A new invitation from a practitioner, valid for `lifetime` seconds from
// `now`. `code_hash` is the hash of a fresh random code (the caller makes
// both: the code is shown once, only its hash is kept). forbidden unless the
// account is an active practitioner of a clinic.
core::Result<core::Invitation> invite_client(ClinicStore& clinics, const Account& practitioner,
                                             const std::string& code_hash, std::int64_t now,
                                             std::int64_t lifetime = core::kInvitationLifetime);

// Who and where an invitation code is from, for the person about to accept
// it, so that they choose what to share knowing with whom. Reads only and
// logs nothing. not_found for an unknown code; precondition with the words
// accepting would give when it may not be accepted (used, cancelled,
// expired, or not the person's to accept: core::invitation_refusal).
core::Result<InvitationPreview> preview_invitation(ClinicStore& clinics, const core::Actor& person,
                                                   const std::string& code_hash, std::int64_t now);

// The person accepts an invitation with what they choose to share; the link
// with its names. not_found for an unknown code, precondition when it is
// used, expired or not the person's to accept (ClinicStore::accept_invitation).
core::Result<LinkDetails> accept_invitation(ClinicStore& clinics, const core::Actor& person,
                                            const std::string& code_hash, const core::Sharing& sharing,
                                            std::int64_t now);

// A practitioner reaching into a client's data: the access is decided and,
// when allowed, logged (durably) before the caller reads or writes anything.
// The link that allows it. Errors, with nothing logged: not_found when the
// practitioner has no live link to that person (the same answer whether or
// not the person exists, so nothing is learnt about strangers); forbidden
// for an account that is not a practitioner, or a part the client does not
// share, saying which.
core::Result<LinkDetails> reach_client(ClinicStore& clinics, const Account& actor, std::int64_t person_id,
                                       core::CareArea area, core::AccessKind kind, const std::string& what,
                                       std::int64_t now);

// The same decision as reach_client, logging nothing: for a use case that
// must look at what it was asked for (a visit note's clinic) before it
// reaches, so that a refusal leaves no log entry.
core::Result<LinkDetails> check_reach(ClinicStore& clinics, const Account& actor, std::int64_t person_id,
                                      core::CareArea area);

// The practitioner's live links (their clients), oldest first. forbidden
// unless the account is an active practitioner.
core::Result<std::vector<LinkDetails>> list_clients(ClinicStore& clinics, const Account& practitioner);

// The journal part a linked practitioner may see: the journal without its
// sessions (their own part), its clearances (part of screening) and the
// clinic treatments recorded by other clinics (nothing crosses clinics).
core::Journal journal_for_practitioner(core::Journal journal, const LinkDetails& link);

// The clearances as a practitioner of `clinic` sees them: one another
// clinic's practitioner signed keeps its day, areas and place in the
// screenings, but says only kAnotherClinicsPractitioner, no note and no clinic
// (nothing crosses clinics); the person's own and this clinic's are as recorded.
inline constexpr const char* kAnotherClinicsPractitioner = "a practitioner of another clinic";
std::vector<core::ClearanceEntry> clearances_seen_by_clinic(std::vector<core::ClearanceEntry> clearances,
                                                            std::int64_t clinic);

// Reads the sharing words "journal,sessions,screening" (any order, any
// subset, or "none"); invalid_argument naming a word it does not know.
core::Result<core::Sharing> parse_sharing(std::string_view words);

}  // namespace fascia::app
