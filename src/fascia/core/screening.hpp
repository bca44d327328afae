// Screening: turns answers into a clearance (emergency, urgent, see a
// practitioner first, self-care with cautions, cleared) with the answers and
// sources that caused it, and answers "may this region be treated this way?".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fascia/core/error.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/reason.hpp"

namespace fascia::core {

struct Finding {
  std::string rule;
  ClearanceLevel level = ClearanceLevel::cleared;
  std::vector<std::string> because;  // question ids answered yes
  std::vector<RegionSide> regions;  // scope with sides; empty with no modalities = everything
  std::vector<Modality> modalities;
  std::optional<int> pressure_cap;
  bool gentle = false;
  std::string advice;
  std::string source;
  bool until_cleared = false;  // lifted only by a recorded practitioner clearance
  // The practitioner finder's need this finding links to (data/finder.yaml
  // rules): whom to look for, e.g. "medical-check"; none for most findings.
  std::optional<std::string> finder_need;
  // The first screening day of its current run (evaluate_screenings): for a
  // warning sign, since it was raised and not wholly cleared (nullopt once a
  // clearance has lifted all of it); for others, the first of the
  // consecutive screenings up to the latest whose answers raise it.
  std::optional<Date> raised;
  bool carried = false;        // in force from an earlier screening, not the latest answers
  // A warning sign of the latest answers that a clearance recorded after them
  // has lifted, on every area (`cleared_regions` empty) or on those areas: the
  // latest such clearance's day and who gave it (evaluate_screenings). There it
  // waits only for the safety questions to be answered again; `raised` is set
  // while some of it still waits for a clearance.
  std::optional<Date> cleared;
  std::string cleared_by;
  std::vector<RegionSide> cleared_regions;
  bool everything() const { return regions.empty() && modalities.empty(); }
};

// One warning-sign finding over time: when it was raised, by which answers,
// and when and by whom it was cleared (empty while in force).
struct FindingHistory {
  std::string rule;
  ClearanceLevel level = ClearanceLevel::cleared;
  Date raised{};
  std::vector<std::string> because;
  std::vector<RegionSide> regions;
  std::optional<Date> cleared;
  std::string cleared_by;
  std::string source;
  // The stop sign that set the answer during a session on the day it was
  // raised (attribute_to_stop_signs); empty when the person answered it.
  // The name lists every sign of that stop that raises it ("Numbness or
  // tingling and Pain spreading to the head, face or arm").
  std::string stop_sign;
  std::string stop_sign_name;
  // The clearance that lifted it was signed by a practitioner in fascia
  // (ClearanceEntry::by_practitioner); false while in force or for the
  // person's own entry.
  bool cleared_by_practitioner = false;
};

struct Clearance {
  ClearanceLevel level = ClearanceLevel::cleared;  // the most severe finding
  std::vector<Finding> findings;                   // most severe first
  bool medical_clearance = false;                  // answered yes to `medical-clearance`

  // False for emergency, urgent, or a see-a-practitioner finding without scope.
  bool plan_allowed() const;
};

// What the rules allow for one region worked with one modality.
struct RegionAccess {
  bool allowed = true;
  std::vector<Reason> reasons;      // why not, or the cautions that apply
  std::optional<int> pressure_cap;  // lowest ceiling from region class and cautions
  bool gentle = false;
};

inline constexpr const char* kMedicalClearanceQuestion = "medical-clearance";

// Checks that every question has an answer and region answers name known
// regions; the error names the first problem.
Result<void> validate_answers(const KnowledgeBase& kb, const ScreeningRecord& record);

// A screening may stop early when the answers given already call for
// emergency or urgent help: nothing answered later can lower that outcome,
// and the person should be getting help, not answering questions. Returns
// the record with every question not yet answered set to "no", or nullopt
// when the answers given do not reach urgent (then every question needs an
// answer). `record` may lack answers; those it has must be valid.
std::optional<ScreeningRecord> close_early_on_alarm(const KnowledgeBase& kb, const ScreeningRecord& record);

// Precondition: validate_answers succeeded.
Clearance evaluate_screening(const KnowledgeBase& kb, const ScreeningRecord& record);

// True when a finding of `rule` stays in force until a practitioner clearance:
// the rule says so (until_cleared, data/screening/rules.yaml), or one of its
// questions is set by a stop sign during a session (data/safety/stop_signs.yaml).
bool rule_until_cleared(const KnowledgeBase& kb, const ScreeningRule& rule);

// The clearance from every screening (oldest first) and the recorded
// practitioner clearances: the latest answers, plus each until-cleared finding
// raised earlier that no clearance covers (one recorded after the screening
// that raised it, and dated on or after that day; ClearanceEntry::after_screenings).
// Also returns the history of every until-cleared finding.
struct ScreeningState {
  Clearance clearance;
  std::vector<FindingHistory> history;  // in the order raised
};
ScreeningState evaluate_screenings(const KnowledgeBase& kb, const std::vector<ScreeningRecord>& screenings,
                                   const std::vector<ClearanceEntry>& clearances);

// Marks each history entry raised on a day a logged session stopped for a sign
// whose rescreen question is among the answers that raised it: that stop sign
// set the answer (app::record_session), so the history can say so.
void attribute_to_stop_signs(const KnowledgeBase& kb, const std::vector<SessionEntry>& sessions,
                             std::vector<FindingHistory>& history);

// The side a region answer means: midline regions are always midline.
Side normal_side(const KnowledgeBase& kb, const std::string& region, Side side);

// Region class rules (practitioner-only, needs medical clearance, sensitive
// caps) combined with the clearance's scoped findings that overlap `side` of
// the region (a finding on the left calf does not touch the right).
RegionAccess region_access(const KnowledgeBase& kb, const Clearance& clearance, const std::string& region,
                           Side side, Modality modality);
// The same for the whole region (both sides).
RegionAccess region_access(const KnowledgeBase& kb, const Clearance& clearance, const std::string& region,
                           Modality modality);

// True when a clearance recorded after the latest answers lifted `f` where
// reason `r` (one of region_access's, about an area) applies: all of it, or
// the reason's area. Such a sign then waits only for the safety questions to
// be answered again.
bool cleared_where(const Finding& f, const Reason& r);

}  // namespace fascia::core
