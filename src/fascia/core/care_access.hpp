// Who, besides the person, may reach a person's data: a practitioner of a
// clinic, through a live link the person accepted (an invitation), for what
// the person chose to share. Pure rules; app/care_links applies them to the
// links in the database and logs every access. Times are Unix seconds,
// passed in. Nothing here ever lets data cross from one clinic to another.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fascia::core {

// An account's role. A person (the self-treater, the default) owns a journal;
// a practitioner belongs to one clinic and sees linked clients; a clinic
// administrator manages the clinic's practitioners and sees no client's data.
enum class Role { person, practitioner, clinic_admin };
std::string_view to_string(Role role);             // "person", "practitioner", "clinic_admin"
// The role in words for people: "person", "practitioner", "administrator"
// (the web app's and the README's word for clinic_admin).
std::string_view role_words(Role role);
// The same with its article, for sentences: "a person", "a practitioner", "an administrator".
std::string role_with_article(Role role);
std::optional<Role> parse_role(std::string_view);  // also takes "admin" for clinic_admin

// Whether an account may act: a clinic administrator deactivates a
// practitioner who leaves (never deletes: their records stay, ADR 0021) and
// may reactivate them. A deactivated account cannot sign in and reaches no
// one's data, whatever links it holds.
enum class AccountState { active, deactivated };
std::string_view to_string(AccountState state);  // "active", "deactivated"

// What a person shares with one linked practitioner. Chosen on accepting,
// changeable at any time; each part is off unless the person turns it on.
struct Sharing {
  bool journal = false;    // pain scores, soreness, skin checks, habits, notes, treatments elsewhere; progress
  bool sessions = false;   // logged sessions and their steps; adherence
  bool screening = false;  // screening answers and outcomes, clearances
  bool operator==(const Sharing&) const = default;
};
// "journal, sessions, screening" (the parts turned on, in that order), or "nothing".
std::string describe(const Sharing& sharing);

// A part of a person's data, as far as access goes.
enum class CareArea {
  link,       // the link itself and the person's account name: always, while live
  journal,    // needs Sharing::journal
  sessions,   // needs Sharing::sessions
  screening,  // needs Sharing::screening
  care,       // what the care team adds: assigned programs, clinic treatments, clearances, visit notes
};
std::string_view to_string(CareArea area);
std::optional<CareArea> parse_care_area(std::string_view text);

enum class AccessKind { read, write };
std::string_view to_string(AccessKind kind);  // "read", "write"

// A practitioner's link to one client in one clinic.
struct CareLink {
  std::int64_t id = 0;
  std::int64_t clinic_id = 0;
  std::int64_t practitioner_id = 0;  // the practitioner's person id
  std::int64_t person_id = 0;        // the client's person id
  Sharing sharing;
  std::int64_t created_at = 0;  // Unix seconds
  std::optional<std::int64_t> revoked_at;
  bool live() const { return !revoked_at.has_value(); }
  bool operator==(const CareLink&) const = default;
};

// Who is asking: a signed-in account.
struct Actor {
  std::int64_t person_id = 0;
  Role role = Role::person;
  std::optional<std::int64_t> clinic_id;  // a practitioner's or an administrator's clinic
  AccountState state = AccountState::active;
};

enum class AccessDenial {
  none,
  not_a_practitioner,  // a person or an administrator asking for someone else's data
  no_link,             // no live link between this practitioner and the person (never linked, or revoked)
  deactivated,         // the practitioner's account is deactivated: their links open nothing
  not_shared,          // linked, but the person does not share this part
};

struct AccessVerdict {
  AccessDenial denial = AccessDenial::none;
  std::string reason;             // empty when allowed; else one sentence saying why not
  std::optional<CareLink> link;   // the live link that allows it
  bool allowed() const { return denial == AccessDenial::none; }
};

// The verdict on `actor` reaching `area` of person `person_id` (someone other
// than the actor), given every link of that person, live or revoked. Allowed
// only for a practitioner holding a live link to the person in the
// practitioner's own clinic, and, for journal, sessions and screening, only
// when the link shares that part. A deactivated practitioner is refused
// before their links are looked at.
AccessVerdict decide_care_access(const Actor& actor, std::int64_t person_id, CareArea area,
                                 const std::vector<CareLink>& links_of_person);

// A single-use invitation a practitioner gives a client.
struct Invitation {
  std::int64_t id = 0;
  std::string code_hash;  // the code is shown once and kept only as a hash
  std::int64_t clinic_id = 0;
  std::int64_t practitioner_id = 0;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
  std::optional<std::int64_t> used_by;  // the person who accepted it
  std::optional<std::int64_t> cancelled_at = std::nullopt;  // by its practitioner, or on their deactivation
  bool operator==(const Invitation&) const = default;
};

// Where an invitation stands at a moment: it can be accepted only while open.
// Used wins over cancelled and expired (it made a link); cancelled over
// expired (it was stopped on purpose).
enum class InvitationState { open, used, expired, cancelled };
std::string_view to_string(InvitationState state);  // "open", "used", "expired", "cancelled"
InvitationState invitation_state(const Invitation& invitation, std::int64_t now);

// How long an invitation can be accepted, by default (seconds): a week, long
// enough to reach a client between visits, short enough that a lost code
// soon stops working.
inline constexpr std::int64_t kInvitationLifetime = 7 * 24 * 3600;

// Why `acceptor` may not accept `invitation` at `now`, or nullopt when they
// may: already used, cancelled, expired, the acceptor is not a person (a
// practitioner or an administrator), or is the practitioner who made it.
std::optional<std::string> invitation_refusal(const Invitation& invitation, const Actor& acceptor, std::int64_t now);

}  // namespace fascia::core
