// Row-level reads and writes of home programs (issue 10, point 3) on either
// engine. One row per version: its number, the day it was made and its whole
// content as JSON (json_codec.hpp's home_program_to_json), so a version is
// stored exactly as it was assigned and never rewritten. Callers run these
// inside a transaction; every function is restricted to one person_id. A
// body that no longer decodes is db_corrupt.
#pragma once

#include <cstdint>
#include <vector>

#include "fascia/adapters/sql_connection.hpp"
#include "fascia/core/person.hpp"

namespace fascia::adapters::rows {

// Every version of the person's programs, by id then version.
core::Result<std::vector<core::HomeProgram>> select_programs(sql::Connection& db, std::int64_t person);
// Stores the next version (JournalStore::add_program_version's contract)
// and returns it as stored.
core::Result<core::HomeProgram> insert_program_version(sql::Connection& db, std::int64_t person,
                                                       const core::HomeProgram& program);
// Stores a version as it is, id and version kept (import, database copy).
core::Result<void> restore_program_version(sql::Connection& db, std::int64_t person, const core::HomeProgram& program);

}  // namespace fascia::adapters::rows
