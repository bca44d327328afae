// Reads the journal the way the post-session rules do: bruising, or a stop
// sign asking for lighter pressure (broken skin), lowers the next pressure
// cap; bruising again warns that pressure is too deep; pain worse two days
// after a session lowers the dose; unresolved redness, red dots or soreness
// holds a region back. Every change is an Adjustment with its reason.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fascia/core/dates.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/reason.hpp"

namespace fascia::core {

enum class DoseLevel { standard = 0, reduced = 1, minimal = 2 };

struct RegionHistory {
  std::optional<int> pressure_cap;  // /10, lowered after bruising or a stop sign asking for lighter pressure
  Reason pressure_cap_reason;       // why the latest cap was set: rule id, text, source
  DoseLevel dose = DoseLevel::standard;
  int bruised_sessions = 0;
};

struct Adjustment {
  Date date{};
  std::string region;
  Reason reason;
};

// Bruising reported after a session on one region (before the next session there).
struct BruisedSession {
  Date session{};   // the session's day
  Date reported{};  // the check-in that reported the bruising
  std::string region;
};

// Pain higher some days (worse_after_hours) after a session than just before it.
struct WorseAfterSession {
  Date session{};
  Date reported{};  // the day of the higher score
  std::string region;
  int before = 0;  // NPRS /10: the last score on or before the session's day (else the baseline)
  int after = 0;
};

struct JournalAnalysis {
  std::map<std::string, RegionHistory> regions;
  std::vector<Adjustment> adjustments;  // in date order
  std::vector<Reason> warnings;         // e.g. pressure too deep
  // Every post-session event the rules read, whether or not it still changed
  // a cap or the dose (a dose already at its lowest is not lowered again):
  // what a practitioner's monitoring list looks at (core/attention.hpp).
  std::vector<BruisedSession> bruised;         // by region, then session date
  std::vector<WorseAfterSession> worse_after;  // by region, then session date

  const RegionHistory* region(const std::string& id) const;
};

JournalAnalysis analyse_journal(const KnowledgeBase& kb, const Profile& profile, const Journal& journal);

// Why instrument work on region/side must wait on `day` because the skin or
// soreness from the last instrument work there has not been reported settled;
// empty if free. The last instrument work is a home session's step (not
// skipped) or a clinic treatment whose kind counts as instrument work
// (TreatmentModality::counts_as), whichever is later; the reason says which.
// For Side::both each side is judged on its own (a settled left check-in
// does not release the right), said once when both sides wait alike.
// Rules reaction-unresolved and reaction-unconfirmed (seed-003, ADR 0003).
std::vector<Reason> reaction_gate(const KnowledgeBase& kb, const Journal& journal, const std::string& region, Side side,
                                  Date day);

// The areas a logged session worked with an instrument (steps not skipped), one
// per region in step order, left and right merged into both: what a check-in
// after that session must cover.
std::vector<std::pair<std::string, Side>> instrument_areas(const SessionEntry& session);

// The first day a check-in can release the hold after a session on
// `session_day`: checkin_after_hours later, rounded up to whole days (seed-003,
// ADR 0003). A check-in dated earlier is kept but never releases the hold.
Date checkin_counts_from(const KnowledgeBase& kb, Date session_day);

// A check-in counts as settled when there is no redness, no red dots, no
// bruising, and soreness is at or below the resolved level.
bool reaction_settled(const KnowledgeBase& kb, const ReactionEntry& entry);

}  // namespace fascia::core
