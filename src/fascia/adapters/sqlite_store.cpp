#include "fascia/adapters/sqlite_store.hpp"

#include <algorithm>
#include <array>
#include <system_error>

#include "fascia/adapters/sqlite_open.hpp"
#include "fascia/adapters/sqlite_rows.hpp"

namespace fascia::adapters {

using core::Error;
using core::ErrorCode;
using core::Result;
using sqlite::Database;
using sqlite::Transaction;
using sqlite::TransactionMode;

namespace {

// Every table holding a person's rows, children before their parents.
constexpr std::array<std::string_view, 16> kPersonTables{
    "session_step",   "session",      "screening_answer_region", "screening_answer", "screening",
    "profile_region", "profile_tool", "profile_weekday",         "profile",          "pain_entry",
    "reaction_entry", "habit_entry",  "treatment_entry",         "note_entry",
    "clearance_region", "clearance"};

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::filesystem::path& file, std::int64_t person_id) {
  if (person_id <= 0)
    return core::fail(ErrorCode::invalid_argument, "person id " + std::to_string(person_id) + " must be positive");
  auto db = open_fascia_database(file);
  if (!db) return tl::make_unexpected(db.error());
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*db), person_id));
}

// Runs body inside BEGIN IMMEDIATE; commits when it succeeds, otherwise the
// transaction's destructor rolls back.
template <class Body>
auto SqliteStore::write(Body&& body) -> decltype(body()) {
  auto txn = Transaction::begin(db_, TransactionMode::immediate);
  if (!txn) return tl::make_unexpected(txn.error());
  auto result = body();
  if (!result) return result;
  FASCIA_TRY(txn->commit());
  return result;
}

// Runs body in one read transaction so it sees a single consistent snapshot.
template <class Body>
auto SqliteStore::read(Body&& body) -> decltype(body()) {
  auto txn = Transaction::begin(db_, TransactionMode::deferred);
  if (!txn) return tl::make_unexpected(txn.error());
  auto result = body();
  if (!result) return result;
  FASCIA_TRY(txn->commit());
  return result;
}

Result<std::optional<core::Profile>> SqliteStore::load_profile() {
  return read([&] { return rows::select_profile(db_, person_id_); });
}

Result<void> SqliteStore::save_profile(const core::Profile& profile) {
  return write([&]() -> Result<void> {
    FASCIA_TRY(rows::delete_profile(db_, person_id_));
    return rows::insert_profile(db_, person_id_, profile);
  });
}

Result<std::optional<core::ScreeningRecord>> SqliteStore::latest_screening() {
  return read([&] { return rows::select_latest_screening(db_, person_id_); });
}

Result<void> SqliteStore::add_screening(const core::ScreeningRecord& record) {
  return write([&] { return rows::insert_screening(db_, person_id_, record); });
}

Result<std::vector<core::ScreeningRecord>> SqliteStore::load_screenings() {
  return read([&] { return rows::select_screenings(db_, person_id_); });
}

Result<core::ClearanceEntry> SqliteStore::add_clearance(const core::ClearanceEntry& entry) {
  return write([&]() -> Result<core::ClearanceEntry> {
    // Counted inside the write, so no screening can slip in between.
    core::ClearanceEntry ordered = entry;
    auto screenings = rows::count_screenings(db_, person_id_);
    if (!screenings) return tl::make_unexpected(screenings.error());
    ordered.after_screenings = *screenings;
    FASCIA_TRY(rows::insert(db_, person_id_, ordered));
    return ordered;
  });
}

Result<void> SqliteStore::check_writable() const {
  if (db_.read_only_reason().empty()) return {};
  return core::fail(ErrorCode::db_read_only, db_.read_only_reason());
}

Result<core::Journal> SqliteStore::load_journal() {
  return read([&] { return rows::select_journal(db_, person_id_); });
}

Result<void> SqliteStore::add_pain(const core::PainEntry& entry) {
  return write([&] { return rows::insert(db_, person_id_, entry); });
}

Result<void> SqliteStore::add_reaction(const core::ReactionEntry& entry) {
  return write([&] { return rows::insert(db_, person_id_, entry); });
}

Result<void> SqliteStore::add_reactions(const std::vector<core::ReactionEntry>& entries) {
  return write([&]() -> Result<void> {
    for (const auto& e : entries) FASCIA_TRY(rows::insert(db_, person_id_, e));
    return {};
  });
}

