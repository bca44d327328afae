#include "fascia/adapters/json_views.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "fascia/adapters/json_text.hpp"
#include "fascia/core/reason_groups.hpp"

using nlohmann::json;

namespace nlohmann {
template <class T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& v) {
    if (v)
      j = *v;
    else
      j = nullptr;
  }
};
// Dates are std::chrono values, so ADL cannot find a fascia to_json for them.
template <>
struct adl_serializer<fascia::core::Date> {
  static void to_json(json& j, const fascia::core::Date& d) { j = fascia::core::format_date(d); }
};
}  // namespace nlohmann

// Like NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE, but only the to_json half: these
// views are written, never read back.
#define FASCIA_TO_JSON(Type, ...)                                                     \
  inline void to_json(nlohmann::json& nlohmann_json_j, const Type& nlohmann_json_t) { \
    NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(NLOHMANN_JSON_TO, __VA_ARGS__))          \
  }

namespace fascia::core {

// Enums as the same words the YAML and the CLI use.
inline void to_json(json& j, Side v) { j = std::string(to_string(v)); }
inline void to_json(json& j, RegionClass v) { j = std::string(to_string(v)); }
inline void to_json(json& j, Modality v) { j = std::string(to_string(v)); }
inline void to_json(json& j, DoseUnit v) { j = std::string(to_string(v)); }
inline void to_json(json& j, ClearanceLevel v) { j = std::string(to_string(v)); }
inline void to_json(json& j, StopAction v) { j = std::string(to_string(v)); }
inline void to_json(json& j, QuestionKind v) { j = std::string(to_string(v)); }
inline void to_json(json& j, Laterality v) { j = std::string(to_string(v)); }
inline void to_json(json& j, StepStatus v) { j = std::string(to_string(v)); }
inline void to_json(json& j, ReviewState v) { j = std::string(to_string(v)); }
inline void to_json(json& j, const IntRange& r) { j = json::array({r.min, r.max}); }

FASCIA_TO_JSON(Reason, rule, text, source)
FASCIA_TO_JSON(ReasonArea, region, side, name)
FASCIA_TO_JSON(ReasonGroup, rule, text, areas, date, source)
FASCIA_TO_JSON(Source, id, title, citation)
FASCIA_TO_JSON(Region, id, name, chain, laterality, region_class, pressure_cap, allowed_techniques, dose_seconds, note,
               source)
FASCIA_TO_JSON(Chain, id, name, regions, note, source)
FASCIA_TO_JSON(Edge, id, name, description, substitutes, source)
FASCIA_TO_JSON(Tool, id, name, edges, source)
FASCIA_TO_JSON(Kit, id, name, tools, note, source)
FASCIA_TO_JSON(Technique, id, name, modality, unit, pressure, seconds_per_stroke, description, source)
FASCIA_TO_JSON(Step, technique, edges, region, direction, pressure, dose, per_side, optional, instruction, cues,
               cautions, stop_signs, source)
FASCIA_TO_JSON(Protocol, id, name, summary, condition, eligible_regions, requires_tools, sessions_per_week, weeks,
               steps, source)
FASCIA_TO_JSON(Question, id, text, kind, group, help, source)
FASCIA_TO_JSON(StopSign, id, name, action, advice, rescreen_question, lower_pressure_next_time, source)
FASCIA_TO_JSON(Habit, id, name, description, source)
FASCIA_TO_JSON(TreatmentModality, id, name, description, offered_by_practitioners, source)
FASCIA_TO_JSON(PainLocation, id, name, warning, source)
FASCIA_TO_JSON(SourcedValue, value, source)
FASCIA_TO_JSON(RegionTarget, region, side, pain)
FASCIA_TO_JSON(Profile, name, regions, tools, weekdays, minutes_per_session, start, weeks)
FASCIA_TO_JSON(RegionSide, region, side)
FASCIA_TO_JSON(Finding, rule, level, because, regions, modalities, pressure_cap, gentle, advice, source, until_cleared,
               raised, carried)
FASCIA_TO_JSON(FindingHistory, rule, level, raised, because, regions, cleared, cleared_by, source, stop_sign,
               stop_sign_name)
FASCIA_TO_JSON(ClearanceEntry, date, by, regions, note, after_screenings)
FASCIA_TO_JSON(PlannedStep, index, technique, technique_name, modality, unit, edge, edge_name, region, region_name,
               side, per_side, optional, direction, pressure, dose, target, instruction, cues, cautions, stop_signs,
               adaptations, source)
FASCIA_TO_JSON(PlannedSession, protocol, protocol_name, target_region, side, steps)
FASCIA_TO_JSON(PlanDay, date, sessions)
FASCIA_TO_JSON(Exclusion, region, side, reasons)
FASCIA_TO_JSON(StepLog, index, technique, region, side, modality, status, strokes, seconds, pressure_used, stop_sign,
               note)
FASCIA_TO_JSON(StopOutcome, action, advice, rescreen, session_over)
FASCIA_TO_JSON(TrendPoint, date, score)
FASCIA_TO_JSON(RegionTrend, region, region_name, side, baseline, points, latest, change, change_percent, meaningful)
FASCIA_TO_JSON(WeekAdherence, week_start, planned, done, stopped, steps_skipped, habits)
FASCIA_TO_JSON(ReviewVerdict, state, date, see_practitioner, sessions_planned, sessions_done, reasons)
FASCIA_TO_JSON(Adjustment, date, region, reason)
FASCIA_TO_JSON(ReferralSuggestion, region, region_name, score, locations, practitioner_only, sources)

}  // namespace fascia::core

