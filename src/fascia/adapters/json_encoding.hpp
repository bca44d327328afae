// The one JSON encoding of each core type, written once as a list of fields
// and shared by the export codec and the views (ADL `to_json`, found by
// nlohmann when a value is converted). The JSON type decides the key order:
// nlohmann::ordered_json (the export) keeps the order listed here, which is
// the "fascia-export" format's; nlohmann::json (the views) sorts keys.
// Enums are the words the YAML and the CLI use, dates ISO (2026-03-02),
// an empty optional null. Encoding never fails; text that is not UTF-8 is
// dealt with when the value is written (json_text). For adapters' JSON files
// only: the server and the CLI get JSON values from json_views.hpp.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/planner.hpp"
#include "fascia/core/progress.hpp"
#include "fascia/core/reason_groups.hpp"
#include "fascia/core/referral.hpp"
#include "fascia/core/screening.hpp"
#include "fascia/core/session_runner.hpp"

namespace nlohmann {
template <class T>
struct adl_serializer<std::optional<T>> {
  template <class Json>
  static void to_json(Json& j, const std::optional<T>& v) {
    if (v)
      j = *v;
    else
      j = nullptr;
  }
};
// Dates are std::chrono values, so ADL cannot find a fascia to_json for them.
template <>
struct adl_serializer<fascia::core::Date> {
  template <class Json>
  static void to_json(Json& j, const fascia::core::Date& d) {
    j = fascia::core::format_date(d);
  }
};
}  // namespace nlohmann

// Like NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE, but only the to_json half (values
// are read back by the codec's strict decoders, never by this), and for any
// nlohmann JSON type: the fields in the order listed.
#define FASCIA_TO_JSON(Type, ...)                                            \
  template <class Json>                                                      \
  void to_json(Json& nlohmann_json_j, const Type& nlohmann_json_t) {         \
    NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(NLOHMANN_JSON_TO, __VA_ARGS__)) \
  }

// One enum's words: to_string(value).
#define FASCIA_ENUM_TO_JSON(Enum)  \
  template <class Json>            \
  void to_json(Json& j, Enum v) {  \
    j = std::string(to_string(v)); \
  }

