// Use cases that need a person's whole picture: load profile, latest
// screening and journal from the store, and derive the clearance, the plan,
// today's view and progress from them with the core.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "fascia/app/journal_store.hpp"
#include "fascia/core/home_program.hpp"
#include "fascia/core/planner.hpp"
#include "fascia/core/progress.hpp"
#include "fascia/core/screening.hpp"
#include "fascia/core/session_runner.hpp"

namespace fascia::app {

struct PersonState {
  core::Profile profile;
  core::ScreeningRecord screening;               // the latest
  std::vector<core::ScreeningRecord> screenings;  // every one, oldest first
  core::Clearance clearance;                     // latest answers + warning signs not yet cleared
  std::vector<core::FindingHistory> findings_history;
  core::Journal journal;
  std::set<std::string> tools;
  // The home program a practitioner assigned that is in force
  // (core::program_in_force): the plan follows it.
  std::optional<core::HomeProgram> program;
};

// Errors: precondition when there is no profile or no screening yet, or the
// screening no longer fits the questions (the message says which terminal
// command to run; person_gap says which, typed), or the store's own errors.
core::Result<PersonState> load_person(const core::KnowledgeBase& kb, JournalStore& store);

// What a person must do before a plan can be made.
enum class PersonGap {
  no_profile,          // set up a profile
  no_screening,        // answer the screening questions
  screening_outdated,  // answer them again: the questions have changed
};
// The first gap in the person's picture, or nullopt when load_person would
// succeed as far as profile and screening go: typed, so that each interface
// words it for its own people without reading another's message.
core::Result<std::optional<PersonGap>> person_gap(const core::KnowledgeBase& kb, JournalStore& store);

core::PlanInputs plan_inputs(const core::KnowledgeBase& kb, const PersonState& person, core::Date today);
core::Plan current_plan(const core::KnowledgeBase& kb, const PersonState& person, core::Date today);
// What is due on `today`, or why nothing is and what must happen first (the
// one use case behind `fascia today`, `fascia session` and GET /api/v1/today).
core::TodayView current_today(const core::KnowledgeBase& kb, const PersonState& person, core::Date today);
// Recomputes clearance and findings_history from screenings and the journal's clearances.
void refresh_clearance(const core::KnowledgeBase& kb, PersonState& person);
// The plan as first made (an empty journal, today = the profile's start, or
// the program in force's), as prescribed day by day with the clearance of
// each day (core::prescribed_plan): what adherence and the week-4 review
// are measured against. Reads the profile, tools, screenings, the journal's
// clearances and the program, nothing else of the journal.
core::Plan original_plan(const core::KnowledgeBase& kb, const PersonState& person);
core::Progress current_progress(const core::KnowledgeBase& kb, const PersonState& person, core::Date today);

struct RecordedSession {
  std::int64_t id = 0;
  std::optional<core::Clearance> clearance;  // set when the stops changed the screening
};

// Stores a finished session in one transaction with what comes with it:
// `soreness` (when the session was not stopped) as a check-in for every
// region the instrument worked, and, when stops named screening questions,
// the latest answers with those questions now yes as a new screening dated
// `today`. Updates `person` to match. Validates the session first.
core::Result<RecordedSession> record_session(const core::KnowledgeBase& kb, JournalStore& store, PersonState& person,
                                             const core::PlannedSession& planned, core::SessionEntry entry,
                                             std::optional<int> soreness,
                                             const std::vector<core::StopOutcome>& stops, core::Date today);

}  // namespace fascia::app
