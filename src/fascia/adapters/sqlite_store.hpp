// The journal store on a local SQLite file (WAL, synchronous=FULL, foreign
// keys on, versioned migrations). One instance is bound to one person_id of a
// file that may hold many people. Writes run in BEGIN IMMEDIATE transactions
// and return after COMMIT; a failed call rolls back and changes nothing.
// Entries load in date order, ties in the order they were stored.
// Not thread-safe: one store (one connection) per thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "fascia/adapters/sqlite_handle.hpp"
#include "fascia/app/journal_store.hpp"

namespace fascia::adapters {

class SqliteStore final : public app::JournalStore {
 public:
  // Creates the parent directories and the file when missing, then migrates.
  // Errors: io_error (directories), db_locked, db_corrupt (damaged or foreign
  // file, left untouched), db_error (e.g. made by a newer fascia). A file
  // this process may not write opens read-only: reads work, writes fail
  // with db_read_only.
  static core::Result<std::unique_ptr<SqliteStore>> open(const std::filesystem::path& file, std::int64_t person_id = 1);

  core::Result<std::optional<core::Profile>> load_profile() override;
  core::Result<void> save_profile(const core::Profile& profile) override;

  core::Result<std::optional<core::ScreeningRecord>> latest_screening() override;
  core::Result<void> add_screening(const core::ScreeningRecord& record) override;

  core::Result<std::vector<core::ScreeningRecord>> load_screenings() override;
  core::Result<core::ClearanceEntry> add_clearance(const core::ClearanceEntry& entry) override;
  core::Result<core::Journal> load_journal() override;
  core::Result<void> check_writable() const override;
  core::Result<void> add_pain(const core::PainEntry& entry) override;
  core::Result<void> add_reaction(const core::ReactionEntry& entry) override;
  core::Result<void> add_reactions(const std::vector<core::ReactionEntry>& entries) override;
  core::Result<void> add_habit(const core::HabitEntry& entry) override;
  core::Result<void> add_treatment(const core::TreatmentEntry& entry) override;
  core::Result<void> add_note(const core::NoteEntry& entry) override;
  core::Result<std::int64_t> add_session(const core::SessionEntry& session) override;
  core::Result<std::int64_t> add_session_record(const app::SessionRecord& record) override;

  core::Result<core::PersonData> export_all() override;
  core::Result<void> replace_all(const core::PersonData& data) override;

  // Diagnostics (doctor command, tests): the value of one connection setting,
  // one of journal_mode, synchronous, foreign_keys, busy_timeout, user_version,
  // application_id. invalid_argument for any other name.
  core::Result<std::string> pragma(std::string_view name);

  // For a pool of connections shared by many people (the HTTP server): the
  // calls that follow read and write this person's rows.
  void rebind(std::int64_t person_id) { person_id_ = person_id; }
  // Opens a write transaction that the writes made until it commits join
  // as savepoints (group commit): one COMMIT, one fsync, for all of them.
  core::Result<sqlite::Transaction> begin_batch() {
    return sqlite::Transaction::begin(db_, sqlite::TransactionMode::immediate);
  }
  // False once SQLite has rolled an open batch back on its own (a full disk,
  // an I/O error): what follows would not be part of it.
  bool in_batch() const { return db_.in_transaction(); }

  const std::filesystem::path& file() const { return db_.file(); }
  std::int64_t person_id() const { return person_id_; }

 private:
  SqliteStore(sqlite::Database db, std::int64_t person_id) : db_(std::move(db)), person_id_(person_id) {}
  template <class Body>
  auto write(Body&& body) -> decltype(body());
  template <class Body>
  auto read(Body&& body) -> decltype(body());

  sqlite::Database db_;
  std::int64_t person_id_;
};

}  // namespace fascia::adapters
