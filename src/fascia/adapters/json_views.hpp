// The JSON views of one person's data: what `fascia ... --json` prints and
// what the HTTP API answers. Each returns a JSON value (nlohmann::json, whose
// objects keep their keys sorted) and writes no text: the terminal writes it
// with json_text(value, 2), the server compact. A view is the one encoding of
// its core types (json_encoding.hpp, shared with the export) plus what is
// worked out for display, so a session in a view is the session as the export
// writes it. Field names are stable snake_case; building a view never fails.
// The knowledge base's views are in json_kb_views.hpp.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "fascia/app/session_checkin.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/planner.hpp"
#include "fascia/core/progress.hpp"
#include "fascia/core/referral.hpp"
#include "fascia/core/screening.hpp"
#include "fascia/core/session_runner.hpp"

namespace fascia::adapters {

// `fascia kb check`: {ok, problems: ["file:line: message", ...]}.
nlohmann::json problems_json(const std::vector<std::string>& problems);
// The profile, as the export writes it.
nlohmann::json profile_json(const core::Profile& profile);
// A screening's outcome: {level, plan_allowed, findings}.
nlohmann::json clearance_json(const core::Clearance& clearance);
// The latest screening as the export writes it ({date, answers}) with the
// outcome in force, `clearance` (as clearance_json).
nlohmann::json screening_json(const core::ScreeningRecord& record, const core::Clearance& clearance);
// The whole program: {blocked, blocked_by, start, end, review, days, excluded, notes, habits}.
nlohmann::json plan_json(const core::Plan& plan);
// What is due today, or why not: the view's fields plus `why_not_today`, its
// reasons grouped for display (core::group_reasons).
nlohmann::json today_json(const core::TodayView& view);
// A logged session as the export writes it, with no derived fields.
nlohmann::json session_entry_json(const core::SessionEntry& session);
// The logged sessions, each as session_entry_json, in the order given.
nlohmann::json sessions_json(const std::vector<core::SessionEntry>& sessions);
// A session the terminal just saved: session_entry_json plus `stops`, the
// outcome of each stop.
nlohmann::json session_json(const core::SessionEntry& session, const std::vector<core::StopOutcome>& stops);
// One stop's advice: {action, advice, rescreen, session_over}.
nlohmann::json stop_outcome_json(const core::StopOutcome& outcome);
// The answer to posting a guided session: {session (session_entry_json),
// stops, warnings, clearance (clearance_json, null when the session changed
// no screening)}.
nlohmann::json session_saved_json(const core::SessionEntry& session, const std::vector<core::StopOutcome>& stops,
                                  const std::vector<core::Reason>& warnings,
                                  const std::optional<core::Clearance>& clearance);
// What a check-in after one session covers: {session_id, session_date,
// counts_from, areas}, each area a check-in as the export writes it, without
// its date (not chosen yet), plus `region_name` and `settled`.
nlohmann::json checkin_form_json(const core::KnowledgeBase& kb, const app::SessionCheckinForm& form);
// The answer to a session check-in: the form's fields except `areas`, plus
// `saved` (each stored check-in as in checkin_form_json, with its date),
// `early` and `not_settled`.
nlohmann::json checkin_saved_json(const core::KnowledgeBase& kb, const app::SessionCheckinSaved& saved);
// The journal, as the export's "journal" part.
nlohmann::json journal_json(const core::Journal& journal);
// Trends, weeks, the review, adjustments, warnings, treatments elsewhere,
// safety findings and clearances.
nlohmann::json progress_json(const core::Progress& progress);
// The recorded practitioner clearances, oldest first, as the export writes them:
// [{date, by, regions: [{region, side}], note, after_screenings}].
nlohmann::json clearances_json(const std::vector<core::ClearanceEntry>& clearances);
// A practitioner's clinic treatment as the export writes it: {id, date,
// treatment, regions: [{region, side}], pressure, minutes, reaction, note,
// practitioner_id, practitioner, clinic_id}.
nlohmann::json clinic_treatment_json(const core::ClinicTreatmentEntry& entry);
// The answer to recording one: clinic_treatment_json plus home_work_resumes,
// the first day home work of its kind may load its areas again after it
// alone (core::home_work_resumes; "YYYY-MM-DD", null when it counts as nothing).
nlohmann::json recorded_clinic_treatment_json(const core::KnowledgeBase& kb, const core::ClinicTreatmentEntry& entry);
// "Pain here often comes from there": {note, warnings, suggestions}.
nlohmann::json referral_json(const std::vector<core::ReferralSuggestion>& suggestions,
                             const std::vector<core::Reason>& warnings);
// A one-field object {key: value}, e.g. {"saved": "pain 4/10 in neck ..."}.
nlohmann::json message_json(const std::string& key, const std::string& value);

}  // namespace fascia::adapters