namespace fascia::adapters {

namespace {

std::string dump(const json& j) { return json_text(j, 2); }

template <class Map>
json list_of(const Map& map) {
  json out = json::array();
  for (const auto& [id, v] : map) out.push_back(v);
  return out;
}

json kb_kind(const core::KnowledgeBase& kb, const std::string& kind) {
  if (kind == "regions") return list_of(kb.regions);
  if (kind == "chains") return list_of(kb.chains);
  if (kind == "edges") return list_of(kb.edges);
  if (kind == "tools") return list_of(kb.tools);
  if (kind == "kits") return list_of(kb.kits);
  if (kind == "techniques") return list_of(kb.techniques);
  if (kind == "protocols") return list_of(kb.protocols);
  if (kind == "questions") return json(kb.questions);
  if (kind == "stop-signs") return list_of(kb.stop_signs);
  if (kind == "habits") return list_of(kb.habits);
  if (kind == "treatments") return list_of(kb.treatments);
  if (kind == "locations") return list_of(kb.pain_locations);
  if (kind == "sources") return list_of(kb.sources);
  if (kind == "caps") {
    const auto& c = kb.caps;
    return json{{"instrument-sessions-per-7-days", c.instrument_sessions_per_7_days},
                {"instrument-min-hours-between", c.instrument_min_hours_between},
                {"compression-min-hours-between", c.compression_min_hours_between},
                {"home-pressure-ceiling", c.home_pressure_ceiling},
                {"instrument-minutes-per-session", c.instrument_minutes_per_session},
                {"program-weeks-min", c.program_weeks_min},
                {"program-weeks-max", c.program_weeks_max},
                {"review-week", c.review_week},
                {"review-min-adherence-percent", c.review_min_adherence_percent},
                {"soreness-resolved-at", c.soreness_resolved_at},
                {"checkin-after-hours", c.checkin_after_hours},
                {"bruise-pressure-step", c.bruise_pressure_step},
                {"repeated-bruising-count", c.repeated_bruising_count},
                {"worse-after-hours", c.worse_after_hours},
                {"meaningful-change-points", c.meaningful_change_points},
                {"meaningful-change-percent", c.meaningful_change_percent},
                {"trigger-point-hold-min-seconds", c.trigger_point_hold_min_seconds},
                {"trigger-point-hold-max-seconds", c.trigger_point_hold_max_seconds}};
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> kb_kinds() {
  return {"regions",   "chains",     "edges",  "tools",      "kits",      "techniques", "protocols",
          "questions", "stop-signs", "habits", "treatments", "locations", "sources",    "caps"};
}

std::string kb_list_json(const core::KnowledgeBase& kb, const std::string& kind) {
  json j = kb_kind(kb, kind);
  return j.is_null() ? std::string() : dump(j);
}

std::string kb_entry_json(const core::KnowledgeBase& kb, const std::string& kind, const std::string& id) {
  json all = kb_kind(kb, kind);
  if (all.is_array())
    for (const auto& e : all)
      if (e.value("id", "") == id) return dump(e);
  if (all.is_object() && all.contains(id)) return dump(all[id]);
  return {};
}

std::vector<std::pair<std::string, std::string>> kb_list_rows(const core::KnowledgeBase& kb, const std::string& kind) {
  std::vector<std::pair<std::string, std::string>> rows;
  json all = kb_kind(kb, kind);
  if (all.is_array()) {
    for (const auto& e : all) {
      std::string label = e.contains("name")   ? e["name"].get<std::string>()
                          : e.contains("text") ? e["text"].get<std::string>()
                                               : e.value("title", "");
      rows.emplace_back(e.value("id", ""), label);
    }
  } else if (all.is_object()) {
    for (const auto& [id, v] : all.items())
      rows.emplace_back(id, std::to_string(v["value"].get<int>()) + " (" + v["source"].get<std::string>() + ")");
  }
  return rows;
}

namespace {
json entry_of(const core::SessionEntry& s) {
  return json{{"id", s.id},     {"date", s.date},   {"protocol", s.protocol}, {"target_region", s.target_region},
              {"side", s.side}, {"steps", s.steps}, {"stopped", s.stopped},   {"stop_sign", s.stop_sign}};
}
json clearance_of(const core::Clearance& c) {
  return json{{"level", c.level}, {"plan_allowed", c.plan_allowed()}, {"findings", c.findings}};
}
}  // namespace

std::string problems_json(const std::vector<std::string>& problems) {
  return dump(json{{"ok", problems.empty()}, {"problems", problems}});
}
std::string profile_json(const core::Profile& profile) { return dump(json(profile)); }

std::string clearance_json(const core::Clearance& c) { return dump(clearance_of(c)); }

std::string plan_json(const core::Plan& p) {
  return dump(json{{"blocked", p.blocked},
                   {"blocked_by", p.blocked_by},
                   {"start", p.start},
                   {"end", p.end},
                   {"review", p.review},
                   {"days", p.days},
                   {"excluded", p.excluded},
                   {"notes", p.notes},
                   {"habits", p.habits}});
}

std::string today_json(const core::TodayView& v) {
  return dump(json{{"date", v.date},
                   {"blocked", v.blocked},
                   {"blocked_by", v.blocked_by},
                   {"due", v.due},
                   {"next", v.next},
                   {"next_condition", v.next_condition},
                   {"not_today", v.not_today},
                   {"why_not_today", core::group_reasons(v.not_today)},
                   {"review_due", v.review_due},
                   {"finished", v.finished}});
}

std::string session_json(const core::SessionEntry& s, const std::vector<core::StopOutcome>& stops) {
  json out = entry_of(s);
  out["stops"] = stops;
  return dump(out);
}

std::string session_entry_json(const core::SessionEntry& session) { return json_text(entry_of(session)); }

std::string sessions_json(const std::vector<core::SessionEntry>& sessions) {
  json out = json::array();
  for (const auto& s : sessions) out.push_back(entry_of(s));
  return json_text(out);
}

std::string stop_outcome_json(const core::StopOutcome& outcome) { return json_text(json(outcome)); }

std::string session_saved_json(const core::SessionEntry& session, const std::vector<core::StopOutcome>& stops,
                               const std::vector<core::Reason>& warnings,
                               const std::optional<core::Clearance>& clearance) {
  return json_text(json{{"session", entry_of(session)},
                        {"stops", stops},
                        {"warnings", warnings},
                        {"clearance", clearance ? clearance_of(*clearance) : json(nullptr)}});
}

std::string progress_json(const core::Progress& p) {
  return dump(json{{"trends", p.trends},
                   {"weeks", p.weeks},
                   {"review", p.review},
                   {"adjustments", p.adjustments},
                   {"warnings", p.warnings},
                   {"treatments_elsewhere", p.treatments_elsewhere},
                   {"safety_findings", p.safety_findings},
                   {"clearances", p.clearances}});
}

std::string clearances_json(const std::vector<core::ClearanceEntry>& clearances) { return dump(json(clearances)); }

std::string referral_json(const std::vector<core::ReferralSuggestion>& s, const std::vector<core::Reason>& warnings) {
  return dump(
      json{{"note", "possible sources to explore, not a diagnosis: finding trigger points by touch is unreliable"},
           {"warnings", warnings},
           {"suggestions", s}});
}

std::string message_json(const std::string& key, const std::string& value) { return dump(json{{key, value}}); }

}  // namespace fascia::adapters
