#include "fascia/adapters/json_care_views.hpp"

#include <ctime>

namespace fascia::adapters {

std::string utc_text(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&t, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

nlohmann::json clinic_json(const app::Clinic& clinic) {
  return {{"id", clinic.id}, {"name", clinic.name}, {"created", core::format_date(clinic.created)}};
}

nlohmann::json sharing_json(const core::Sharing& sharing) {
  return {{"journal", sharing.journal}, {"sessions", sharing.sessions}, {"screening", sharing.screening}};
}

nlohmann::json link_json(const app::LinkDetails& details) {
  const auto& link = details.link;
  return {{"id", link.id},
          {"clinic", {{"id", link.clinic_id}, {"name", details.clinic_name}}},
          {"practitioner",
           {{"person_id", link.practitioner_id},
            {"name", details.practitioner_name},
            {"active", details.practitioner_state == core::AccountState::active}}},
          {"client", {{"person_id", link.person_id}, {"name", details.person_name}}},
          {"share", sharing_json(link.sharing)},
          {"created", utc_text(link.created_at)},
          {"revoked", link.revoked_at ? nlohmann::json(utc_text(*link.revoked_at)) : nlohmann::json(nullptr)},
          {"live", link.live()}};
}

nlohmann::json links_json(const std::vector<app::LinkDetails>& links) {
  auto out = nlohmann::json::array();
  for (const auto& link : links) out.push_back(link_json(link));
  return out;
}

nlohmann::json invitation_json(const std::string& shown_code, const core::Invitation& invitation) {
  return {{"id", invitation.id},
          {"code", shown_code},
          {"expires", utc_text(invitation.expires_at)},
          {"clinic_id", invitation.clinic_id}};
}

nlohmann::json invitation_preview_json(const app::InvitationPreview& preview) {
  return {{"practitioner", preview.practitioner_name},
          {"clinic", preview.clinic_name},
          {"expires", utc_text(preview.invitation.expires_at)}};
}

nlohmann::json invitation_status_json(const app::InvitationDetails& details, std::int64_t now) {
  const auto& i = details.invitation;
  const auto time_or_null = [](const std::optional<std::int64_t>& t) {
    return t ? nlohmann::json(utc_text(*t)) : nlohmann::json(nullptr);
  };
  nlohmann::json accepted_by = nullptr;
  if (i.used_by) accepted_by = {{"person_id", *i.used_by}, {"name", details.accepted_by}};
  return {{"id", i.id},
          {"clinic_id", i.clinic_id},
          {"created", utc_text(i.created_at)},
          {"expires", utc_text(i.expires_at)},
          {"state", core::to_string(core::invitation_state(i, now))},
          {"used", time_or_null(i.used_at)},
          {"accepted_by", accepted_by},
          {"cancelled", time_or_null(i.cancelled_at)}};
}

nlohmann::json invitation_statuses_json(const std::vector<app::InvitationDetails>& invitations, std::int64_t now) {
  auto out = nlohmann::json::array();
  for (const auto& details : invitations) out.push_back(invitation_status_json(details, now));
  return out;
}

nlohmann::json access_log_json(const std::vector<app::AccessEntry>& entries) {
  auto out = nlohmann::json::array();
  for (const auto& e : entries)
    out.push_back(
        {{"at", utc_text(e.at)},
         {"who", {{"person_id", e.actor_id}, {"name", e.actor_name}, {"role", core::to_string(e.actor_role)}}},
         {"clinic_id", e.clinic_id ? nlohmann::json(*e.clinic_id) : nlohmann::json(nullptr)},
         {"kind", core::to_string(e.kind)},
         {"area", core::to_string(e.area)},
         {"what", e.what}});
  return out;
}

nlohmann::json account_json(const app::Account& account) {
  const auto& m = account.membership;
  return {{"name", account.name},
          {"person_id", account.person_id},
          {"role", core::to_string(m.role)},
          {"clinic_id", m.clinic_id ? nlohmann::json(*m.clinic_id) : nlohmann::json(nullptr)},
          {"active", !account.deactivated_at},
          {"deactivated",
           account.deactivated_at ? nlohmann::json(utc_text(*account.deactivated_at)) : nlohmann::json(nullptr)}};
}

namespace {

nlohmann::json author_json(const core::NoteRevision& r) { return {{"person_id", r.author_id}, {"name", r.author}}; }

void put_soap(nlohmann::json& out, const core::Soap& text) {
  out["subjective"] = text.subjective;
  out["objective"] = text.objective;
  out["assessment"] = text.assessment;
  out["plan"] = text.plan;
}

}  // namespace

nlohmann::json visit_note_json(const core::VisitNote& note) {
  auto revisions = nlohmann::json::array();
  for (const auto& r : note.revisions) {
    nlohmann::json one{{"number", r.number},
                       {"at", utc_text(r.at)},
                       {"by", author_json(r)},
                       {"reason", r.number == 1 ? nlohmann::json(nullptr) : nlohmann::json(r.reason)}};
    put_soap(one, r.text);
    revisions.push_back(std::move(one));
  }
  const auto& first = note.revisions.front();
  nlohmann::json out{{"id", note.id},
                     {"client_id", note.person_id},
                     {"clinic", {{"id", note.clinic_id}, {"name", note.clinic_name}}},
                     {"visit_date", core::format_date(note.visit_date)},
                     {"written", {{"at", utc_text(first.at)}, {"by", author_json(first)}}},
                     {"revision", note.current().number},
                     {"amended", note.amended()}};
  put_soap(out, note.current().text);
  out["revisions"] = std::move(revisions);
  return out;
}

nlohmann::json visit_notes_json(const std::vector<core::VisitNote>& notes) {
  auto list = nlohmann::json::array();
  for (const auto& note : notes) list.push_back(visit_note_json(note));
  return {{"notes", std::move(list)}};
}

}  // namespace fascia::adapters
