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

// ProgramItem and HomeProgram, the values, live in person.hpp with the rest
// of what a person has; the rules are here.

// The least a practitioner may scale a dose to, in percent of the protocol's
// (a fascia rule: below a quarter a step stops being the protocol's step).
inline constexpr int kMinDosePercent = 25;

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
// a protocol named once (once per region for one that takes a target region);
// an area kept for the clinic listed once (no overlapping sides).
std::vector<ProgramProblem> check_home_program(const KnowledgeBase& kb, const HomeProgram& program);

// The program in force among stored versions (any order): the latest version
// of the newest program (highest id) whose latest version has not ended;
// nullptr when there is none. Only one program is in force at a time: a new
// one replaces the one before it.
const HomeProgram* program_in_force(const std::vector<HomeProgram>& versions);

// What changed from one version of a program to the next, one plain sentence
// each ("Pressure on Upper trapezius lowered from 5/10 to 4/10"), in the
// order of the fields; empty when nothing a person would notice changed.
std::vector<std::string> describe_program_changes(const KnowledgeBase& kb, const HomeProgram& before,
                                                  const HomeProgram& after);

// The item of the program a planned session comes from, if any.
const ProgramItem* program_item_for(const HomeProgram& program, const PlannedSession& session);

// An independent check that a plan keeps to its program: every session comes
// from one of its items, no step is on a clinic-only area, and no pressure or
// dose is above what the item allows. Used with check_plan by the planner's
// last gate and by the property tests.
std::vector<Violation> check_plan_follows_program(const KnowledgeBase& kb, const HomeProgram& program,
                                                  const Plan& plan);

}  // namespace fascia::core