Result<void> SqliteStore::add_habit(const core::HabitEntry& entry) {
  return write([&] { return rows::insert(db_, person_id_, entry); });
}

Result<void> SqliteStore::add_treatment(const core::TreatmentEntry& entry) {
  return write([&] { return rows::insert(db_, person_id_, entry); });
}

Result<void> SqliteStore::add_note(const core::NoteEntry& entry) {
  return write([&] { return rows::insert(db_, person_id_, entry); });
}

Result<std::int64_t> SqliteStore::add_session(const core::SessionEntry& session) {
  return write([&]() -> Result<std::int64_t> {
    auto id = rows::next_session_id(db_);
    if (!id) return id;
    FASCIA_TRY(rows::insert_session(db_, person_id_, *id, session));
    return id;
  });
}

Result<std::int64_t> SqliteStore::add_session_record(const app::SessionRecord& record) {
  return write([&]() -> Result<std::int64_t> {
    auto id = rows::next_session_id(db_);
    if (!id) return id;
    FASCIA_TRY(rows::insert_session(db_, person_id_, *id, record.session));
    for (const auto& checkin : record.checkins) FASCIA_TRY(rows::insert(db_, person_id_, checkin));
    if (record.rescreen) FASCIA_TRY(rows::insert_screening(db_, person_id_, *record.rescreen));
    return id;
  });
}

Result<core::PersonData> SqliteStore::export_all() {
  return read([&]() -> Result<core::PersonData> {
    core::PersonData data;
    auto profile = rows::select_profile(db_, person_id_);
    if (!profile) return tl::make_unexpected(profile.error());
    data.profile = std::move(*profile);
    auto screenings = rows::select_screenings(db_, person_id_);
    if (!screenings) return tl::make_unexpected(screenings.error());
    data.screenings = std::move(*screenings);
    auto journal = rows::select_journal(db_, person_id_);
    if (!journal) return tl::make_unexpected(journal.error());
    data.journal = std::move(*journal);
    return data;
  });
}

Result<void> SqliteStore::replace_all(const core::PersonData& data) {
  return write([&]() -> Result<void> {
    for (std::string_view table : kPersonTables)
      FASCIA_TRY(db_.run("DELETE FROM " + std::string(table) + " WHERE person_id = ?1", person_id_));
    if (data.profile) FASCIA_TRY(rows::insert_profile(db_, person_id_, *data.profile));
    for (const auto& record : data.screenings) FASCIA_TRY(rows::insert_screening(db_, person_id_, record));
    const core::Journal& journal = data.journal;
    for (const auto& entry : journal.pain) FASCIA_TRY(rows::insert(db_, person_id_, entry));
    for (const auto& entry : journal.reactions) FASCIA_TRY(rows::insert(db_, person_id_, entry));
    for (const auto& entry : journal.habits) FASCIA_TRY(rows::insert(db_, person_id_, entry));
    for (const auto& entry : journal.treatments) FASCIA_TRY(rows::insert(db_, person_id_, entry));
    for (const auto& entry : journal.notes) FASCIA_TRY(rows::insert(db_, person_id_, entry));
    for (const auto& entry : journal.clearances) FASCIA_TRY(rows::insert(db_, person_id_, entry));
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
        auto used = rows::session_id_used(db_, session.id);  // this person's rows are gone already
        if (!used) return tl::make_unexpected(used.error());
        keep = !*used;
      }
      if (keep)
        FASCIA_TRY(rows::insert_session(db_, person_id_, session.id, session));
      else
        renumber.push_back(&session);
    }
    for (const core::SessionEntry* session : renumber) {
      auto id = rows::next_session_id(db_);
      if (!id) return tl::make_unexpected(id.error());
      FASCIA_TRY(rows::insert_session(db_, person_id_, *id, *session));
    }
    return {};
  });
}

Result<std::string> SqliteStore::pragma(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kAllowed{"journal_mode", "synchronous",  "foreign_keys",
                                                            "busy_timeout", "user_version", "application_id"};
  if (std::find(kAllowed.begin(), kAllowed.end(), name) == kAllowed.end())
    return core::fail(ErrorCode::invalid_argument, "unknown setting '" + std::string(name) + "'");
  return db_.query_text("PRAGMA " + std::string(name));
}

}  // namespace fascia::adapters
