// JSON views of home programs (issue 10, point 3), written once for the
// terminal's --json and the API's answers (GET /api/v1/programs,
// /clients/{id}/programs and their /cards).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fascia/app/home_programs.hpp"
#include "fascia/core/plan.hpp"

namespace fascia::adapters {

// {"held" (boolean), "since" (YYYY-MM-DD or null), "reason" (one sentence
// for its reader; empty when not held)}.
nlohmann::json program_hold_json(const app::ProgramHold& hold);

// {"programs": [{"id", "in_force", "current" (the latest version),
// "versions": [each version oldest first, with "changes": [sentences]]}],
// "hold": program_hold_json}.
nlohmann::json program_histories_json(const std::vector<app::ProgramHistory>& histories, const app::ProgramHold& hold);

// {"program" (the version printed), "for" (the account name of the person
// it is for, `person`), "cards" (a plan's JSON: its templates are the step
// cards), "safety": {"spacing": [Reason], "week": [{"weekday": "Monday",
// "sessions": [protocol name]}], "lowered": [Reason]} (core::HandoutSafety)}.
nlohmann::json program_cards_json(const core::HomeProgram& program, const app::Handout& handout,
                                  const std::string& person);

}  // namespace fascia::adapters
