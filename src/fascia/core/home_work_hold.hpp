// Which of an assigned home program's home work the person's own safety
// answers hold back, and what lifts it (issue 10, point 3: "a new warning
// sign blocks it and flags it to the practitioner"). Pure: the program page's
// "On hold" (app::program_hold) and the monitoring list's flag
// (core::attention_flags) both read it, so the two never disagree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fascia/core/dates.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/screening.hpp"

namespace fascia::core {

struct HomeWorkHold {
  bool held = false;
  // No plan is allowed at all (an emergency, an urgent sign, a warning sign
  // without scope): the whole program waits, and the area lists are empty.
  bool no_plan = false;
  // The earliest day a finding that holds it was raised (Finding::raised);
  // nullopt when only an area's own class holds it (the belly's clinician
  // go-ahead), which has no day.
  std::optional<Date> since = {};
  // Areas ("Upper trapezius (left)") that wait for a practitioner's recorded
  // clearance: a warning sign (until_cleared) not yet lifted there. In the
  // program's order, each once.
  std::vector<std::string> until_cleared = {};
  // Areas that wait only for the person's own answers to change: a finding a
  // clearance does not lift (broken skin, bleeding easily with tools: it
  // applies again once what was reported has passed), or an area that needs
  // a clinician's go-ahead the person has not confirmed. In the program's
  // order, each once; an area may be in more than one list.
  std::vector<std::string> until_answered = {};
  // Areas where a recorded clearance has lifted a warning sign while the
  // person's latest answers still raise it: they apply again once the person
  // answers the safety questions again (nothing needs to heal). In the
  // program's order, each once.
  std::vector<std::string> cleared_until_answered = {};
  // Some of the program's home work still runs (held but not all of it):
  // an item whose target is allowed, on both sides or on one, with at least
  // one step allowed there, as the planner decides. False when no plan is
  // allowed.
  bool partial = false;
};

// The hold of `program` (nullptr: no program in force, so nothing is held
// unless no plan is allowed) under `clearance` (the person's, from
// evaluate_screenings). An area is held exactly when the plan that follows
// the program leaves its home work out for a screening reason: each area and
// modality of core::program_home_areas (sides from `profile`, nullptr before
// the person has one) that region_access refuses. Areas kept for the clinic
// are never weighed.
HomeWorkHold home_work_hold(const KnowledgeBase& kb, const Clearance& clearance, const HomeProgram* program,
                            const Profile* profile);

}  // namespace fascia::core
