// Inputs shared by the benchmarks, built once per process: the real knowledge
// base (data/ or $FASCIA_DATA), the demo's sample desk worker, a four-region
// person with eight weeks of journal written by doing every due session, and
// a throwaway directory for SQLite files. A setup failure aborts the run with
// its message: a benchmark of a broken input would report nothing useful.
#pragma once

#include <filesystem>

#include "fascia/app/person_state.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"

namespace fascia::bench {

// The knowledge base every benchmark plans against.
const core::KnowledgeBase& knowledge_base();

// Every question answered no.
core::ScreeningRecord all_no_screening(const core::KnowledgeBase& kb, core::Date date);
// Six yes answers that give cautions and region-scoped findings but still
// allow a plan: headache history, blood thinners, age 65 or over, and three
// local questions naming regions.
core::ScreeningRecord several_yes_screening(const core::KnowledgeBase& kb, core::Date date);

// A person as load_person() returns it, and the date they look at.
struct Scenario {
  app::PersonState person;
  core::Date today{};
};

// cmd_demo's desk worker (upper trapezius and levator scapulae, starter kit,
// Monday to Saturday, 20 minutes, tension-headache history) on day one of a
// six-week program, empty journal.
const Scenario& desk_worker();

// Four regions with four different protocols (upper trapezius, plantar fascia,
// calves, left glutes), starter, rolling and ball kits, 30 minutes Monday to
// Saturday, every answer no. Eight weeks from 2026-11-23: a six-week program,
// then a second one started on day 43; every due session done at its target
// dose, daily pain for each region, a reaction check-in after each session and
// the next day. `today` is 2027-01-18 (day 57, a Monday with sessions due).
const Scenario& four_regions_eight_weeks();

// The same person after `weeks` weeks of history (a new six-week program
// every 42 days), for seeing how planning grows with the journal.
const Scenario& four_regions_history(int weeks);

// The same person on 2027-01-17, a Sunday: nothing is due, so today_view
// explains why for every chosen protocol.
const Scenario& four_regions_rest_day();

// Everything export would write for a scenario (for SqliteStore::replace_all).
core::PersonData person_data(const Scenario& scenario);

// A fresh directory under the system temp directory, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Stops the process with `what` on stderr; for setup failures only.
[[noreturn]] void fail_setup(const std::string& what);

}  // namespace fascia::bench
