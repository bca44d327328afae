#include "fascia/adapters/sql_store.hpp"

#include <array>
#include <string>

#include "fascia/adapters/journal_rows.hpp"
#include "fascia/adapters/program_rows.hpp"

namespace fascia::adapters {

using core::Error;
using core::ErrorCode;
using core::Result;
using sql::Access;

namespace {

// Every table holding a person's rows, children before their parents.
constexpr std::array<std::string_view, 19> kPersonTables{"session_step",
                                                         "session",
                                                         "screening_answer_region",
                                                         "screening_answer",
                                                         "screening",
                                                         "profile_region",
                                                         "profile_tool",
                                                         "profile_weekday",
                                                         "profile",
                                                         "pain_entry",
                                                         "reaction_entry",
                                                         "habit_entry",
                                                         "treatment_entry",
                                                         "note_entry",
                                                         "clearance_region",
                                                         "clearance",
                                                         "clinic_treatment_region",
                                                         "clinic_treatment",
                                                         "home_program"};

// Raises one person's revision (ADR 0014): every committed write does.
constexpr std::string_view kRaiseRevision =
    "INSERT INTO person_revision (person_id, revision) VALUES (?1, 1) "
    "ON CONFLICT (person_id) DO UPDATE SET revision = person_revision.revision + 1";

}  // namespace

// A batch is a transaction of the store's connection (nested: a savepoint).
// The outermost one raises, just before its COMMIT, the revision of every
// person its writes touched: once per person, not once per write.
class SqlStore::Batch final : public app::WriteBatch {
 public:
  Batch(SqlStore& store, sql::Transaction transaction, bool outermost)
      : store_(store), transaction_(std::move(transaction)), outermost_(outermost) {
    if (outermost_) store_.batch_people_.emplace();
  }
  ~Batch() override {
    if (outermost_) store_.batch_people_.reset();
  }
  Result<void> commit() override {
    if (outermost_)
      for (const std::int64_t person : *store_.batch_people_) FASCIA_TRY(store_.connection_->run(kRaiseRevision, person));
    return transaction_.commit();
  }

