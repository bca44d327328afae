#include "fascia/app/care_links.hpp"

#include <algorithm>
#include <cctype>

#include "fascia/app/text_limits.hpp"

namespace fascia::app {

using core::ErrorCode;

core::Result<std::string> normalise_invitation_code(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (kInvitationAlphabet.find(c) == std::string_view::npos || code.size() == kInvitationCodeLength)
      return core::fail(ErrorCode::invalid_argument,
                        "invitation code: expected 12 letters and digits, as in 7K2M-XQ9D-HB4T");
    code.push_back(c);
  }
  if (code.size() != kInvitationCodeLength)
    return core::fail(ErrorCode::invalid_argument,
                      "invitation code: expected 12 letters and digits, as in 7K2M-XQ9D-HB4T");
  return code;
}

std::string format_invitation_code(std::string_view code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(code[i]);
  }
  return out;
}

core::Actor actor_of(const Account& account) {
  return {account.person_id, account.membership.role, account.membership.clinic_id, account.state()};
}

core::Result<void> require_active_practitioner(const Account& account, std::string_view doing) {
  if (account.membership.role != core::Role::practitioner || !account.membership.clinic_id)
    return core::fail(ErrorCode::forbidden, "only a practitioner " + std::string(doing) + "; '" + account.name +
                                                "' is " + core::role_with_article(account.membership.role));
  if (account.deactivated_at)
    return core::fail(
        ErrorCode::forbidden,
        "'" + account.name + "' is deactivated by the clinic's administrator and cannot act until reactivated");
  return {};
}

core::Actor terminal_person() { return {1, core::Role::person, std::nullopt}; }

core::Result<core::Invitation> invite_client(ClinicStore& clinics, const Account& practitioner,
                                             const std::string& code_hash, std::int64_t now, std::int64_t lifetime) {
  FASCIA_TRY(require_active_practitioner(practitioner, "can invite a client"));
  if (lifetime <= 0 || lifetime > 90 * 24 * 3600)
    return core::fail(ErrorCode::out_of_range, "an invitation lasts from 1 second to 90 days");
  core::Invitation invitation;
  invitation.code_hash = code_hash;
  invitation.clinic_id = *practitioner.membership.clinic_id;
  invitation.practitioner_id = practitioner.person_id;
  invitation.created_at = now;
  invitation.expires_at = now + lifetime;
  return clinics.add_invitation(invitation);
}

namespace {

core::Result<LinkDetails> details_of(ClinicStore& clinics, const core::CareLink& link) {
  auto links = clinics.links_of_person(link.person_id);
  if (!links) return tl::make_unexpected(links.error());
  for (auto& details : *links)
    if (details.link.id == link.id) return details;
  return core::fail(ErrorCode::db_error, "the link just made could not be read back");
}

}  // namespace

core::Result<InvitationPreview> preview_invitation(ClinicStore& clinics, const core::Actor& person,
                                                   const std::string& code_hash, std::int64_t now) {
  auto found = clinics.find_invitation(code_hash);
  if (!found) return tl::make_unexpected(found.error());
  if (!*found) return core::fail(ErrorCode::not_found, "no invitation with that code");
  if (auto refusal = core::invitation_refusal((*found)->invitation, person, now))
    return core::fail(ErrorCode::precondition, *refusal);
  return **found;
}

core::Result<LinkDetails> accept_invitation(ClinicStore& clinics, const core::Actor& person,
                                            const std::string& code_hash, const core::Sharing& sharing,
                                            std::int64_t now) {
  auto link = clinics.accept_invitation(code_hash, person, sharing, now);
  if (!link) return tl::make_unexpected(link.error());
  return details_of(clinics, *link);
}

core::Result<LinkDetails> check_reach(ClinicStore& clinics, const Account& actor, std::int64_t person_id,
                                      core::CareArea area) {
  auto links = clinics.links_of_person(person_id);
  if (!links) return tl::make_unexpected(links.error());
  std::vector<core::CareLink> plain;
  plain.reserve(links->size());
  for (const auto& details : *links) plain.push_back(details.link);
  const auto verdict = core::decide_care_access(actor_of(actor), person_id, area, plain);
  switch (verdict.denial) {
    case core::AccessDenial::none:
      break;
    case core::AccessDenial::no_link:
    case core::AccessDenial::deactivated:  // as for a practitioner without a link (ADR 0021)
      return core::fail(ErrorCode::not_found, "no client " + std::to_string(person_id) + ": " + verdict.reason);
    case core::AccessDenial::not_a_practitioner:
    case core::AccessDenial::not_shared:
      return core::fail(ErrorCode::forbidden, verdict.reason);
  }
  const auto found =
      std::find_if(links->begin(), links->end(), [&](const LinkDetails& d) { return d.link.id == verdict.link->id; });
  return *found;
}

core::Result<LinkDetails> reach_client(ClinicStore& clinics, const Account& actor, std::int64_t person_id,
                                       core::CareArea area, core::AccessKind kind, const std::string& what,
                                       std::int64_t now) {
  auto link = check_reach(clinics, actor, person_id, area);
  if (!link) return link;
  AccessEntry entry;
  entry.person_id = person_id;
  entry.at = now;
  entry.actor_id = actor.person_id;
  entry.actor_name = actor.name;
  entry.actor_role = actor.membership.role;
  entry.clinic_id = actor.membership.clinic_id;
  entry.kind = kind;
  entry.area = area;
  entry.what = what;
  if (auto logged = clinics.add_access(entry); !logged) return tl::make_unexpected(logged.error());
  return link;
}

core::Result<std::vector<LinkDetails>> list_clients(ClinicStore& clinics, const Account& practitioner) {
  FASCIA_TRY(require_active_practitioner(practitioner, "has clients"));
  auto links = clinics.links_of_practitioner(practitioner.person_id);
  if (!links) return tl::make_unexpected(links.error());
  std::vector<LinkDetails> live;
  for (auto& details : *links)
    if (details.link.live() && details.link.clinic_id == *practitioner.membership.clinic_id)
      live.push_back(std::move(details));
  return live;
}

core::Journal journal_for_practitioner(core::Journal journal, const LinkDetails& link) {
  journal.sessions.clear();
  journal.clearances.clear();
  std::erase_if(journal.clinic_treatments,
                [&](const core::ClinicTreatmentEntry& t) { return t.clinic_id != link.link.clinic_id; });
  return journal;
}

std::vector<core::ClearanceEntry> clearances_seen_by_clinic(std::vector<core::ClearanceEntry> clearances,
                                                            std::int64_t clinic) {
  for (auto& c : clearances)
    if (c.clinic_id && *c.clinic_id != clinic) {
      c.by = kAnotherClinicsPractitioner;
      c.note.clear();
      c.clinic_id.reset();  // not even which clinic
    }
  return clearances;
}

core::Result<core::Sharing> parse_sharing(std::string_view words) {
  core::Sharing sharing;
  if (words == "none") return sharing;
  std::size_t start = 0;
  while (start <= words.size()) {
    const auto comma = words.find(',', start);
    auto word = words.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
    while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
    if (word == "journal")
      sharing.journal = true;
    else if (word == "sessions")
      sharing.sessions = true;
    else if (word == "screening")
      sharing.screening = true;
    else
      return core::fail(ErrorCode::invalid_argument,
                        "share: '" + std::string(word) + "' is not one of journal, sessions, screening (or none)");
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return sharing;
}

}  // namespace fascia::app
