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

// An export nests a handful of levels; deeper input is refused while it is
// read, so a small file cannot make a large tree.
inline constexpr int kMaxImportDepth = 32;

}  // namespace fascia::adapters
