// Home programs a linked practitioner assigns (issue 10, point 3), written
// once for the terminal and the server: assign, change (a new version; the
// earlier ones are kept) and end; the person's view with what changed; the
// practitioner's view of their clinic's programs; and the step cards a
// program gives, for printing. The rules are core::check_home_program's;
// every reach into the client's data is checked and logged first
// (app::reach_client, area care). Times are Unix seconds, dates days.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fascia/app/account_store.hpp"
#include "fascia/app/clinic_store.hpp"
#include "fascia/app/field_error.hpp"
#include "fascia/app/journal_store.hpp"
#include "fascia/core/handout_safety.hpp"
#include "fascia/core/home_program.hpp"
#include "fascia/core/journal_analysis.hpp"
#include "fascia/core/plan.hpp"
#include "fascia/core/screening.hpp"

namespace fascia::app {

// How far ahead a program may start: four weeks (a fascia rule: a start
// months away would leave the person without a plan meanwhile).
inline constexpr int kProgramStartDaysAhead = 28;

// Stores a version in the client's journal store (JournalStore::add_program_version):
// the terminal's store write, or the server's group commit.
using ProgramWriter = std::function<core::Result<core::HomeProgram>(const core::HomeProgram&)>;

// Reads every version of the client's programs (JournalStore::load_programs).
using ProgramReader = std::function<core::Result<std::vector<core::HomeProgram>>()>;

// Assigns a new program (program_id 0) or changes one (its id) for a
// linked client. The draft's content is checked first, every problem at
// once: core::check_home_program, its note and cues plain text within
// kProgramNoteLimit and kProgramCueLimit, its start at most
// kProgramStartDaysAhead days ahead and its review date not passed (the
// error names the first problem's field and lists each problem with its
// field in FieldError::problems, the message all of them with their caps
// and sources; its code is the one problem's own — bad_date for a date,
// out_of_range for a long text — or invalid_argument for several); then
// the reach is decided, the program looked up, and only
// then the reach logged ("assigned a
// home program" / "changed home program N"); then, for a change, the
// program must be one of the link's clinic (else not_found: nothing crosses
// clinics) and not ended (precondition). Who assigned it (the
// practitioner's person id and name, the clinic's id and name) and the day
// (`today`) are set here. Returns the version as stored. Errors of
// reach_client (not_found without a live link, forbidden for a
// non-practitioner) leave nothing logged or stored.
FieldResult<core::HomeProgram> assign_program(const core::KnowledgeBase& kb, ClinicStore& clinics,
                                              const ProgramReader& read, const ProgramWriter& write,
                                              const Account& practitioner, std::int64_t client, core::HomeProgram draft,
                                              std::int64_t program_id, std::int64_t now, core::Date today);

// A linked practitioner of the program's clinic ends it: a new version
// marked ended `today` by them (logged as "ended home program N"). Errors of
// reach_client; not_found for a program of another clinic or none;
// precondition when it has already ended.
FieldResult<core::HomeProgram> end_program(ClinicStore& clinics, const ProgramReader& read, const ProgramWriter& write,
                                           const Account& practitioner, std::int64_t client, std::int64_t program_id,
                                           std::int64_t now, core::Date today);

// The person stops following one of their programs (`who`: their name, as
// the version records it); nothing is logged, the data is their own.
// not_found for no such program; precondition when it has already ended.
FieldResult<core::HomeProgram> end_own_program(const ProgramReader& read, const ProgramWriter& write,
                                               const std::string& who, std::int64_t program_id, core::Date today);

// One program with its history, as the person or a practitioner sees it.
struct ProgramHistory {
  core::HomeProgram current;                      // its latest version
  bool in_force = false;                          // the plan follows it now
  std::vector<core::HomeProgram> versions;        // oldest first
  std::vector<std::vector<std::string>> changes;  // per version: what changed from the one before (first: empty)
  // Per item of `current`: the other areas its protocol's home steps work
  // besides the target the practitioner named ("Base of the skull (left)"),
  // each once, less areas kept for the clinic (core::program_home_areas).
  std::vector<std::vector<std::string>> also_works;
};

// Groups versions into programs, newest program first, with what each
// version changed (core::describe_program_changes).
std::vector<ProgramHistory> program_histories(const core::KnowledgeBase& kb,
                                              const std::vector<core::HomeProgram>& versions);

// The programs of the link's clinic only, for a linked practitioner, each
// `in_force` as decided over all the person's programs (another clinic's
// newer program replaces this one): the reach is logged first ("read the
// home programs"). Errors of reach_client.
core::Result<std::vector<ProgramHistory>> programs_for_practitioner(const core::KnowledgeBase& kb, ClinicStore& clinics,
                                                                    const ProgramReader& read,
                                                                    const Account& practitioner, std::int64_t client,
                                                                    std::int64_t now);

// Whether the person's own safety answers now hold their home program back
// (issue 10, point 3: "a new warning sign blocks it and flags it to the
// practitioner"): a level that allows no plan at all, or any screening
// finding that leaves out home work the program loads
// (core::home_work_hold: exactly where the plan following the program leaves
// it out; a finding elsewhere, or on an area kept for the clinic, leaves the
// program running and is not a hold). Says that, where, since when and what
// lifts it (a practitioner's clearance, or the person's own answers once what
// they reported has passed), never which answer (that is the screening part,
// shared or not).
struct ProgramHold {
  bool held = false;
  std::optional<core::Date> since;  // the earliest day such a finding was raised
  std::string reason;               // what to do, for its reader, without the date; empty when not held
  // The areas held back ("Upper trapezius (left)"), in the program's order;
  // empty when nothing is held or when no plan is allowed at all (then all is).
  std::vector<std::string> areas;
  // Only some of the program is held: the rest of its home work still runs
  // (core::HomeWorkHold::partial).
  bool partial = false;
  // Some of it waits for a practitioner's recorded clearance (POST
  // .../clearances lifts it); false when only the person's own answers hold
  // it, which no clearance lifts.
  bool needs_clearance = false;
  // The person has not yet saved a profile or answered the safety questions,
  // so no plan follows any program yet (ADR 0010: screening comes first).
  // Not a hold: nothing is flagged to the practitioner.
  bool awaiting_setup = false;
  std::string setup;  // what is missing, for its reader; empty when not awaiting
};
// Who reads the hold's sentence: the practitioner ("the client's own safety
// answers…", clear it when safe) or the person ("your own safety answers…",
// contact the practitioner).
enum class HoldReader { practitioner, person };
// `program`: the one in force (nullptr: none, so nothing to hold unless no
// plan is allowed); `profile`: the person's, for the side of a region their
// profile names (nullptr before they have one).
ProgramHold program_hold(const core::KnowledgeBase& kb, const core::ScreeningState& state,
                         const core::HomeProgram* program, const core::Profile* profile, HoldReader reader);

// The hold read from the person's store: program_hold over their screenings
// and clearances, their program in force and profile, and awaiting_setup
// when they have no profile or no screening yet. `clinic`: a practitioner
// reader's clinic; their hold weighs the program in force only when it is
// that clinic's (which areas another clinic's program works never crosses
// clinics); nullopt for the person. Errors: the store's.
core::Result<ProgramHold> read_program_hold(const core::KnowledgeBase& kb, JournalStore& store, HoldReader reader,
                                            std::optional<std::int64_t> clinic = std::nullopt);

// Whom a handout is made for: their tools and the sides their profile names.
struct HandoutPerson {
  // Their own tools (the profile's tools and kits, expanded as their plan
  // expands them); nullopt before they have saved a profile or when it names
  // a kit the knowledge base no longer has: then every tool.
  std::optional<std::set<std::string>> tools = {};
  // The regions and sides their profile names (empty before they have one):
  // a region a protocol visits on the way is worked on the side the person
  // chose for it, as in their own plan (core::step_side).
  std::vector<core::RegionTarget> regions = {};
  // Their journal as the post-session rules read it, for the pressure caps a
  // reaction lowered; nullopt when the reader may not see it.
  std::optional<core::JournalAnalysis> journal = {};
};
// Read from the person's store; the journal only `with_journal` (the person
// themself: a practitioner's handout never reads it). Errors: the store's (a
// damaged profile is db_corrupt).
core::Result<HandoutPerson> handout_person(const core::KnowledgeBase& kb, JournalStore& store, bool with_journal);

// The step cards of a program, one adapted session per item, as the
// planner makes them for someone with no findings who owns `person.tools`
// (what a printed handout shows: doses after the practitioner's lowering,
// the pressure ceiling, the edge their kit offers, the sides their profile
// names, cues, cautions and stop signs), so a card names the same edge and
// side as the person's own plan. Without tools, every tool, with a note
// (rule handout-every-tool) saying the edge may differ from their kit. The
// person's own plan still applies their screening on top. Items the planner
// cannot place (a step no owned tool can do) are in the plan's notes, with
// reasons.
core::Plan program_step_cards(const core::KnowledgeBase& kb, const core::HomeProgram& program,
                              const HandoutPerson& person);

// A printable home program: its step cards and what the paper must say
// besides them (core::handout_safety: spacing, the week, lowered caps).
struct Handout {
  core::Plan cards;
  core::HandoutSafety safety;
};
Handout program_handout(const core::KnowledgeBase& kb, const core::HomeProgram& program, const HandoutPerson& person);

}  // namespace fascia::app
