// Row-level reads and writes of the journal store, one function per table
// group, on either engine (the schemas: sqlite_migrations.cpp,
// pg_migrations.cpp). Callers run them inside a transaction; every function
// is restricted to one person_id. A stored value that does not decode (bad
// date, unknown enum word) is db_corrupt.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "fascia/adapters/sql_connection.hpp"
#include "fascia/core/person.hpp"

namespace fascia::adapters::rows {

using core::Result;
using Database = sql::Connection;

Result<std::optional<core::Profile>> select_profile(Database& db, std::int64_t person);
Result<void> delete_profile(Database& db, std::int64_t person);
Result<void> insert_profile(Database& db, std::int64_t person, const core::Profile& profile);

// Oldest first (date, then order stored).
Result<std::vector<core::ScreeningRecord>> select_screenings(Database& db, std::int64_t person);
// The newest date; among records of that date the last stored.
Result<std::optional<core::ScreeningRecord>> select_latest_screening(Database& db, std::int64_t person);
Result<void> insert_screening(Database& db, std::int64_t person, const core::ScreeningRecord& record);
// How many screenings the person has on record.
Result<std::size_t> count_screenings(Database& db, std::int64_t person);

// The whole journal, or with `from` only the entries dated then or later
// (every clearance still): JournalStore::load_journal_since.
Result<core::Journal> select_journal(Database& db, std::int64_t person, std::optional<core::Date> from = std::nullopt);
Result<void> insert(Database& db, std::int64_t person, const core::PainEntry& entry);
Result<void> insert(Database& db, std::int64_t person, const core::ReactionEntry& entry);
Result<void> insert(Database& db, std::int64_t person, const core::HabitEntry& entry);
Result<void> insert(Database& db, std::int64_t person, const core::TreatmentEntry& entry);
Result<void> insert(Database& db, std::int64_t person, const core::NoteEntry& entry);
// Stores entry.after_screenings as given (add_clearance sets it first).
Result<void> insert(Database& db, std::int64_t person, const core::ClearanceEntry& entry);

// Session ids count from 1 across the whole database (unique between people).
Result<std::int64_t> next_session_id(Database& db);
// True when any person in the database has a session with this id.
Result<bool> session_id_used(Database& db, std::int64_t id);
// Stores the session under `id` (its own id field is ignored) with its steps.
Result<void> insert_session(Database& db, std::int64_t person, std::int64_t id, const core::SessionEntry& session);

// Clinic treatment ids are numbered like session ids: across the whole
// database, within kMaxSessionId.
Result<std::int64_t> next_clinic_treatment_id(Database& db);
Result<bool> clinic_treatment_id_used(Database& db, std::int64_t id);
// Stores the treatment under `id` (its own id field is ignored) with its regions.
Result<void> insert_clinic_treatment(Database& db, std::int64_t person, std::int64_t id,
                                     const core::ClinicTreatmentEntry& entry);

}  // namespace fascia::adapters::rows
