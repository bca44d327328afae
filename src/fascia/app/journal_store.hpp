// The port through which use cases read and write one person's data.
// Contract: every add_*/save_*/replace_all returns only after the write is
// durable (committed and synced); a failed call changes nothing. Errors are
// values: db_locked when another writer holds the database past the busy
// or lock timeout, or a database server cannot be reached (try again),
// db_corrupt for a damaged database, db_error otherwise. Not thread-safe:
// use one store per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "fascia/core/error.hpp"
#include "fascia/core/person.hpp"

namespace fascia::app {

using core::Result;

// A finished session with what it brings along, stored together.
struct SessionRecord {
  core::SessionEntry session;
  std::vector<core::ReactionEntry> checkins;        // soreness reported at the end
  std::optional<core::ScreeningRecord> rescreen;    // after a stop sign that bears on screening
};

// The largest session (or clinic treatment) id accepted from outside (an import): 2^53, the last
// integer a JSON client holding numbers as doubles keeps exact. The store
// numbers new sessions above the highest id in the file, so capping what is
// imported keeps every later id below int64's maximum.
inline constexpr std::int64_t kMaxSessionId = std::int64_t{1} << 53;

// A write transaction that a store's writes join, each as a savepoint of
// its own, until it commits (the server's group commit, ADR 0013). Rolls back
// on destruction unless commit() succeeded.
class WriteBatch {
 public:
  virtual ~WriteBatch() = default;
  // Makes everything written in the batch durable (outermost) or folds this
  // part into its parent batch (nested).
  virtual Result<void> commit() = 0;
};

class JournalStore {
 public:
  virtual ~JournalStore() = default;

  virtual Result<std::optional<core::Profile>> load_profile() = 0;
  virtual Result<void> save_profile(const core::Profile& profile) = 0;

  virtual Result<std::optional<core::ScreeningRecord>> latest_screening() = 0;
  virtual Result<void> add_screening(const core::ScreeningRecord& record) = 0;

  // Every screening, oldest first (date, then order stored).
  virtual Result<std::vector<core::ScreeningRecord>> load_screenings() = 0;
  // A practitioner clearance (the journal lists them in `clearances`). The
  // store sets its after_screenings to the number of screenings on record,
  // in the same transaction; the given value is ignored. Returns the entry
  // as stored.
  virtual Result<core::ClearanceEntry> add_clearance(const core::ClearanceEntry& entry) = 0;

  virtual Result<core::Journal> load_journal() = 0;
  // The journal as load_journal gives it, with only the entries dated `from`
  // or later (pain, reactions, habits, treatments, notes, sessions with their
  // steps, clinic treatments; in the same order), but every clearance, which
  // the screening state needs whatever their date: what the monitoring list
  // reads of a long journal (app/monitoring.hpp, ADR 0020).
  virtual Result<core::Journal> load_journal_since(core::Date from) = 0;
  virtual Result<void> add_pain(const core::PainEntry& entry) = 0;
  virtual Result<void> add_reaction(const core::ReactionEntry& entry) = 0;
  // Several check-ins (one per area of a session) in one transaction.
  virtual Result<void> add_reactions(const std::vector<core::ReactionEntry>& entries) = 0;
  virtual Result<void> add_habit(const core::HabitEntry& entry) = 0;
  virtual Result<void> add_treatment(const core::TreatmentEntry& entry) = 0;
  virtual Result<void> add_note(const core::NoteEntry& entry) = 0;
  // Stores the session with its step logs in one transaction; returns its id.
  virtual Result<std::int64_t> add_session(const core::SessionEntry& session) = 0;
  // The session, its check-ins and its re-screening in one transaction.
  virtual Result<std::int64_t> add_session_record(const SessionRecord& record) = 0;
  // A practitioner's clinic treatment (issue 10) with its regions, in one
  // transaction; returns the id it was given (numbered across the database,
  // like session ids; the entry's own id is ignored). The journal lists them
  // in `clinic_treatments`. db_error when a value is outside the schema's
  // ranges (pressure 0-10, minutes 1-240): validate first
  // (app::record_clinic_treatment).
  virtual Result<std::int64_t> add_clinic_treatment(const core::ClinicTreatmentEntry& entry) = 0;

  // A version of a home program (issue 10, point 3), in one transaction;
  // returns it as stored. Id 0 starts a new program (the person's next
  // program id, version 1); an existing id gets that program's next
  // version. Earlier versions are never changed. not_found for an id the
  // person has no program with. The program's rules are checked before
  // (app::assign_program); the store keeps what it is given.
  virtual Result<core::HomeProgram> add_program_version(const core::HomeProgram& program) = 0;
  // Every version of every program of the person, by id then version.
  virtual Result<std::vector<core::HomeProgram>> load_programs() = 0;

  virtual Result<core::PersonData> export_all() = 0;

  // Succeeds when writes can be attempted; db_read_only, with the file or
  // folder that may not be written, when the journal was opened read-only.
  // Checked before work that must be saved at its end (a guided session).
  virtual Result<void> check_writable() const = 0;
  // Replaces everything the person has, atomically (import). Session and
  // clinic treatment ids in 1..kMaxSessionId are kept unless another person
  // in the same file uses them; those and id 0 get fresh ids above every id
  // in the file, so an id the store hands out later never meets an imported one.
  virtual Result<void> replace_all(const core::PersonData& data) = 0;

  // For a pool of connections shared by many people (the HTTP server): the
  // calls that follow read and write this person's rows (a positive id).
  virtual void rebind(std::int64_t person_id) = 0;
  // Every person with any row in the database (a profile, a screening or a
  // journal entry), ascending: what copying a database moves.
  virtual Result<std::vector<std::int64_t>> people() = 0;
  // A number that every committed write of this person's data raises, by
  // any process on the database (0 before the first): a cached view of the
  // person is current while it has not changed.
  virtual Result<std::int64_t> revision() = 0;
  virtual std::int64_t person_id() const = 0;
  // Opens a batch that the writes made until it commits join; begun inside
  // another batch it is a savepoint of it. Errors as for any write.
  virtual Result<std::unique_ptr<WriteBatch>> begin_batch() = 0;
  // False once the engine has rolled an open batch back on its own (a full
  // disk, a lost connection): what follows would not be part of it.
  virtual bool in_batch() const = 0;
};

}  // namespace fascia::app