namespace fascia::core {

FASCIA_ENUM_TO_JSON(Side)
FASCIA_ENUM_TO_JSON(RegionClass)
FASCIA_ENUM_TO_JSON(Modality)
FASCIA_ENUM_TO_JSON(DoseUnit)
FASCIA_ENUM_TO_JSON(ClearanceLevel)
FASCIA_ENUM_TO_JSON(StopAction)
FASCIA_ENUM_TO_JSON(QuestionKind)
FASCIA_ENUM_TO_JSON(Laterality)
FASCIA_ENUM_TO_JSON(PractitionerKind)
FASCIA_ENUM_TO_JSON(StepStatus)
FASCIA_ENUM_TO_JSON(ReviewState)

// A range as [min, max].
template <class Json>
void to_json(Json& j, const IntRange& r) {
  j = Json::array({r.min, r.max});
}

// What a person has: the export's order (person.hpp).
FASCIA_TO_JSON(RegionTarget, region, side, pain)
FASCIA_TO_JSON(Profile, name, regions, tools, weekdays, minutes_per_session, start, weeks)
FASCIA_TO_JSON(RegionSide, region, side)
FASCIA_TO_JSON(Answer, yes, regions)
FASCIA_TO_JSON(ScreeningRecord, date, answers)
FASCIA_TO_JSON(PainEntry, date, region, side, score)
FASCIA_TO_JSON(ReactionEntry, date, region, side, redness, red_dots, bruising, soreness)
FASCIA_TO_JSON(HabitEntry, date, habit)
FASCIA_TO_JSON(TreatmentEntry, date, treatment, region, note)
FASCIA_TO_JSON(NoteEntry, date, text)
FASCIA_TO_JSON(StepLog, index, technique, region, side, modality, status, strokes, seconds, pressure_used, stop_sign,
               note, other_stop_signs)
FASCIA_TO_JSON(SessionEntry, id, date, protocol, target_region, side, stopped, stop_sign, other_stop_signs, steps)
FASCIA_TO_JSON(ClearanceEntry, date, by, regions, note, after_screenings, by_practitioner, clinic_id)
FASCIA_TO_JSON(ClinicTreatmentEntry, id, date, treatment, regions, pressure, minutes, reaction, note, practitioner_id,
               practitioner, clinic_id)
FASCIA_TO_JSON(ProgramItem, protocol, target, max_pressure, dose_percent, cue)
FASCIA_TO_JSON(HomeProgram, id, version, practitioner_id, practitioner, clinic_id, clinic, assigned, start, weeks,
               review, weekdays, items, clinic_only, note, ended, ended_by)
FASCIA_TO_JSON(Journal, pain, reactions, habits, treatments, notes, sessions, clearances, clinic_treatments)

// The knowledge base.
FASCIA_TO_JSON(Source, id, title, citation)
FASCIA_TO_JSON(SourcedValue, value, source)
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
FASCIA_TO_JSON(TreatmentModality, id, name, description, offered_by_practitioners, counts_as, source, practitioner_kind)
FASCIA_TO_JSON(PainLocation, id, name, warning, source)

// What fascia works out: screening, plans, sessions, progress, referral.
FASCIA_TO_JSON(Reason, rule, text, source)
FASCIA_TO_JSON(ReasonArea, region, side, name)
FASCIA_TO_JSON(ReasonGroup, rule, text, areas, date, source)
FASCIA_TO_JSON(Finding, rule, level, because, regions, modalities, pressure_cap, gentle, advice, source, until_cleared,
               raised, carried, cleared, cleared_by, cleared_regions, finder_need)
FASCIA_TO_JSON(FindingHistory, rule, level, raised, because, regions, cleared, cleared_by, source, stop_sign,
               stop_sign_name)
FASCIA_TO_JSON(PlannedStep, index, technique, technique_name, modality, unit, edge, edge_name, region, region_name,
               side, per_side, optional, direction, pressure, dose, target, instruction, cues, cautions, stop_signs,
               adaptations, source)
FASCIA_TO_JSON(PlannedSession, protocol, protocol_name, target_region, side, steps)
FASCIA_TO_JSON(PlanDay, date, sessions)
FASCIA_TO_JSON(Exclusion, region, side, reasons, finder_need)
// Not the planner's own workings (templates, removed_by_final_check).
FASCIA_TO_JSON(Plan, blocked, blocked_by, start, end, review, days, excluded, notes, habits, program_id,
               program_version, assigned_by, assigned_clinic, assigned_on)
FASCIA_TO_JSON(TodayView, date, blocked, blocked_by, due, next, due_after_checkin, next_condition, not_today,
               review_due, finished)
FASCIA_TO_JSON(StopOutcome, action, advice, rescreen, session_over, finder_need)
FASCIA_TO_JSON(TrendPoint, date, score)
FASCIA_TO_JSON(RegionTrend, region, region_name, side, baseline, points, latest, change, change_percent, meaningful)
FASCIA_TO_JSON(WeekAdherence, week_start, planned, done, stopped, steps_skipped, habits)
FASCIA_TO_JSON(ReviewVerdict, state, date, see_practitioner, sessions_planned, sessions_done, reasons, finder_need)
FASCIA_TO_JSON(Adjustment, date, region, reason)
FASCIA_TO_JSON(Progress, trends, weeks, review, adjustments, warnings, treatments_elsewhere, safety_findings,
               clearances)
FASCIA_TO_JSON(ReferralSuggestion, region, region_name, score, locations, practitioner_only, sources)

}  // namespace fascia::core

#undef FASCIA_ENUM_TO_JSON
#undef FASCIA_TO_JSON
