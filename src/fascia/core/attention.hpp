// What in a client's picture needs a practitioner's attention (issue 10,
// point 6): a pure reading of the journal, the warning-sign history and the
// week-4 review, each flag with its reason in plain words, its date and,
// where a clinical rule applies, the rule and its source. The monitoring list
// (app/monitoring.hpp) orders clients by their most urgent flag.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fascia/core/dates.hpp"
#include "fascia/core/home_work_hold.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/plan.hpp"
#include "fascia/core/screening.hpp"

namespace fascia::core {

// Most urgent first: the enum's order IS the ranking. A new kind (e.g. a
// home program the planner had to block) takes its place in this list, gets
// a detector in attention.cpp and a word in to_string; nothing else orders.
enum class AttentionKind {
  stop_event,          // a session stopped by a stop sign in the last kAttentionWindowDays
  new_warning_sign,    // a warning-sign finding in force, not yet cleared by a practitioner
  own_clearance,       // a warning sign (or a program's hold) lifted only by a clearance the client entered themselves
  program_held,        // the clinic's home program in force has home work held back by the client's safety answers
  program_not_doable,  // the clinic's home program in force leaves no session the client can do (tools, areas, minutes)
  program_replaced,    // the clinic's home program is not ended but a newer program is followed instead
  repeated_bruising,   // bruising after repeated-bruising-count sessions within the window
  pain_worse_after,    // pain higher worse-after-hours after a session than before it, within the window
  not_improving,       // the week-4 review found no meaningful improvement
  low_adherence,       // fewer than half the planned sessions done in the window (or since the start)
  inactive,            // nothing logged for kInactiveDays
};
std::string_view to_string(AttentionKind kind);  // "stop-event", "new-warning-sign", …

// How far back "recent" reaches for stops, bruising, worse pain and adherence.
inline constexpr int kAttentionWindowDays = 14;
// Days without any entry after which a client counts as inactive.
inline constexpr int kInactiveDays = 7;
// Adherence below this percent of the planned sessions raises low_adherence.
inline constexpr int kLowAdherencePercent = 50;

struct AttentionFlag {
  AttentionKind kind = AttentionKind::inactive;
  Date date{};         // when it happened: the stop, the screening, the bruising, the score, the review, the last entry
  std::string reason;  // a complete sentence with its dates
  std::string rule;    // the rule or cap id behind it, "" for plain observations (inactive, adherence)
  std::string source;  // its source in data/sources.yaml, "" when `rule` is
  int rank() const { return static_cast<int>(kind); }  // lower is more urgent
  friend bool operator==(const AttentionFlag&, const AttentionFlag&) = default;
};

// What of one client the practitioner may see, and what it is read against.
// Parts the client does not share are left empty and switched off: a flag
// that needs an unshared part is never raised.
struct AttentionInputs {
  // The shared journal parts: pain, reactions, habits, notes, treatments
  // elsewhere (journal); sessions (sessions). Others empty.
  Journal journal;
  bool journal_shared = false;
  bool sessions_shared = false;
  // Warning-sign findings over time (evaluate_screenings, attributed to stop
  // signs); only when screening is shared.
  std::optional<std::vector<FindingHistory>> findings;
  // The profile and the plan as first made (app::original_plan), for the
  // week-4 review and adherence; nullopt when the client has no profile or
  // screening yet.
  std::optional<Profile> profile;
  std::optional<Plan> original;
  // What the client's safety answers hold back of the home program in force,
  // when this practitioner's clinic assigned it (home_work_hold; nullopt
  // otherwise). Areas and dates, never answers: read whatever is shared, as
  // the program page shows it.
  std::optional<HomeWorkHold> program_hold;
  // The same two readings counting only the clearances a practitioner signed
  // in fascia (ClearanceEntry::by_practitioner), so that what the client's own
  // entries lifted shows as the difference (AttentionKind::own_clearance):
  // findings when screening is shared, the hold when program_hold is set.
  std::optional<std::vector<FindingHistory>> findings_without_own_clearances;
  std::optional<HomeWorkHold> program_hold_without_own_clearances;
  // This clinic's program that the client no longer follows because a newer
  // program (another clinic's) is in force: its id and the day its latest
  // version was made; nullopt when there is none, or this clinic's is in
  // force. Nothing of the newer program (whose, when) is said.
  struct ReplacedProgram {
    std::int64_t id = 0;
    Date assigned{};
  };
  std::optional<ReplacedProgram> replaced_program;
  // The day of the latest clearance the client entered themselves, if any.
  std::optional<Date> latest_own_clearance;
  // Since when the practitioner watches (the link's day): "nothing logged"
  // counts from here when the journal is empty.
  Date watched_since{};
};

// For AttentionInputs::replaced_program: the newest program of `clinic_id`
// in `versions` (every version of every program, as stored) that is not
// ended, when the program in force (program_in_force) is another clinic's;
// nullopt otherwise. A clinic's own newer program replacing its older one is
// no news to it.
std::optional<AttentionInputs::ReplacedProgram> replaced_program(const std::vector<HomeProgram>& versions,
                                                                 std::int64_t clinic_id);

// Every flag that applies on `today`, at most one per kind (the latest event
// of that kind, the reason saying how many), sorted most urgent first, then
// newest first.
std::vector<AttentionFlag> attention_flags(const KnowledgeBase& kb, const AttentionInputs& in, Date today);

// How far before the window the monitoring list first reads a long journal
// (ADR 0020): enough for each region's session before the window and the pain
// before it, in a journal kept regularly.
inline constexpr int kAttentionLookbackDays = 14;
// The first day of the journal the monitoring list reads first for `today`:
// kAttentionLookbackDays before the window of kAttentionWindowDays.
Date attention_reads_from(Date today);

// True when `in`, whose journal holds only the entries dated `from` or later
// (JournalStore::load_journal_since) and whose findings were attributed to
// those sessions only, gives on `today` exactly the flags that the whole
// journal would. It holds when `from` is no later than the window's first
// day and the recent entries settle every reading that could reach further
// back: the last entry for inactivity, each target region's latest pain for
// the review (and the first weeks' sessions when the review is negative), a
// session on each region with pain in the window that starts it, the pain
// before each session whose worse pain could fall in the window, and the
// session day of the newest warning sign in force. False: read the whole
// journal.
bool recent_journal_suffices(const KnowledgeBase& kb, const AttentionInputs& in, Date from, Date today);

// The order of the monitoring list: more urgent first, then newer first.
bool more_urgent(const AttentionFlag& a, const AttentionFlag& b);

}  // namespace fascia::core
