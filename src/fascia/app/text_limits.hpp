// The one table of limits on free text a person stores or sends: every
// interface (terminal, HTTP API, import) checks against these same figures.
// Unit: Unicode code points ("characters"), counted by ICU after checking
// the bytes are well-formed UTF-8; invalid UTF-8 is refused, never counted.
// Code points rather than grapheme clusters because a limit has to bound
// what is stored: one grapheme cluster can hold any number of code points.
// (An emoji such as U+1F600 is one code point; a family emoji joined with
// U+200D counts each person and joiner.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "fascia/core/error.hpp"

namespace fascia::app {

struct TextLimit {
  std::string_view what;       // how a message names the text, e.g. "note"
  std::size_t max_characters;  // largest accepted length in code points
};

inline constexpr TextLimit kProfileNameLimit{"name", 100};
inline constexpr TextLimit kNoteLimit{"note", 4000};
inline constexpr TextLimit kTreatmentNoteLimit{"treatment note", 1000};
// A session step's note, e.g. why a step was skipped.
inline constexpr TextLimit kStepNoteLimit{"step note", 200};
// Who cleared a person of a warning sign, and what they noted (fascia clear).
inline constexpr TextLimit kClearanceByLimit{"clearance 'by'", 200};
inline constexpr TextLimit kClearanceNoteLimit{"clearance note", 2000};
// What a practitioner saw during a clinic treatment, and their note on it.
inline constexpr TextLimit kClinicReactionLimit{"reaction", 1000};
inline constexpr TextLimit kClinicNoteLimit{"note", 2000};
// Each part of a visit note (subjective, objective, assessment, plan), and
// why a note was amended.
inline constexpr TextLimit kSoapPartLimit{"SOAP part", 4000};
inline constexpr TextLimit kAmendmentReasonLimit{"reason", 500};
// A home program's note to the person, and a cue on an item's step cards.
inline constexpr TextLimit kProgramNoteLimit{"note", 2000};
inline constexpr TextLimit kProgramCueLimit{"cue", 300};
inline constexpr TextLimit kAccountNameLimit{"account name", 40};
inline constexpr TextLimit kClinicNameLimit{"clinic name", 80};
inline constexpr std::size_t kPasswordMinCharacters = 8;
inline constexpr TextLimit kPasswordLimit{"password", 200};
// Knowledge-base ids and words sent to the API (region, habit, kind, ...).
inline constexpr TextLimit kIdentifierLimit{"identifier", 200};

// Well-formed UTF-8 of at most limit.max_characters code points, counted in
// NFC (a letter and its combining accent that compose count once), with no
// control character but tab, line feed and carriage return. Errors:
// invalid_argument "<what> is not valid UTF-8 text" or "<what> contains the
// control character U+0000", out_of_range "<what> is longer than N
// characters (Unicode code points; it has M)". `what` defaults to limit.what.
core::Result<void> check_text(std::string_view text, const TextLimit& limit, std::string_view what = {});

}  // namespace fascia::app
