// A home exercise program (HEP; in FHIR a CarePlan) that a linked
// practitioner assigns (issue 10, point 3): which protocols on which regions
// and sides, on which weekdays, until which review date, with doses and
// pressures the practitioner may only lower, cues, and regions kept for the
// clinic. The program replaces the person's own choice of protocols; it
// never replaces their screening or any hard cap. Pure values and rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fascia/core/dates.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/plan.hpp"
#include "fascia/core/plan_check.hpp"

namespace fascia::core {

// The least a practitioner may scale a dose to, in percent of the protocol's
// (a fascia rule: below a quarter a step stops being the protocol's step).
inline constexpr int kMinDosePercent = 25;

// One protocol the program asks for.
struct ProgramItem {
  std::string protocol;            // a protocol id of the knowledge base
  RegionSide target;               // the region it is for, and the side
  std::optional<int> max_pressure;  // 0-10: a ceiling below the home cap; none keeps the protocol's own
  int dose_percent = 100;          // 25-100: strokes or seconds scaled down, never up
  std::string cue;                 // the practitioner's cue, shown on every step card of it
  friend bool operator==(const ProgramItem&, const ProgramItem&) = default;
};

struct HomeProgram {
  std::int64_t id = 0;       // assigned by the store
  int version = 1;           // each change is a new version; earlier ones are kept
  std::int64_t practitioner_id = 0;
  std::string practitioner;  // the practitioner's account name, as the person sees it
  std::int64_t clinic_id = 0;
  std::string clinic;        // the clinic's name
  Date assigned{};           // the day this version was made
  Date start{};
  int weeks = 6;             // program-weeks-min..program-weeks-max (seed-003)
  Date review{};             // the review date, within the program
  std::vector<int> weekdays;  // 0 = Monday .. 6 = Sunday
  std::vector<ProgramItem> items;
  std::vector<RegionSide> clinic_only;  // areas the practitioner treats in clinic only: no home step there
  std::string note;                     // what changed and why, or anything for the person
  friend bool operator==(const HomeProgram&, const HomeProgram&) = default;
};

// The last day of the program.
Date program_end(const HomeProgram& program);

// One reason a program cannot be assigned: the field (dotted, as the API
// names it, e.g. "items[1].max_pressure"), the rule or cap id, a sentence
// naming the limit and its source, and the source id.
struct ProgramProblem {
  std::string field;
  std::string rule;
  std::string message;
  std::string source;
};

// Every reason the program breaks a home rule; empty when it may be
// assigned. Checks: at least one item and at most 12; known protocols,
// regions and sides; no item or clinic-only area on a practitioner-only
// region (region class, with the region's source); a pressure ceiling at or
// below the home cap (home-pressure-ceiling, seed-000) and the region's own
// cap; doses only lowered (25-100 %); weekdays 0-6, at least one, none
// twice; weeks within program-weeks-min..max (seed-003); a review date after
// the start and within the program; an item's target not kept for the clinic;
// a protocol named once (once per region for one that takes a target region).
std::vector<ProgramProblem> check_home_program(const KnowledgeBase& kb, const HomeProgram& program);

// The item of the program a planned session comes from, if any.
const ProgramItem* program_item_for(const HomeProgram& program, const PlannedSession& session);

// An independent check that a plan keeps to its program: every session comes
// from one of its items, no step is on a clinic-only area, and no pressure or
// dose is above what the item allows. Used with check_plan by the planner's
// last gate and by the property tests.
std::vector<Violation> check_plan_follows_program(const KnowledgeBase& kb, const HomeProgram& program,
                                                  const Plan& plan);

}  // namespace fascia::core
