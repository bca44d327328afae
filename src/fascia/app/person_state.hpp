// Use cases that need a person's whole picture: load profile, latest
// screening and journal from the store, and derive the clearance, the plan,
// today's view and progress from them with the core.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "fascia/app/journal_store.hpp"
#include "fascia/core/planner.hpp"
#include "fascia/core/progress.hpp"
#include "fascia/core/screening.hpp"

namespace fascia::app {

struct PersonState {
  core::Profile profile;
  core::ScreeningRecord screening;
  core::Clearance clearance;
  core::Journal journal;
  std::set<std::string> tools;
};

// Errors: precondition when there is no profile or no screening yet (the
// message says which command to run), or the store's own errors.
core::Result<PersonState> load_person(const core::KnowledgeBase& kb, JournalStore& store);

core::PlanInputs plan_inputs(const core::KnowledgeBase& kb, const PersonState& person, core::Date today);
core::Plan current_plan(const core::KnowledgeBase& kb, const PersonState& person, core::Date today);
core::Progress current_progress(const core::KnowledgeBase& kb, const PersonState& person, core::Date today);

// After a stop sign: the latest answers with the given questions now yes,
// stored as a new screening dated `today`; returns the new clearance.
core::Result<core::Clearance> rescreen_with(const core::KnowledgeBase& kb, JournalStore& store, PersonState& person,
                                            const std::vector<std::string>& now_yes, core::Date today);

}  // namespace fascia::app
