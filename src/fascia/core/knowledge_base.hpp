// The knowledge base as plain values: regions, tools, techniques, protocols,
// screening, stop signs, safety caps, referral patterns, habits and sources.
// It is loaded and validated by an adapter (data/ YAML); the core only reads it.
// Every fact carries `source`, an id from `sources`.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fascia/core/reason.hpp"

namespace fascia::core {

enum class Side { left, right, both, midline };
enum class Laterality { paired, midline };  // paired regions take left/right/both
enum class RegionClass { normal, sensitive, practitioner_only, needs_medical_clearance };
// What a technique does to tissue; instrument work counts toward the instrument caps.
enum class Modality { instrument, compression, pressure, movement, preparation, percussion };
enum class DoseUnit { strokes, seconds };
enum class ClearanceLevel { cleared, self_care_with_cautions, see_practitioner_first, urgent, emergency };
enum class QuestionKind { yes_no, regions };
enum class StopAction { stop_step, stop_session, emergency };
// Who gives a treatment, for the practitioner finder: a doctor, a licensed
// clinician who assesses before treating (physiotherapist, chiropractor,
// osteopath), a manual therapist (hands-on or instrument soft-tissue work),
// or a massage therapist.
enum class PractitionerKind { medical, clinician, manual_therapy, massage };

struct IntRange {
  int min = 0;
  int max = 0;
  friend bool operator==(const IntRange&, const IntRange&) = default;
};

struct Source {
  std::string id;
  std::string title;
  std::string citation;  // authors, year, journal or page owner
};

struct Region {
  std::string id;
  std::string name;
  std::string chain;  // chain id, may be empty
  Laterality laterality = Laterality::paired;
  RegionClass region_class = RegionClass::normal;
  std::optional<int> pressure_cap;              // /10, sensitive regions
  std::vector<std::string> allowed_techniques;  // empty = any
  std::optional<IntRange> dose_seconds;         // e.g. suboccipitals 60-90 s
  std::string note;                             // why it is sensitive or restricted
  std::string source;
};

struct Chain {
  std::string id;
  std::string name;
  std::vector<std::string> regions;  // in loading order
  std::string note;
  std::string source;
};

struct Edge {
  std::string id;
  std::string name;
  std::string description;
  std::vector<std::string> substitutes;  // edges that may stand in, best first
  std::string source;
};

struct Tool {
  std::string id;
  std::string name;
  std::vector<std::string> edges;
  std::string source;
};

struct Kit {
  std::string id;
  std::string name;
  std::vector<std::string> tools;
  std::string note;
  std::string source;
};

struct Technique {
  std::string id;
  std::string name;
  Modality modality = Modality::movement;
  DoseUnit unit = DoseUnit::seconds;
  std::optional<IntRange> pressure;  // default range /10; none for movement
  int seconds_per_stroke = 0;        // for time estimates of stroke-dosed techniques
  std::string description;
  std::string source;
};

// Placeholder used as a step's region in protocols that apply to any eligible region.
inline constexpr const char* kTargetRegion = "$target";

struct Step {
  std::string technique;
  std::vector<std::string> edges;  // acceptable edges, preferred first; empty = no tool needed
  std::string region;              // region id or kTargetRegion
  std::string direction;
  std::optional<IntRange> pressure;  // /10
  IntRange dose;                     // per side, in the technique's unit
  bool per_side = false;             // repeat on each side when the plan side is both
  bool optional = false;             // e.g. only where a restriction was found
  std::string instruction;
  std::vector<std::string> cues;
  std::vector<std::string> cautions;
  std::vector<std::string> stop_signs;  // stop sign ids watched during this step
  std::string source;
};

struct Protocol {
  std::string id;
  std::string name;
  std::string summary;
  std::string condition;                     // e.g. "neck and upper-trap tension"
  std::vector<std::string> eligible_regions;  // generic protocols: regions $target may take
  std::vector<std::string> requires_tools;    // e.g. a partner; empty = none beyond edges
  int sessions_per_week = 3;                  // target frequency, never above the caps
  IntRange weeks{4, 6};
  std::vector<Step> steps;
  std::string source;
  bool generic() const { return !eligible_regions.empty(); }
};

struct Question {
  std::string id;
  std::string text;
  QuestionKind kind = QuestionKind::yes_no;
  std::string group;  // e.g. emergency, serious, neck, local
  std::string help;
  std::string source;
};

// A screening rule fires when every `all_of` and at least one `any_of`
// question is answered yes. Scope: `regions` (or the regions given as the
// answer when `answered_regions`), `modalities`, or everything when both empty.
struct ScreeningRule {
  std::string id;
  std::vector<std::string> all_of;
  std::vector<std::string> any_of;
  ClearanceLevel level = ClearanceLevel::cleared;
  std::vector<std::string> regions;
  bool answered_regions = false;
  std::vector<Modality> modalities;
  std::optional<int> pressure_cap;  // self-care with cautions: lower ceiling
  bool gentle = false;              // use the low end of every dose in scope
  // A warning sign: once raised, the finding stays in force across later
  // screenings answered "no" until a practitioner clearance covers it.
  bool until_cleared = false;
  std::string advice;
  std::string source;
};

struct StopSign {
  std::string id;
  std::string name;
  StopAction action = StopAction::stop_step;
  std::string advice;
  // Question set to yes when this sign occurs: a yes-no question (a warning
  // sign: its finding stays until a recorded clearance), or a regions
  // question, which marks the area of the step where the session stopped (a
  // local finding: it ends when the screening is answered again without
  // that area, e.g. once broken skin has healed).
  std::string rescreen_question;
  // Points (/10) the next pressure cap on the stopped step's region drops by
  // after this sign, like bruising does (e.g. broken skin: lighter next time);
  // 0 leaves the pressure as it was. Its source is the sign's source.
  int lower_pressure_next_time = 0;
  std::string source;
};

struct Habit {
  std::string id;
  std::string name;
  std::string description;
  std::string source;
};

// A treatment a person may receive elsewhere (massage styles, chiropractic...).
struct TreatmentModality {
  std::string id;
  std::string name;
  std::string description;
  bool offered_by_practitioners = true;
  // The home load a clinic treatment of this kind counts as toward the caps
  // (instrument, compression or pressure; see TreatmentLedger); none when
  // the sources give no load rule for it.
  std::optional<Modality> counts_as;
  std::string source;
  // Who gives it, for the finder; none for what is mostly done at home.
  std::optional<PractitionerKind> practitioner_kind = std::nullopt;
};

// What a "see a practitioner" in fascia looks for in the practitioner finder
// (data/finder.yaml): whom it keeps and whom it lists first.
struct FinderNeed {
  std::string id;
  std::string name;
  std::string says;                            // shown above the results, plain words
  std::vector<std::string> areas;              // keep only practitioners treating one of these regions
  std::optional<Modality> work_like;           // keep only those offering a treatment that counts as this load
  std::vector<PractitionerKind> listed_first;  // these kinds first, in this order
  std::vector<PractitionerKind> only;          // keep only these kinds; empty: every kind
  bool medical_first = false;                  // a medical check must come before any manual therapy
  std::vector<std::string> rules;              // screening rules whose advice links here
  std::vector<std::string> stop_signs;         // stop signs whose advice links here
  std::string source;
};

struct PainLocation {
  std::string id;
  std::string name;
  std::string warning;  // shown whenever this location is named: pain here can be serious
  std::string source;   // of the warning
};

struct ReferralCandidate {
  std::string region;
  double weight = 0;  // 0..1, relative likelihood within the pattern
};

struct ReferralPattern {
  std::string location;  // pain location id
  std::vector<ReferralCandidate> candidates;
  std::string source;
  // What a careful clinician would ask before anyone explores these
  // candidates (e.g. arm numbness when the scalenes are suspected). Each has
  // an id (as `rule`), plain text and its own source; at least one per pattern.
  std::vector<Reason> warnings = {};
};

struct SourcedValue {
  int value = 0;
  std::string source;
};

// Hard caps and post-session thresholds. Each is a named entry in
// data/safety/caps.yaml with its source.
struct SafetyCaps {
  SourcedValue instrument_sessions_per_7_days;  // per region
  SourcedValue instrument_min_hours_between;    // per region
  SourcedValue compression_min_hours_between;   // per region
  SourcedValue home_pressure_ceiling;           // /10, any home step
  SourcedValue instrument_minutes_per_session;
  SourcedValue program_weeks_min;
  SourcedValue program_weeks_max;
  SourcedValue review_week;
  SourcedValue review_min_adherence_percent;    // sessions done / planned before the review needed to judge it
  SourcedValue soreness_resolved_at;            // soreness /10 at or below this counts as resolved
  SourcedValue checkin_after_hours;             // a check-in releases a region only this long after the session
  SourcedValue bruise_pressure_step;            // cap drop after bruising
  SourcedValue repeated_bruising_count;         // bruising reports that make "pressure too deep"
  SourcedValue worse_after_hours;               // pain rise this long after a session lowers the dose
  SourcedValue meaningful_change_points;        // NPRS points
  SourcedValue meaningful_change_percent;       // NPRS percent of baseline
  SourcedValue trigger_point_hold_min_seconds;
  SourcedValue trigger_point_hold_max_seconds;
};

struct KnowledgeBase {
  std::map<std::string, Source> sources;
  std::map<std::string, Region> regions;
  std::map<std::string, Chain> chains;
  std::map<std::string, Edge> edges;
  std::map<std::string, Tool> tools;
  std::map<std::string, Kit> kits;
  std::map<std::string, Technique> techniques;
  std::map<std::string, Protocol> protocols;
  std::vector<Question> questions;  // in asking order
  std::vector<ScreeningRule> screening_rules;
  std::map<std::string, StopSign> stop_signs;
  std::map<std::string, Habit> habits;
  std::map<std::string, TreatmentModality> treatments;
  std::map<std::string, PainLocation> pain_locations;
  std::vector<ReferralPattern> referral_patterns;
  std::map<std::string, FinderNeed> finder_needs;
  SafetyCaps caps;

