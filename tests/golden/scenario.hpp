// A golden scenario: one person (profile, screening answers, journal, the day
// it is) and what fascia must conclude about them, read from a YAML file in
// tests/golden/scenarios/ (format: tests/golden/README.md). Only the
// expectations a file states are checked, plus the safety invariants that hold
// for every person (the plan checker finds nothing, a blocked plan is empty).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fascia/core/error.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/plan.hpp"
#include "fascia/core/plan_check.hpp"
#include "fascia/core/planner.hpp"
#include "fascia/core/progress.hpp"
#include "fascia/core/screening.hpp"

namespace golden {

namespace core = fascia::core;

// Each field is optional: absent means "not checked". Sets are compared
// without regard to order; see the README for each key's exact meaning.
struct Expectations {
  std::optional<std::string> clearance;                         // ClearanceLevel word
  std::optional<std::vector<std::string>> findings;             // exactly the rules that fired
  std::optional<bool> plan_blocked;
  std::optional<std::vector<std::string>> blocked_by;           // exactly these rule ids
  std::optional<std::vector<std::string>> protocols;            // exactly these templates: "id" or "id for region"
  std::optional<std::vector<std::string>> excluded;             // exactly these regions left out
  std::map<std::string, std::vector<std::string>> excluded_rules;  // each rule among the region's reasons
  std::map<std::string, int> max_pressure;                      // region (or "all") -> ceiling of every planned step
  std::optional<std::vector<std::string>> modalities;           // exactly the modalities of the planned steps
  std::optional<std::vector<std::string>> edges;                // exactly the tool edges the planned steps use
  std::map<std::string, std::map<std::string, int>> dose_targets;  // region -> technique -> target
  std::vector<std::string> notes;                               // each rule among the plan's notes
  std::optional<std::optional<core::Date>> first_session;       // nullopt inside: "none"
  std::optional<int> sessions_in_first_week;                    // 7 days from the first session
  std::optional<int> sessions_total;
  std::optional<std::vector<std::string>> silently_dropped;     // regions asked for, neither planned nor excluded
  std::optional<std::vector<std::string>> today_due;            // exactly these templates due today
  std::optional<std::vector<std::string>> today_not_today_rules;  // exactly these reasons (rule ids)
  std::optional<std::optional<core::Date>> today_next;          // the next session when none is due
  std::optional<std::vector<std::string>> adjustments;          // exactly these rule ids, in date order
  std::optional<std::vector<std::string>> warnings;             // exactly these rule ids
  std::optional<std::string> review;                            // ReviewState word
  std::optional<bool> see_practitioner;
  std::optional<std::string> review_sessions;  // "done of planned" before the review, e.g. "3 of 12"
};

struct Scenario {
  std::string file;
  std::string name;       // the sentence the scenario proves
  std::string known_bug;  // when set: the scenario shows a known bug and is skipped while it fails
  core::Date today{};
  core::Profile profile;  // tools as written: kit ids are expanded when the scenario runs
  core::ScreeningRecord screening;  // every question answered; "no" unless the file says yes
  core::Journal journal;
  Expectations expect;
};

// Reads one scenario. Unknown keys, missing required keys and malformed values
// are errors naming the file and line. Ids are checked when the scenario runs.
core::Result<Scenario> read_scenario(const std::filesystem::path& file, const core::KnowledgeBase& kb);

// Everything fascia concludes about the person on `today`.
struct Outcome {
  std::vector<std::string> input_errors;  // what the app would refuse to store
  core::Clearance clearance;
  core::Plan plan;
  core::TodayView today;
  core::Progress progress;
  std::vector<core::Violation> violations;
};

Outcome run_scenario(const core::KnowledgeBase& kb, const Scenario& scenario);

// Every way the outcome differs from the expectations and the invariants;
// empty when the scenario holds.
std::vector<std::string> check_scenario(const Scenario& scenario, const Outcome& outcome);

// The outcome in the scenario vocabulary, to paste or compare when one fails.
std::string describe(const core::KnowledgeBase& kb, const core::Profile& profile, const Outcome& outcome);

}  // namespace golden
