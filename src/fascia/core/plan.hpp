// A plan: protocols adapted to one person and placed on dates, with what was
// left out and why. Produced by the planner, verified by check_plan.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fascia/core/dates.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/reason.hpp"

namespace fascia::core {

struct PlannedStep {
  int index = 0;  // position in the protocol
  std::string technique;
  std::string technique_name;
  Modality modality = Modality::movement;
  DoseUnit unit = DoseUnit::seconds;
  std::string edge;  // chosen edge id; empty when no tool is needed
  std::string edge_name;
  std::string region;
  std::string region_name;
  Side side = Side::both;
  bool per_side = false;  // do the dose on each side when side is both
  bool optional = false;
  std::string direction;
  std::optional<IntRange> pressure;  // after every cap
  IntRange dose;                     // per side, after dose adjustments
  int target = 0;                    // the dose to aim for
  std::string instruction;
  std::vector<std::string> cues;
  std::vector<std::string> cautions;
  std::vector<std::string> stop_signs;
  std::vector<Reason> adaptations;  // edge substitutions, caps, gentler dosing
  std::string source;

  // Seconds this step takes, both sides included.
  int estimated_seconds(const KnowledgeBase& kb) const;
};

struct PlannedSession {
  std::string protocol;
  std::string protocol_name;
  std::string target_region;  // for generic protocols
  Side side = Side::both;
  std::vector<PlannedStep> steps;

  int estimated_minutes(const KnowledgeBase& kb) const;
  int instrument_minutes(const KnowledgeBase& kb) const;
  // Regions this session loads with the given modality.
  std::vector<std::pair<std::string, Side>> regions_worked(Modality modality) const;
};

struct PlanDay {
  Date date{};
  std::vector<PlannedSession> sessions;
};

struct Exclusion {
  std::string region;
  Side side = Side::both;
  std::vector<Reason> reasons;
  // Whom to see about it, for the practitioner finder: for a
  // practitioner-only region the need whose areas hold it ("scalenes"),
  // else the need of the first screening rule among its reasons that has one.
  std::optional<std::string> finder_need = std::nullopt;
};

struct Plan {
  bool blocked = false;            // screening forbids any plan
  std::vector<Reason> blocked_by;  // when blocked: what to do instead
  Date start{};
  Date end{};                   // last day of the program
  Date review{};                // the week-4 review
  std::vector<PlanDay> days;    // only days with sessions, in order, from today on
  std::vector<Exclusion> excluded;
  std::vector<Reason> notes;    // steps dropped or changed, protocols not possible; each once
  std::vector<std::string> habits;
  std::vector<PlannedSession> templates;  // each chosen protocol, adapted, undated
  int removed_by_final_check = 0;         // sessions the last safety gate had to drop (should be 0)
  // When the plan follows a practitioner's program: which, and by whom.
  std::int64_t program_id = 0;  // 0: the person's own plan
  int program_version = 0;
  std::string assigned_by;      // the practitioner's name
  std::string assigned_clinic;
  Date assigned_on{};
};

}  // namespace fascia::core
