// The journal store held in memory, so that use cases can be tested without
// files or SQL (as leveldb's memenv and ninja's VirtualFileSystem serve their
// tests). It keeps the port's contract as the SQL stores do, and the store
// contract suite runs on it to prove so: entries in date order (ties in the
// order stored), session ids numbered across people, the schema's range
// checks refused with db_error, a failed call changing nothing. Two switches
// that no database offers on demand: read-only, and a write made to fail.
// Every write copies the whole database (its rollback point): for tests, not
// for size. Not thread-safe: every store of one MemoryDatabase on one thread.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "fascia/app/journal_store.hpp"

namespace fascia::adapters {

class MemoryStore;

// Everything the database holds, as one value (a batch works on a copy).
struct MemoryState {
  std::map<std::int64_t, core::PersonData> people;  // entries in the order stored
  std::map<std::int64_t, std::int64_t> revisions;
  std::set<std::int64_t> touched;  // people written in the open batch: their revision rises at its commit
};

// What the MemoryStores opened on it share, as connections share a database
// file: what is committed, which store's batch holds the write lock, and the
// switches for tests.
class MemoryDatabase {
 public:
  // With a reason, every write and begin_batch fails with db_read_only and
  // that message (check_writable too); with an empty one, writes work again.
  void set_read_only(std::string reason) { read_only_ = std::move(reason); }
  // The write call (add_*, save_*, replace_all) that comes after `writes_first`
  // more successful ones fails with `error`, after doing its work, which is
  // then rolled back: what a full disk or a lost connection does. Once.
  void fail_write(core::Error error, int writes_first = 0) {
    failure_ = std::move(error);
    writes_before_failure_ = writes_first;
  }

 private:
  friend class MemoryStore;
  MemoryState committed_;
  const MemoryStore* writer_ = nullptr;  // the store whose batch is open
  std::string read_only_;
  std::optional<core::Error> failure_;
  int writes_before_failure_ = 0;
};

// One connection to a MemoryDatabase, bound to one person (rebind to change).
// Its reads see what is committed plus its own open batch; while it holds a
// batch open, another store's writes answer db_locked, as a busy database does.
class MemoryStore final : public app::JournalStore {
 public:
  // A store on `database` for `person_id` (positive).
  MemoryStore(std::shared_ptr<MemoryDatabase> database, std::int64_t person_id);
  // A store on a new, empty database of its own.
  explicit MemoryStore(std::int64_t person_id = 1);
  ~MemoryStore() override;
  MemoryStore(const MemoryStore&) = delete;
  MemoryStore& operator=(const MemoryStore&) = delete;

  core::Result<std::optional<core::Profile>> load_profile() override;
  core::Result<void> save_profile(const core::Profile& profile) override;
  core::Result<std::optional<core::ScreeningRecord>> latest_screening() override;
  core::Result<void> add_screening(const core::ScreeningRecord& record) override;
  core::Result<std::vector<core::ScreeningRecord>> load_screenings() override;
  core::Result<core::ClearanceEntry> add_clearance(const core::ClearanceEntry& entry) override;
  core::Result<core::Journal> load_journal() override;
  core::Result<core::Journal> load_journal_since(core::Date from) override;
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
  core::Result<void> check_writable() const override;
  core::Result<void> replace_all(const core::PersonData& data) override;

  void rebind(std::int64_t person_id) override { person_id_ = person_id; }
  core::Result<std::vector<std::int64_t>> people() override;
  core::Result<std::int64_t> revision() override;
  std::int64_t person_id() const override { return person_id_; }
  core::Result<std::unique_ptr<app::WriteBatch>> begin_batch() override;
  bool in_batch() const override { return !levels_.empty(); }

  // The database this store is a connection to (its switches).
  MemoryDatabase& database() { return *database_; }

 private:
  class Batch;
  template <class Body>
  auto write(Body&& body) -> decltype(body(std::declval<MemoryState&>()));
  // What this store reads: its innermost open batch, else what is committed.
  const MemoryState& state() const { return levels_.empty() ? database_->committed_ : levels_.back(); }
  core::PersonData person() const;
  core::Result<void> open_level();
  void commit_level();
  void drop_level();

  std::shared_ptr<MemoryDatabase> database_;
  std::int64_t person_id_;
  // One working copy per open batch (a write is a batch of its own),
  // innermost last; dropping one rolls it back.
  std::vector<MemoryState> levels_;
};

}  // namespace fascia::adapters
