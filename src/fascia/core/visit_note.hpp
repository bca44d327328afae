// A visit note (issue 10, point 7): what a practitioner records of one visit,
// in the problem-oriented SOAP form (Weed, "Medical records that guide and
// teach", N Engl J Med 1968;278:593-600): what the person reports
// (subjective), what was found (objective), what the practitioner makes of it
// (assessment) and what comes next (plan). A note belongs to one client and
// one clinic. It is never edited in place: an amendment adds a revision with
// who made it, when and why, and every earlier revision is kept and shown.
// Pure values; app/visit_notes checks, reaches and stores them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fascia/core/dates.hpp"

namespace fascia::core {

// The four parts of a SOAP note; any may be empty, but not all.
struct Soap {
  std::string subjective;
  std::string objective;
  std::string assessment;
  std::string plan;
  bool operator==(const Soap&) const = default;
};

// True when every part is empty or only white space (space, tab, line
// breaks, and the Unicode spaces U+00A0, U+2000-U+200B, U+3000).
bool is_blank(const Soap& text);
bool is_blank(const std::string& text);

// What an amendment changes: a part given replaces the last revision's text
// (an empty string empties it); a part absent keeps it.
struct SoapChanges {
  std::optional<std::string> subjective;
  std::optional<std::string> objective;
  std::optional<std::string> assessment;
  std::optional<std::string> plan;
  bool operator==(const SoapChanges&) const = default;
};
// The text after the changes.
Soap apply_changes(const Soap& current, const SoapChanges& changes);

// One version of a note's text. Revision 1 is the note as written, with no
// reason; each amendment adds the next number with its reason.
struct NoteRevision {
  int number = 1;
  std::int64_t author_id = 0;  // the practitioner's person id
  std::string author;          // their account name, as it was then
  std::int64_t at = 0;         // Unix seconds
  Soap text;
  std::string reason;  // why it was amended; empty for revision 1
  bool operator==(const NoteRevision&) const = default;
};

struct VisitNote {
  std::int64_t id = 0;         // assigned by the store
  std::int64_t person_id = 0;  // the client
  std::int64_t clinic_id = 0;
  std::string clinic_name;  // as the store reads it (the clinic's name now); not stored with the note
  Date visit_date{};
  std::vector<NoteRevision> revisions;  // oldest first; never empty once stored
  // The text shown: the latest revision. The note must have one.
  const NoteRevision& current() const { return revisions.back(); }
  bool amended() const { return revisions.size() > 1; }
  bool operator==(const VisitNote&) const = default;
};

}  // namespace fascia::core
