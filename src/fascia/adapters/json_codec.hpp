// Export and import of everything one person has (PersonData) as JSON, the
// "fascia-export" format, version 1. Encoding is pretty-printed with a fixed
// key order; decoding is strict: the first problem (bad JSON, wrong type,
// unknown, duplicate or missing key, out-of-range score, impossible date,
// unknown enum word) is a one-line error naming its JSON path, e.g.
// "journal.pain[3].score: 11 is outside 0..10". Ids are not checked against
// the knowledge base here; the app layer does that. Round trips are lossless.
#pragma once

#include <string>
#include <string_view>

#include "fascia/core/error.hpp"
#include "fascia/core/person.hpp"

namespace fascia::adapters {

inline constexpr std::string_view kExportFormat = "fascia-export";
inline constexpr int kExportVersion = 1;

// Invalid UTF-8 in any text is written as U+FFFD.
std::string person_data_to_json(const core::PersonData& data);
// Refuses (malformed_file, naming the path) anything that is not JSON, not
// this format, or nested more than kMaxImportDepth levels deep.
core::Result<core::PersonData> person_data_from_json(std::string_view text);

// One stored version of a home program (all of core::HomeProgram's fields),
// on one line: the store keeps it as the body of its row.
std::string home_program_to_json(const core::HomeProgram& program);
// Reads what home_program_to_json wrote; errors as person_data_from_json's.
core::Result<core::HomeProgram> home_program_from_json(std::string_view text);
// What a practitioner sends to assign or change a program: {start, weeks,
// review, weekdays [0-6], items [{protocol, target {region, side},
// max_pressure? (0-10 or null), dose_percent? (1-100, default 100), cue?}],
// clinic_only? [{region, side}], note?}. Only the shape is checked here
// (the message names the JSON path); the home rules are
// core::check_home_program's.
core::Result<core::HomeProgram> program_request_from_json(std::string_view text);

// An export nests a handful of levels; deeper input is refused while it is
// read, so a small file cannot make a large tree.
inline constexpr int kMaxImportDepth = 32;

}  // namespace fascia::adapters
