#include "fascia/core/care_access.hpp"

#include <algorithm>

namespace fascia::core {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::person:
      return "person";
    case Role::practitioner:
      return "practitioner";
    case Role::clinic_admin:
      return "clinic_admin";
  }
  return "person";
}

std::string_view role_words(Role role) { return role == Role::clinic_admin ? "administrator" : to_string(role); }

std::string role_with_article(Role role) {
  return (role == Role::clinic_admin ? "an " : "a ") + std::string(role_words(role));
}

std::optional<Role> parse_role(std::string_view text) {
  if (text == "person") return Role::person;
  if (text == "practitioner") return Role::practitioner;
  if (text == "clinic_admin" || text == "admin") return Role::clinic_admin;
  return std::nullopt;
}

std::string_view to_string(AccountState state) { return state == AccountState::active ? "active" : "deactivated"; }

std::string describe(const Sharing& sharing) {
  std::string out;
  const auto add = [&out](bool on, const char* word) {
    if (!on) return;
    if (!out.empty()) out += ", ";
    out += word;
  };
  add(sharing.journal, "journal");
  add(sharing.sessions, "sessions");
  add(sharing.screening, "screening");
  return out.empty() ? "nothing" : out;
}

std::string_view to_string(CareArea area) {
  switch (area) {
    case CareArea::link:
      return "link";
    case CareArea::journal:
      return "journal";
    case CareArea::sessions:
      return "sessions";
    case CareArea::screening:
      return "screening";
    case CareArea::care:
      return "care";
  }
  return "link";
}

std::optional<CareArea> parse_care_area(std::string_view text) {
  for (CareArea area : {CareArea::link, CareArea::journal, CareArea::sessions, CareArea::screening, CareArea::care})
    if (to_string(area) == text) return area;
  return std::nullopt;
}

std::string_view to_string(AccessKind kind) { return kind == AccessKind::read ? "read" : "write"; }

namespace {

bool shares(const Sharing& sharing, CareArea area) {
  switch (area) {
    case CareArea::journal:
      return sharing.journal;
    case CareArea::sessions:
      return sharing.sessions;
    case CareArea::screening:
      return sharing.screening;
    case CareArea::link:
    case CareArea::care:
      return true;
  }
  return false;
}

AccessVerdict deny(AccessDenial denial, std::string reason) { return {denial, std::move(reason), std::nullopt}; }

}  // namespace

AccessVerdict decide_care_access(const Actor& actor, std::int64_t person_id, CareArea area,
                                 const std::vector<CareLink>& links_of_person) {
  if (actor.role == Role::clinic_admin)
    return deny(AccessDenial::not_a_practitioner,
                "a clinic administrator manages the clinic's practitioners and does not see clients' records");
  if (actor.role != Role::practitioner || !actor.clinic_id)
    return deny(AccessDenial::not_a_practitioner, "only a linked practitioner may see another person's data");
  if (actor.state == AccountState::deactivated)
    return deny(AccessDenial::deactivated,
                "this practitioner's account is deactivated: their links open nothing until it is reactivated");
  // The link must be this practitioner's, in this practitioner's clinic:
  // a link made in another clinic never opens anything here. (The stores
  // keep one live link per practitioner and person; should there be more,
  // any one that shares the part will do.)
  const auto ours = [&](const CareLink& l) {
    return l.live() && l.person_id == person_id && l.practitioner_id == actor.person_id &&
           l.clinic_id == *actor.clinic_id;
  };
  if (std::none_of(links_of_person.begin(), links_of_person.end(), ours))
    return deny(AccessDenial::no_link, "no client of yours with that number (no live link: never linked, or revoked)");
  const auto link = std::find_if(links_of_person.begin(), links_of_person.end(),
                                 [&](const CareLink& l) { return ours(l) && shares(l.sharing, area); });
  if (link == links_of_person.end())
    return {AccessDenial::not_shared, "this client does not share their " + std::string(to_string(area)) + " with you",
            std::nullopt};
  return {AccessDenial::none, {}, *link};
}

std::string_view to_string(InvitationState state) {
  switch (state) {
    case InvitationState::open:
      return "open";
    case InvitationState::used:
      return "used";
    case InvitationState::expired:
      return "expired";
    case InvitationState::cancelled:
      return "cancelled";
  }
  return "open";
}

InvitationState invitation_state(const Invitation& invitation, std::int64_t now) {
  if (invitation.used_at) return InvitationState::used;
  if (invitation.cancelled_at) return InvitationState::cancelled;
  if (now >= invitation.expires_at) return InvitationState::expired;
  return InvitationState::open;
}

std::optional<std::string> invitation_refusal(const Invitation& invitation, const Actor& acceptor, std::int64_t now) {
  switch (invitation_state(invitation, now)) {
    case InvitationState::open:
      break;
    case InvitationState::used:
      return "this invitation has already been used";
    case InvitationState::cancelled:
      return "this invitation was cancelled by the practitioner who made it; ask them for a new one";
    case InvitationState::expired:
      return "this invitation has expired; ask your practitioner for a new one";
  }
  if (acceptor.role != Role::person)
    return "only a person can accept an invitation; this account is " + role_with_article(acceptor.role);
  if (acceptor.person_id == invitation.practitioner_id) return "a practitioner cannot accept their own invitation";
  return std::nullopt;
}

}  // namespace fascia::core
