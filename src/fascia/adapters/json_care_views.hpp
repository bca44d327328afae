// JSON views of clinics, care links, invitations and the access log (issue
// 10): what the terminal's --json prints and the API answers. Times are
// written as UTC text, "2026-11-30T10:15:27Z".
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fascia/app/account_store.hpp"
#include "fascia/app/clinic_store.hpp"
#include "fascia/core/visit_note.hpp"

namespace fascia::adapters {

// Unix seconds as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_text(std::int64_t unix_seconds);

// {"id", "name", "created"}.
nlohmann::json clinic_json(const app::Clinic& clinic);
// {"journal", "sessions", "screening"}: booleans.
nlohmann::json sharing_json(const core::Sharing& sharing);
// {"id", "clinic": {"id", "name"}, "practitioner": {"person_id", "name", "active"},
//  "client": {"person_id", "name"}, "share", "created", "revoked" (text or null), "live"}.
nlohmann::json link_json(const app::LinkDetails& link);
nlohmann::json links_json(const std::vector<app::LinkDetails>& links);
// {"id", "code" (as shown, in groups), "expires", "clinic_id"}.
nlohmann::json invitation_json(const std::string& shown_code, const core::Invitation& invitation);
// An invitation as the person holding its code sees it before accepting:
// {"practitioner", "clinic", "expires"} (names, and the expiry as UTC text).
nlohmann::json invitation_preview_json(const app::InvitationPreview& preview);
// An invitation as its practitioner lists it, never its code: {"id",
// "clinic_id", "created", "expires", "state" (open, used, expired, cancelled
// at `now`), "used" (text or null), "accepted_by" ({"person_id", "name"} or
// null), "cancelled" (text or null)}.
nlohmann::json invitation_status_json(const app::InvitationDetails& details, std::int64_t now);
nlohmann::json invitation_statuses_json(const std::vector<app::InvitationDetails>& invitations, std::int64_t now);
// [{"at", "who": {"person_id", "name", "role"}, "clinic_id", "kind", "area", "what"}], as given (newest first).
nlohmann::json access_log_json(const std::vector<app::AccessEntry>& entries);
// A visit note: {"id", "client_id", "clinic": {"id", "name"}, "visit_date"
// (YYYY-MM-DD), "written": {"at", "by": {"person_id", "name"}} (revision
// 1), "revision" (the latest's number), "subjective", "objective",
// "assessment", "plan" (the latest text), "amended" (boolean), "revisions":
// every revision oldest first, [{"number", "at", "by": {"person_id",
// "name"}, "reason" (null for revision 1), "subjective", "objective",
// "assessment", "plan"}]}.
nlohmann::json visit_note_json(const core::VisitNote& note);
// {"notes": [visit_note_json...]}, as given.
nlohmann::json visit_notes_json(const std::vector<core::VisitNote>& notes);
// {"name", "person_id", "role", "clinic_id" (or null), "active",
// "deactivated" (text or null)}.
nlohmann::json account_json(const app::Account& account);

}  // namespace fascia::adapters