 private:
  SqlStore& store_;
  sql::Transaction transaction_;
  bool outermost_;
};

// Runs body inside a write transaction and raises the person's revision in
// it (inside a batch: when the batch commits); commits when both succeed,
// otherwise the transaction's destructor rolls back.
template <class Body>
auto SqlStore::write(Body&& body) -> decltype(body()) {
  auto txn = connection_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto result = body();
  if (!result) return result;
  if (batch_people_)
    batch_people_->insert(person_id_);  // raised once, when the batch commits
  else
    FASCIA_TRY(connection_->run(kRaiseRevision, person_id_));
  FASCIA_TRY(txn->commit());
  return result;
}

// Runs body in one read transaction so it sees a single consistent snapshot.
template <class Body>
auto SqlStore::read(Body&& body) -> decltype(body()) {
  auto txn = connection_->begin(Access::read);
  if (!txn) return tl::make_unexpected(txn.error());
  auto result = body();
  if (!result) return result;
  FASCIA_TRY(txn->commit());
  return result;
}

Result<std::optional<core::Profile>> SqlStore::load_profile() {
  return read([&] { return rows::select_profile(*connection_, person_id_); });
}

Result<void> SqlStore::save_profile(const core::Profile& profile) {
  return write([&]() -> Result<void> {
    FASCIA_TRY(rows::delete_profile(*connection_, person_id_));
    return rows::insert_profile(*connection_, person_id_, profile);
  });
}

Result<std::optional<core::ScreeningRecord>> SqlStore::latest_screening() {
  return read([&] { return rows::select_latest_screening(*connection_, person_id_); });
}

Result<void> SqlStore::add_screening(const core::ScreeningRecord& record) {
  return write([&] { return rows::insert_screening(*connection_, person_id_, record); });
}

Result<std::vector<core::ScreeningRecord>> SqlStore::load_screenings() {
  return read([&] { return rows::select_screenings(*connection_, person_id_); });
}

Result<core::ClearanceEntry> SqlStore::add_clearance(const core::ClearanceEntry& entry) {
  return write([&]() -> Result<core::ClearanceEntry> {
    // Counted inside the write, so no screening can slip in between.
    core::ClearanceEntry ordered = entry;
    auto screenings = rows::count_screenings(*connection_, person_id_);
    if (!screenings) return tl::make_unexpected(screenings.error());
    ordered.after_screenings = *screenings;
    FASCIA_TRY(rows::insert(*connection_, person_id_, ordered));
    return ordered;
  });
}

Result<void> SqlStore::check_writable() const {
  if (connection_->read_only_reason().empty()) return {};
  return core::fail(ErrorCode::db_read_only, connection_->read_only_reason());
}

Result<core::Journal> SqlStore::load_journal() {
  return read([&] { return rows::select_journal(*connection_, person_id_); });
}

Result<core::Journal> SqlStore::load_journal_since(core::Date from) {
  return read([&] { return rows::select_journal(*connection_, person_id_, from); });
}

Result<void> SqlStore::add_pain(const core::PainEntry& entry) {
  return write([&] { return rows::insert(*connection_, person_id_, entry); });
}

Result<void> SqlStore::add_reaction(const core::ReactionEntry& entry) {
  return write([&] { return rows::insert(*connection_, person_id_, entry); });
}

Result<void> SqlStore::add_reactions(const std::vector<core::ReactionEntry>& entries) {
  return write([&]() -> Result<void> {
    for (const auto& e : entries) FASCIA_TRY(rows::insert(*connection_, person_id_, e));
    return {};
  });
}

Result<void> SqlStore::add_habit(const core::HabitEntry& entry) {
  return write([&] { return rows::insert(*connection_, person_id_, entry); });
}

Result<void> SqlStore::add_treatment(const core::TreatmentEntry& entry) {
  return write([&] { return rows::insert(*connection_, person_id_, entry); });
}

Result<void> SqlStore::add_note(const core::NoteEntry& entry) {
  return write([&] { return rows::insert(*connection_, person_id_, entry); });
}

Result<std::int64_t> SqlStore::add_session(const core::SessionEntry& session) {
  return write([&]() -> Result<std::int64_t> {
    auto id = rows::next_session_id(*connection_);
    if (!id) return id;
    FASCIA_TRY(rows::insert_session(*connection_, person_id_, *id, session));
    return id;
  });
}

Result<std::int64_t> SqlStore::add_session_record(const app::SessionRecord& record) {
  return write([&]() -> Result<std::int64_t> {
    auto id = rows::next_session_id(*connection_);
    if (!id) return id;
    FASCIA_TRY(rows::insert_session(*connection_, person_id_, *id, record.session));
    for (const auto& checkin : record.checkins) FASCIA_TRY(rows::insert(*connection_, person_id_, checkin));
    if (record.rescreen) FASCIA_TRY(rows::insert_screening(*connection_, person_id_, *record.rescreen));
    return id;
  });
}

Result<std::int64_t> SqlStore::add_clinic_treatment(const core::ClinicTreatmentEntry& entry) {
  return write([&]() -> Result<std::int64_t> {
    auto id = rows::next_clinic_treatment_id(*connection_);
    if (!id) return id;
    FASCIA_TRY(rows::insert_clinic_treatment(*connection_, person_id_, *id, entry));
    return id;
  });
}

Result<core::HomeProgram> SqlStore::add_program_version(const core::HomeProgram& program) {
  return write([&] { return rows::insert_program_version(*connection_, person_id_, program); });
}

Result<std::vector<core::HomeProgram>> SqlStore::load_programs() {
  return read([&] { return rows::select_programs(*connection_, person_id_); });
}

Result<core::PersonData> SqlStore::export_all() {
  return read([&]() -> Result<core::PersonData> {
    core::PersonData data;
    auto profile = rows::select_profile(*connection_, person_id_);
    if (!profile) return tl::make_unexpected(profile.error());
    data.profile = std::move(*profile);
    auto screenings = rows::select_screenings(*connection_, person_id_);
    if (!screenings) return tl::make_unexpected(screenings.error());
    data.screenings = std::move(*screenings);
    auto journal = rows::select_journal(*connection_, person_id_);
    if (!journal) return tl::make_unexpected(journal.error());
    data.journal = std::move(*journal);
    auto programs = rows::select_programs(*connection_, person_id_);
    if (!programs) return tl::make_unexpected(programs.error());
    data.programs = std::move(*programs);
    return data;
  });
}

Result<void> SqlStore::replace_all(const core::PersonData& data) {
  return write([&]() -> Result<void> {
    for (std::string_view table : kPersonTables)
      FASCIA_TRY(connection_->run("DELETE FROM " + std::string(table) + " WHERE person_id = ?1", person_id_));
    if (data.profile) FASCIA_TRY(rows::insert_profile(*connection_, person_id_, *data.profile));
    for (const auto& record : data.screenings) FASCIA_TRY(rows::insert_screening(*connection_, person_id_, record));
    const core::Journal& journal = data.journal;
    for (const auto& entry : journal.pain) FASCIA_TRY(rows::insert(*connection_, person_id_, entry));
    for (const auto& entry : journal.reactions) FASCIA_TRY(rows::insert(*connection_, person_id_, entry));
    for (const auto& entry : journal.habits) FASCIA_TRY(rows::insert(*connection_, person_id_, entry));
    for (const auto& entry : journal.treatments) FASCIA_TRY(rows::insert(*connection_, person_id_, entry));
    for (const auto& entry : journal.notes) FASCIA_TRY(rows::insert(*connection_, person_id_, entry));
    for (const auto& entry : journal.clearances) FASCIA_TRY(rows::insert(*connection_, person_id_, entry));
    // Imported sessions keep their ids, unless another person in this file
    // holds the same id; those and sessions without one (0) are numbered
    // afterwards by next_session_id, which never goes past kMaxSessionId.
    std::vector<const core::SessionEntry*> renumber;
    for (const auto& session : journal.sessions) {
      if (session.id < 0 || session.id > app::kMaxSessionId)
        return core::fail(ErrorCode::out_of_range, "session id " + std::to_string(session.id) + " is outside 0.." +
                                                       std::to_string(app::kMaxSessionId));
      bool keep = session.id != 0;
      if (keep) {
        auto used = rows::session_id_used(*connection_, session.id);  // this person's rows are gone already
        if (!used) return tl::make_unexpected(used.error());
        keep = !*used;
      }
      if (keep)
        FASCIA_TRY(rows::insert_session(*connection_, person_id_, session.id, session));
      else
        renumber.push_back(&session);
    }
    for (const core::SessionEntry* session : renumber) {
      auto id = rows::next_session_id(*connection_);
      if (!id) return tl::make_unexpected(id.error());
      FASCIA_TRY(rows::insert_session(*connection_, person_id_, *id, *session));
    }
    // Clinic treatments keep their ids on the same terms.
    std::vector<const core::ClinicTreatmentEntry*> renumber_clinic;
    for (const auto& entry : journal.clinic_treatments) {
      if (entry.id < 0 || entry.id > app::kMaxSessionId)
        return core::fail(ErrorCode::out_of_range, "clinic treatment id " + std::to_string(entry.id) +
                                                       " is outside 0.." + std::to_string(app::kMaxSessionId));
      bool keep = entry.id != 0;
      if (keep) {
        auto used = rows::clinic_treatment_id_used(*connection_, entry.id);
        if (!used) return tl::make_unexpected(used.error());
        keep = !*used;
      }
      if (keep)
        FASCIA_TRY(rows::insert_clinic_treatment(*connection_, person_id_, entry.id, entry));
      else
        renumber_clinic.push_back(&entry);
    }
    for (const core::ClinicTreatmentEntry* entry : renumber_clinic) {
      auto id = rows::next_clinic_treatment_id(*connection_);
      if (!id) return tl::make_unexpected(id.error());
      FASCIA_TRY(rows::insert_clinic_treatment(*connection_, person_id_, *id, *entry));
    }
    for (const auto& program : data.programs)
      FASCIA_TRY(rows::restore_program_version(*connection_, person_id_, program));
    return {};
  });
}

Result<std::unique_ptr<app::WriteBatch>> SqlStore::begin_batch() {
  const bool outermost = !batch_people_;
  auto transaction = connection_->begin(Access::write);
  if (!transaction) return tl::make_unexpected(transaction.error());
  return std::unique_ptr<app::WriteBatch>(new Batch(*this, std::move(*transaction), outermost));
}

Result<std::int64_t> SqlStore::revision() {
  auto revision = connection_->query_int("SELECT revision FROM person_revision WHERE person_id = ?1", person_id_);
  if (!revision) return tl::make_unexpected(revision.error());
  return revision->value_or(0);
}

Result<std::vector<std::int64_t>> SqlStore::people() {
  return read([&]() -> Result<std::vector<std::int64_t>> {
    std::string sql = "SELECT person_id FROM profile";
    for (std::string_view table : kPersonTables)
      if (table != "profile") sql += " UNION SELECT person_id FROM " + std::string(table);
    std::vector<std::int64_t> ids;
    FASCIA_TRY(connection_->each_row(sql + " ORDER BY 1", [&](const sql::Row& row) { ids.push_back(row.int64(0)); }));
    return ids;
  });
}

}  // namespace fascia::adapters
