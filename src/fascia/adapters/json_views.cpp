#include "fascia/adapters/json_views.hpp"

#include "fascia/adapters/json_encoding.hpp"
#include "fascia/core/journal_analysis.hpp"
#include "fascia/core/reason_groups.hpp"
#include "fascia/core/treatment_ledger.hpp"

using nlohmann::json;

namespace fascia::adapters {

namespace {

// A check-in as stored, plus what a person reads: the region's name and
// whether it releases the hold. Without its date when `dated` is no.
enum class Dated { no, yes };
json checkin_area_json(const core::KnowledgeBase& kb, const core::ReactionEntry& e, Dated dated) {
  json out = e;
  const core::Region* region = kb.region(e.region);
  out["region_name"] = region ? region->name : e.region;
  out["settled"] = core::reaction_settled(kb, e);
  if (dated == Dated::no) out.erase("date");
  return out;
}

}  // namespace

json problems_json(const std::vector<std::string>& problems) {
  return json{{"ok", problems.empty()}, {"problems", problems}};
}

json profile_json(const core::Profile& profile) { return profile; }

json clearance_json(const core::Clearance& c) {
  return json{{"level", c.level}, {"plan_allowed", c.plan_allowed()}, {"findings", c.findings}};
}

json screening_json(const core::ScreeningRecord& record, const core::Clearance& clearance) {
  json out = record;
  out["clearance"] = clearance_json(clearance);
  return out;
}

json plan_json(const core::Plan& plan) {
  json out = plan;
  if (plan.program_id == 0) out["assigned_on"] = nullptr;  // the person's own plan: assigned by no one
  return out;
}

json today_json(const core::TodayView& view) {
  json out = view;
  out["why_not_today"] = core::group_reasons(view.not_today);
  return out;
}

json session_entry_json(const core::SessionEntry& session) { return session; }

json sessions_json(const std::vector<core::SessionEntry>& sessions) { return sessions; }

json session_json(const core::SessionEntry& session, const std::vector<core::StopOutcome>& stops) {
  json out = session_entry_json(session);
  out["stops"] = stops;
  return out;
}

json stop_outcome_json(const core::StopOutcome& outcome) { return outcome; }

json session_saved_json(const core::SessionEntry& session, const std::vector<core::StopOutcome>& stops,
                        const std::vector<core::Reason>& warnings, const std::optional<core::Clearance>& clearance) {
  return json{{"session", session_entry_json(session)},
              {"stops", stops},
              {"warnings", warnings},
              {"clearance", clearance ? clearance_json(*clearance) : json(nullptr)}};
}

json checkin_form_json(const core::KnowledgeBase& kb, const app::SessionCheckinForm& form) {
  json areas = json::array();
  for (const auto& a : form.areas) areas.push_back(checkin_area_json(kb, a, Dated::no));
  return json{{"session_id", form.session_id},
              {"clinic_treatment_id", form.clinic_treatment_id},
              {"session_date", form.session_date},
              {"counts_from", form.counts_from},
              {"areas", areas}};
}

json checkin_saved_json(const core::KnowledgeBase& kb, const app::SessionCheckinSaved& saved) {
  json entries = json::array();
  for (const auto& e : saved.saved) entries.push_back(checkin_area_json(kb, e, Dated::yes));
  json out = checkin_form_json(kb, saved.form);
  out.erase("areas");
  out["saved"] = entries;
  out["early"] = saved.early;
  out["not_settled"] = saved.not_settled;
  return out;
}

json journal_json(const core::Journal& journal) { return journal; }

json progress_json(const core::Progress& progress) { return progress; }

json clearances_json(const std::vector<core::ClearanceEntry>& clearances) { return clearances; }

json clinic_treatment_json(const core::ClinicTreatmentEntry& entry) { return entry; }

json recorded_clinic_treatment_json(const core::KnowledgeBase& kb, const core::ClinicTreatmentEntry& entry) {
  json out = clinic_treatment_json(entry);
  const auto resumes = core::home_work_resumes(kb, entry);
  out["home_work_resumes"] = resumes ? json(core::format_date(*resumes)) : json(nullptr);
  return out;
}

json referral_json(const std::vector<core::ReferralSuggestion>& s, const std::vector<core::Reason>& warnings) {
  return json{{"note", "possible sources to explore, not a diagnosis: finding trigger points by touch is unreliable"},
              {"warnings", warnings},
              {"suggestions", s}};
}

json message_json(const std::string& key, const std::string& value) { return json{{key, value}}; }

}  // namespace fascia::adapters