  const Region* region(const std::string& id) const;
  const Technique* technique(const std::string& id) const;
  const Protocol* protocol(const std::string& id) const;
  const Question* question(const std::string& id) const;
};

// Instrument, compression, pressure and percussion load tissue; movement and
// preparation do not count toward any cap.
bool loads_tissue(Modality modality);

std::string_view to_string(Side side);
std::string_view to_string(RegionClass value);
std::string_view to_string(Modality value);
std::string_view to_string(DoseUnit value);
std::string_view to_string(ClearanceLevel value);
std::string_view to_string(StopAction value);
std::string_view to_string(QuestionKind value);
std::string_view to_string(Laterality value);
std::string_view to_string(PractitionerKind value);  // "medical", "clinician", "manual-therapy", "massage"

// Inverse of to_string; nullopt for an unknown word.
std::optional<Side> side_from_string(std::string_view text);
std::optional<RegionClass> region_class_from_string(std::string_view text);
std::optional<Modality> modality_from_string(std::string_view text);
std::optional<DoseUnit> dose_unit_from_string(std::string_view text);
std::optional<ClearanceLevel> clearance_level_from_string(std::string_view text);
std::optional<StopAction> stop_action_from_string(std::string_view text);
std::optional<QuestionKind> question_kind_from_string(std::string_view text);
std::optional<Laterality> laterality_from_string(std::string_view text);
std::optional<PractitionerKind> practitioner_kind_from_string(std::string_view text);

}  // namespace fascia::core
