// The journal store on an SQL database, written once for both engines
// (sql_connection.hpp; SQLite: sqlite_store.hpp, PostgreSQL: pg_store.hpp).
// One instance is bound to one person_id of a database that may hold many
// people. Writes run in write transactions and return after COMMIT; a failed
// call rolls back and changes nothing. Entries load in date order, ties in
// the order they were stored. Not thread-safe: one store (one connection)
// per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>

#include "fascia/adapters/sql_connection.hpp"
#include "fascia/app/journal_store.hpp"

namespace fascia::adapters {

class SqlStore : public app::JournalStore {
 public:
  // person_id must be positive (the opening functions check it).
  SqlStore(std::shared_ptr<sql::Connection> connection, std::int64_t person_id)
      : connection_(std::move(connection)), person_id_(person_id) {}

  core::Result<std::optional<core::Profile>> load_profile() override;
  core::Result<void> save_profile(const core::Profile& profile) override;

  core::Result<std::optional<core::ScreeningRecord>> latest_screening() override;
  core::Result<void> add_screening(const core::ScreeningRecord& record) override;

  core::Result<std::vector<core::ScreeningRecord>> load_screenings() override;
  core::Result<core::ClearanceEntry> add_clearance(const core::ClearanceEntry& entry) override;
  core::Result<core::Journal> load_journal() override;
  core::Result<core::Journal> load_journal_since(core::Date from) override;
  core::Result<void> check_writable() const override;
  core::Result<void> add_pain(const core::PainEntry& entry) override;
  core::Result<void> add_reaction(const core::ReactionEntry& entry) override;
  core::Result<void> add_reactions(const std::vector<core::ReactionEntry>& entries) override;
  core::Result<void> add_habit(const core::HabitEntry& entry) override;
  core::Result<void> add_treatment(const core::TreatmentEntry& entry) override;
  core::Result<void> add_note(const core::NoteEntry& entry) override;
  core::Result<std::int64_t> add_session(const core::SessionEntry& session) override;
  core::Result<std::int64_t> add_session_record(const app::SessionRecord& record) override;
  core::Result<std::int64_t> add_clinic_treatment(const core::ClinicTreatmentEntry& entry) override;
  core::Result<core::HomeProgram> add_program_version(const core::HomeProgram& program) override;
  core::Result<std::vector<core::HomeProgram>> load_programs() override;

  core::Result<core::PersonData> export_all() override;
  core::Result<void> replace_all(const core::PersonData& data) override;

  void rebind(std::int64_t person_id) override { person_id_ = person_id; }
  core::Result<std::vector<std::int64_t>> people() override;
  core::Result<std::int64_t> revision() override;
  std::int64_t person_id() const override { return person_id_; }
  core::Result<std::unique_ptr<app::WriteBatch>> begin_batch() override;
  bool in_batch() const override { return connection_->in_transaction(); }

  // "database F" / "database postgresql://…", for messages.
  const std::string& name() const { return connection_->name(); }

 protected:
  sql::Connection& connection() { return *connection_; }

 private:
  class Batch;
  template <class Body>
  auto write(Body&& body) -> decltype(body());
  template <class Body>
  auto read(Body&& body) -> decltype(body());

  std::shared_ptr<sql::Connection> connection_;
  std::int64_t person_id_;
  // While an outermost batch is open: the people its writes touched.
  std::optional<std::set<std::int64_t>> batch_people_;
};

}  // namespace fascia::adapters
