#include "fascia/app/validate.hpp"

#include <algorithm>

#include "fascia/app/clearance.hpp"
#include "fascia/app/clinic_treatments.hpp"
#include "fascia/app/text_limits.hpp"
#include "fascia/app/tool_inventory.hpp"
#include "fascia/core/home_program.hpp"
#include "fascia/core/screening.hpp"

namespace fascia::app {

using core::ErrorCode;
using core::fail;
using core::Result;

namespace {
std::string at(const std::string& where) { return where.empty() ? "" : where + ": "; }
}  // namespace

Result<void> validate_region_side(const core::KnowledgeBase& kb, const std::string& region, core::Side side,
                                  const std::string& where) {
  const core::Region* r = kb.region(region);
  if (!r) return fail(ErrorCode::unknown_name, at(where) + "unknown region '" + region + "' (see: fascia kb list regions)");
  const bool midline = r->laterality == core::Laterality::midline;
  if (midline != (side == core::Side::midline))
    return fail(ErrorCode::invalid_argument, at(where) + "region '" + region + "' takes " +
                                                 (midline ? "side midline" : "side left, right or both") + ", not " +
                                                 std::string(core::to_string(side)));
  return {};
}

Result<void> validate_score(int value, const std::string& what) {
  if (value < 0 || value > 10)
    return fail(ErrorCode::out_of_range, what + " " + std::to_string(value) + " is outside 0..10");
  return {};
}

Result<void> validate_entry_date(core::Date date, core::Date today, const std::string& where) {
  if (date > today)
    return fail(ErrorCode::bad_date, at(where) + "date " + core::format_date(date) + " is in the future (today is " +
                                         core::format_date(today) + ")");
  return {};
}

Result<void> validate_profile(const core::KnowledgeBase& kb, const core::Profile& p) {
  FASCIA_TRY(check_text(p.name, kProfileNameLimit, "profile: name"));
  if (p.regions.empty()) return fail(ErrorCode::invalid_argument, "profile: name at least one region to work on");
  for (const auto& t : p.regions) {
    FASCIA_TRY(validate_region_side(kb, t.region, t.side, "profile region"));
    FASCIA_TRY(validate_score(t.pain, "profile pain for " + t.region));
  }
  FASCIA_TRY(expand_owned_tools(kb, p.tools));
  if (p.weekdays.empty()) return fail(ErrorCode::invalid_argument, "profile: name at least one day of the week");
  for (int d : p.weekdays)
    if (d < 0 || d > 6) return fail(ErrorCode::out_of_range, "profile: weekday " + std::to_string(d) + " is outside 0..6");
  if (p.minutes_per_session < 5 || p.minutes_per_session > 120)
    return fail(ErrorCode::out_of_range,
                "profile: minutes per session " + std::to_string(p.minutes_per_session) + " is outside 5..120");
  if (p.weeks < 1 || p.weeks > 52)
    return fail(ErrorCode::out_of_range, "profile: weeks " + std::to_string(p.weeks) + " is outside 1..52");
  return {};
}

Result<void> validate_pain(const core::KnowledgeBase& kb, const core::PainEntry& e, core::Date today) {
  FASCIA_TRY(validate_region_side(kb, e.region, e.side, "pain"));
  FASCIA_TRY(validate_score(e.score, "pain score"));
  return validate_entry_date(e.date, today, "pain");
}

Result<void> validate_reaction(const core::KnowledgeBase& kb, const core::ReactionEntry& e, core::Date today) {
  FASCIA_TRY(validate_region_side(kb, e.region, e.side, "reaction"));
  FASCIA_TRY(validate_score(e.soreness, "soreness"));
  return validate_entry_date(e.date, today, "reaction");
}

Result<void> validate_habit(const core::KnowledgeBase& kb, const core::HabitEntry& e, core::Date today) {
  if (!kb.habits.count(e.habit))
    return fail(ErrorCode::unknown_name, "unknown habit '" + e.habit + "' (see: fascia kb list habits)");
  return validate_entry_date(e.date, today, "habit");
}

Result<void> validate_treatment(const core::KnowledgeBase& kb, const core::TreatmentEntry& e, core::Date today) {
  if (!kb.treatments.count(e.treatment))
    return fail(ErrorCode::unknown_name, "unknown treatment '" + e.treatment + "' (see: fascia kb list treatments)");
  if (!e.region.empty() && !kb.region(e.region))
    return fail(ErrorCode::unknown_name, "treatment: unknown region '" + e.region + "' (see: fascia kb list regions)");
  FASCIA_TRY(check_text(e.note, kTreatmentNoteLimit, "treatment: note"));
  return validate_entry_date(e.date, today, "treatment");
}

Result<void> validate_note(const core::NoteEntry& e, core::Date today) {
  if (e.text.empty()) return fail(ErrorCode::invalid_argument, "note: the text is empty");
  FASCIA_TRY(check_text(e.text, kNoteLimit));
  return validate_entry_date(e.date, today, "note");
}

namespace {

// A stop's signs: each a known stop sign, each once; others only beside the first.
Result<void> validate_stop_signs(const core::KnowledgeBase& kb, const std::string& first,
                                 const std::vector<std::string>& others, const std::string& where) {
  if (first.empty() && !others.empty())
    return fail(ErrorCode::invalid_argument, where + ": other stop signs without a stop sign");
  std::vector<std::string> signs = others;
  if (!first.empty()) signs.insert(signs.begin(), first);
  for (auto sign = signs.begin(); sign != signs.end(); ++sign) {
    if (!kb.stop_signs.count(*sign))
      return fail(ErrorCode::unknown_name, where + ": unknown stop sign '" + *sign + "'");
    if (std::find(signs.begin(), sign, *sign) != sign)
      return fail(ErrorCode::invalid_argument, where + ": stop sign '" + *sign + "' is named twice");
  }
  return {};
}

}  // namespace

Result<void> validate_session(const core::KnowledgeBase& kb, const core::SessionEntry& e, core::Date today) {
  if (!kb.protocol(e.protocol))
    return fail(ErrorCode::unknown_name, "session: unknown protocol '" + e.protocol + "' (see: fascia kb list protocols)");
  FASCIA_TRY(validate_entry_date(e.date, today, "session"));
  // The session's own stop sign and target (generic protocols) name knowledge-base entries too.
  FASCIA_TRY(validate_stop_signs(kb, e.stop_sign, e.other_stop_signs, "session"));
  if (!e.target_region.empty() && !kb.region(e.target_region))
    return fail(ErrorCode::unknown_name, "session: unknown target region '" + e.target_region + "'");
  for (std::size_t i = 0; i < e.steps.size(); ++i) {
    const auto& s = e.steps[i];
    const std::string where = "session step " + std::to_string(i + 1);
    if (!kb.technique(s.technique))
      return fail(ErrorCode::unknown_name, where + ": unknown technique '" + s.technique + "'");
    if (!kb.region(s.region)) return fail(ErrorCode::unknown_name, where + ": unknown region '" + s.region + "'");
    if (s.pressure_used) FASCIA_TRY(validate_score(*s.pressure_used, where + " pressure"));
    FASCIA_TRY(validate_stop_signs(kb, s.stop_sign, s.other_stop_signs, where));
    FASCIA_TRY(check_text(s.note, kStepNoteLimit, where + ": note"));
  }
  return {};
}

Result<void> validate_clinic_treatment(const core::KnowledgeBase& kb, const core::ClinicTreatmentEntry& e,
                                       core::Date today) {
  // The check's messages name their field.
  if (auto ok = check_clinic_treatment(kb, e, today); !ok) return tl::make_unexpected(ok.error().error);
  if (e.practitioner_id < 1 || e.clinic_id < 1)
    return fail(ErrorCode::out_of_range, "practitioner_id and clinic_id must be 1 or more");
  if (e.practitioner.empty()) return fail(ErrorCode::invalid_argument, "practitioner: the name is empty");
  return check_text(e.practitioner, kAccountNameLimit, "practitioner");
}

Result<void> validate_person_data(const core::KnowledgeBase& kb, const core::PersonData& data, core::Date today) {
  auto numbered = [](const char* kind, std::size_t i, const core::Error& e) {
    return tl::make_unexpected(core::Error{e.code, std::string(kind) + "[" + std::to_string(i) + "]: " + e.message});
  };
  if (data.profile) FASCIA_TRY(validate_profile(kb, *data.profile));
  for (std::size_t i = 0; i < data.screenings.size(); ++i)
    if (auto r = core::validate_answers(kb, data.screenings[i]); !r) return numbered("screenings", i, r.error());
  const core::Journal& j = data.journal;
  for (std::size_t i = 0; i < j.pain.size(); ++i)
    if (auto r = validate_pain(kb, j.pain[i], today); !r) return numbered("journal.pain", i, r.error());
  for (std::size_t i = 0; i < j.reactions.size(); ++i)
    if (auto r = validate_reaction(kb, j.reactions[i], today); !r) return numbered("journal.reactions", i, r.error());
  for (std::size_t i = 0; i < j.habits.size(); ++i)
    if (auto r = validate_habit(kb, j.habits[i], today); !r) return numbered("journal.habits", i, r.error());
  for (std::size_t i = 0; i < j.treatments.size(); ++i)
    if (auto r = validate_treatment(kb, j.treatments[i], today); !r) return numbered("journal.treatments", i, r.error());
  for (std::size_t i = 0; i < j.notes.size(); ++i)
    if (auto r = validate_note(j.notes[i], today); !r) return numbered("journal.notes", i, r.error());
  for (std::size_t i = 0; i < j.sessions.size(); ++i)
    if (auto r = validate_session(kb, j.sessions[i], today); !r) return numbered("journal.sessions", i, r.error());
  for (std::size_t i = 0; i < j.clearances.size(); ++i)
    if (auto r = validate_clearance(kb, j.clearances[i], today); !r) return numbered("journal.clearances", i, r.error());
  for (std::size_t i = 0; i < j.clinic_treatments.size(); ++i)
    if (auto r = validate_clinic_treatment(kb, j.clinic_treatments[i], today); !r)
      return numbered("journal.clinic_treatments", i, r.error());
  // An imported program keeps to the home rules like an assigned one: no
  // file can bring in a program the core would refuse.
  for (std::size_t i = 0; i < data.programs.size(); ++i) {
    const auto problems = core::check_home_program(kb, data.programs[i]);
    if (!problems.empty())
      return numbered("programs", i,
                      core::Error{ErrorCode::invalid_argument, problems[0].field + ": " + problems[0].message});
  }
  return {};
}

}  // namespace fascia::app
