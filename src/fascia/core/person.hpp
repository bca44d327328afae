// What a person tells fascia about themselves (profile, screening answers)
// and what they log (the journal). Plain values; storage is an adapter's job.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fascia/core/dates.hpp"
#include "fascia/core/knowledge_base.hpp"

namespace fascia::core {

struct RegionTarget {
  std::string region;
  Side side = Side::both;
  int pain = 0;  // 0..10 at the start: the baseline
  friend bool operator==(const RegionTarget&, const RegionTarget&) = default;
};

struct Profile {
  std::string name;                  // display name only, optional
  std::vector<RegionTarget> regions;  // what they want to work on
  std::vector<std::string> tools;     // tool ids owned (kits expanded by the app)
  std::vector<int> weekdays;          // 0 = Monday .. 6 = Sunday, days available
  int minutes_per_session = 20;
  Date start{};
  int weeks = 6;  // program length, clamped to the caps
  friend bool operator==(const Profile&, const Profile&) = default;
};

// A region and the side it concerns: left, right or both for paired regions,
// midline for midline ones. A bare region name means both (midline).
struct RegionSide {
  std::string region;
  Side side = Side::both;
  friend bool operator==(const RegionSide&, const RegionSide&) = default;
};

struct Answer {
  bool yes = false;
  std::vector<RegionSide> regions;  // for region questions: where it applies, with the side
  friend bool operator==(const Answer&, const Answer&) = default;
};

struct ScreeningRecord {
  Date date{};
  std::map<std::string, Answer> answers;  // question id -> answer
  friend bool operator==(const ScreeningRecord&, const ScreeningRecord&) = default;
};

struct PainEntry {
  Date date{};
  std::string region;
  Side side = Side::both;
  int score = 0;  // 0..10 numeric rating scale
  friend bool operator==(const PainEntry&, const PainEntry&) = default;
};

// A skin and soreness check-in for a treated region. All clear (no redness,
// no red dots, soreness at or below the resolved level) releases the gate.
struct ReactionEntry {
  Date date{};
  std::string region;
  Side side = Side::both;
  bool redness = false;
  bool red_dots = false;
  bool bruising = false;
  int soreness = 0;  // 0..10
  friend bool operator==(const ReactionEntry&, const ReactionEntry&) = default;
};

struct HabitEntry {
  Date date{};
  std::string habit;
  friend bool operator==(const HabitEntry&, const HabitEntry&) = default;
};

struct TreatmentEntry {
  Date date{};
  std::string treatment;  // TreatmentModality id
  std::string region;     // optional
  std::string note;
  friend bool operator==(const TreatmentEntry&, const TreatmentEntry&) = default;
};

struct NoteEntry {
  Date date{};
  std::string text;  // function notes: what was easier or harder today
  friend bool operator==(const NoteEntry&, const NoteEntry&) = default;
};

enum class StepStatus { done, skipped, stopped };

struct StepLog {
  int index = 0;  // position in the planned session
  std::string technique;
  std::string region;
  Side side = Side::both;
  Modality modality = Modality::movement;
  StepStatus status = StepStatus::done;
  int strokes = 0;
  int seconds = 0;
  std::optional<int> pressure_used;  // /10
  std::string stop_sign;             // stop sign id when stopped: the most severe one reported
  std::string note;                  // why skipped, or anything else
  // The other stop signs reported with it, most severe first; each is kept
  // (a second sign is as much the person's report as the first).
  std::vector<std::string> other_stop_signs = {};
  friend bool operator==(const StepLog&, const StepLog&) = default;
};

struct SessionEntry {
  std::int64_t id = 0;  // assigned by the store
  Date date{};
  std::string protocol;
  std::string target_region;  // generic protocols only
  Side side = Side::both;
  std::vector<StepLog> steps;
  bool stopped = false;
  std::string stop_sign;                           // the stopping step's most severe sign
  std::vector<std::string> other_stop_signs = {};  // the stopping step's other signs, most severe first
  // Every sign the session was stopped for, the most severe first.
  std::vector<std::string> stop_signs() const;
  friend bool operator==(const SessionEntry&, const SessionEntry&) = default;
};

// A practitioner's clearance, as recorded by the person (later by a linked
// practitioner): who saw them, on which day, and for which regions (empty =
// everything). It lifts warning-sign findings raised on or before `date` by
// the first `after_screenings` screenings, those on record when it was
// recorded: a clearance noted in the morning never lifts a stop sign raised
// that afternoon.
struct ClearanceEntry {
  Date date{};
  std::string by;                  // free text, e.g. "Dr Lee, physiotherapist"
  std::vector<RegionSide> regions;  // empty: every finding
  std::string note;
  std::size_t after_screenings = 0;  // screenings stored before this clearance; set by the store
  // Recorded by a linked practitioner's own account (app::sign_client_clearance,
  // `by` their name and clinic); false: the person recorded who cleared them.
  bool by_practitioner = false;
  // The signing practitioner's clinic (by_practitioner); nullopt for the
  // person's own. Another clinic sees only that a practitioner signed it.
  std::optional<std::int64_t> clinic_id = std::nullopt;
  friend bool operator==(const ClearanceEntry&, const ClearanceEntry&) = default;
};

// What a linked practitioner did in clinic (issue 10): the kind of work (a
// TreatmentModality id), where, how hard and how long, and what they saw.
// Work of a kind that counts as a load (TreatmentModality::counts_as) holds
// home work on the same tissue back like a home session would
// (TreatmentLedger). Recorded by app::record_clinic_treatment, which sets the
// practitioner's and clinic's ids and name.
struct ClinicTreatmentEntry {
  std::int64_t id = 0;  // assigned by the store, unique in the database
  Date date{};
  std::string treatment;            // TreatmentModality id
  std::vector<RegionSide> regions;  // at least one; any region, practitioner-only ones included
  std::optional<int> pressure;      // 0..10, when the practitioner gives one
  int minutes = 0;                  // 1..240
  std::string reaction;             // what was seen, e.g. "redness that faded within the hour"
  std::string note;
  std::int64_t practitioner_id = 0;  // their person id
  std::string practitioner;          // their account name, as it was then
  std::int64_t clinic_id = 0;
  friend bool operator==(const ClinicTreatmentEntry&, const ClinicTreatmentEntry&) = default;
};

struct Journal {
  std::vector<PainEntry> pain;
  std::vector<ReactionEntry> reactions;
  std::vector<HabitEntry> habits;
  std::vector<TreatmentEntry> treatments;
  std::vector<NoteEntry> notes;
  std::vector<SessionEntry> sessions;
  std::vector<ClearanceEntry> clearances;  // oldest first
  std::vector<ClinicTreatmentEntry> clinic_treatments;  // oldest first (date, then id)
  friend bool operator==(const Journal&, const Journal&) = default;
};

// A home exercise program (HEP; in FHIR a CarePlan) a linked practitioner
// assigned (issue 10, point 3); its rules are in home_program.hpp.
// One protocol the program asks for.
struct ProgramItem {
  std::string protocol;             // a protocol id of the knowledge base
  RegionSide target;                // the region it is for, and the side
  std::optional<int> max_pressure;  // 0-10: a ceiling below the home cap; none keeps the protocol's own
  int dose_percent = 100;           // 25-100: strokes or seconds scaled down, never up
  std::string cue;                  // the practitioner's cue, shown on every step card of it
  friend bool operator==(const ProgramItem&, const ProgramItem&) = default;
};

struct HomeProgram {
  std::int64_t id = 0;  // assigned by the store
  int version = 1;      // each change is a new version; earlier ones are kept
  std::int64_t practitioner_id = 0;
  std::string practitioner;  // the practitioner's account name, as the person sees it
  std::int64_t clinic_id = 0;
  std::string clinic;  // the clinic's name
  Date assigned{};     // the day this version was made
  Date start{};
  int weeks = 6;              // program-weeks-min..program-weeks-max (seed-003)
  Date review{};              // the review date, within the program
  std::vector<int> weekdays;  // 0 = Monday .. 6 = Sunday
  std::vector<ProgramItem> items;
  std::vector<RegionSide> clinic_only;  // areas the practitioner treats in clinic only: no home step there
  std::string note;                     // what changed and why, or anything for the person
  std::optional<Date> ended;            // set on the version that ended the program
  std::string ended_by;                 // who ended it: the practitioner's or the person's name
  friend bool operator==(const HomeProgram&, const HomeProgram&) = default;
};

// Everything a person has: what export writes and import reads.
struct PersonData {
  std::optional<Profile> profile;
  std::vector<ScreeningRecord> screenings;  // oldest first
  Journal journal;
  std::vector<HomeProgram> programs;  // every version of every assigned program, by id then version
  friend bool operator==(const PersonData&, const PersonData&) = default;
};

std::string_view to_string(StepStatus value);
std::optional<StepStatus> step_status_from_string(std::string_view text);
// True when two sides share tissue: both overlaps left and right.
bool sides_overlap(Side a, Side b);
// Reads "region" or "region:side" (side = left, right, both, midline); a bare
// region means both. Nullopt when the side is not one of those words or the
// region is empty. Whether the region exists is the caller's check.
std::optional<RegionSide> region_side_from_string(std::string_view text);
// True when two sides of the SAME region share tissue: only left against
// right is disjoint (midline and both cover the whole region).
bool same_region_sides_overlap(Side a, Side b);

}  // namespace fascia::core
