#include "fascia/adapters/memory_store.hpp"

#include <algorithm>
#include <cassert>
#include <tuple>

namespace fascia::adapters {

using core::ErrorCode;
using core::Result;

namespace {

// The CHECK constraints of the SQL schema (sqlite_migrations.cpp), so that
// the memory store refuses what the databases refuse.
Result<void> check(bool ok, const char* column) {
  if (ok) return {};
  return core::fail(ErrorCode::db_error, std::string("memory database: the row violates check constraint ") + column);
}
bool is_score(int value) { return value >= 0 && value <= 10; }

Result<void> check_profile(const core::Profile& profile) {
  FASCIA_TRY(check(profile.minutes_per_session > 0, "profile.minutes_per_session"));
  FASCIA_TRY(check(profile.weeks > 0, "profile.weeks"));
  for (const auto& region : profile.regions) FASCIA_TRY(check(is_score(region.pain), "profile_region.pain"));
  for (const int day : profile.weekdays) FASCIA_TRY(check(day >= 0 && day <= 6, "profile_weekday.weekday"));
  return {};
}

// Entries are kept in load order: by date, ties in the order stored.
template <class Entry>
void insert_by_date(std::vector<Entry>& entries, const Entry& entry) {
  const auto later = std::upper_bound(entries.begin(), entries.end(), entry,
                                      [](const Entry& a, const Entry& b) { return a.date < b.date; });
  entries.insert(later, entry);
}

template <class Entry>
Result<void> insert(std::vector<Entry>& entries, const Entry& entry) {
  insert_by_date(entries, entry);
  return {};
}
Result<void> insert(std::vector<core::PainEntry>& entries, const core::PainEntry& entry) {
  FASCIA_TRY(check(is_score(entry.score), "pain_entry.score"));
  return insert<core::PainEntry>(entries, entry);
}
Result<void> insert(std::vector<core::ReactionEntry>& entries, const core::ReactionEntry& entry) {
  FASCIA_TRY(check(is_score(entry.soreness), "reaction_entry.soreness"));
  return insert<core::ReactionEntry>(entries, entry);
}

// Sessions load by date, then id.
Result<void> insert_session(core::PersonData& data, std::int64_t id, core::SessionEntry session) {
  for (const auto& step : session.steps) {
    FASCIA_TRY(check(step.index >= 0, "session_step.step_index"));
    FASCIA_TRY(check(step.strokes >= 0, "session_step.strokes"));
    FASCIA_TRY(check(step.seconds >= 0, "session_step.seconds"));
    FASCIA_TRY(check(!step.pressure_used || is_score(*step.pressure_used), "session_step.pressure_used"));
  }
  session.id = id;
  auto& sessions = data.journal.sessions;
  const auto later = std::upper_bound(sessions.begin(), sessions.end(), session, [](const auto& a, const auto& b) {
    return std::tie(a.date, a.id) < std::tie(b.date, b.id);
  });
  sessions.insert(later, std::move(session));
  return {};
}

// Clinic treatments load by date, then id, with the schema's range checks.
Result<void> insert_clinic_treatment(core::PersonData& data, std::int64_t id, core::ClinicTreatmentEntry entry) {
  FASCIA_TRY(check(!entry.pressure || is_score(*entry.pressure), "clinic_treatment.pressure"));
  FASCIA_TRY(check(entry.minutes >= 1 && entry.minutes <= 240, "clinic_treatment.minutes"));
  FASCIA_TRY(check(entry.practitioner_id > 0, "clinic_treatment.practitioner_id"));
  FASCIA_TRY(check(entry.clinic_id > 0, "clinic_treatment.clinic_id"));
  entry.id = id;
  auto& entries = data.journal.clinic_treatments;
  const auto later = std::upper_bound(entries.begin(), entries.end(), entry, [](const auto& a, const auto& b) {
    return std::tie(a.date, a.id) < std::tie(b.date, b.id);
  });
  entries.insert(later, std::move(entry));
  return {};
}

// The ids of one kind of record across people: `ids_of(data)` lists a person's.
template <class IdsOf>
std::set<std::int64_t> ids_in(const MemoryState& state, IdsOf ids_of) {
  std::set<std::int64_t> ids;
  for (const auto& [person, data] : state.people) ids_of(data, ids);
  return ids;
}

// As the SQL stores number them: one past the highest id, and after
// kMaxSessionId the lowest free one.
Result<std::int64_t> next_id(const std::set<std::int64_t>& ids, const char* what) {
  if (ids.empty()) return 1;
  if (*ids.rbegin() < app::kMaxSessionId) return *ids.rbegin() + 1;
  std::int64_t free = 1;
  for (const std::int64_t id : ids)
    if (id == free) ++free;
  if (free > app::kMaxSessionId)
    return core::fail(ErrorCode::db_error, std::string("memory database: every ") + what + " id is in use");
  return free;
}

std::set<std::int64_t> clinic_treatment_ids(const MemoryState& state) {
  return ids_in(state, [](const core::PersonData& data, std::set<std::int64_t>& ids) {
    for (const auto& entry : data.journal.clinic_treatments) ids.insert(entry.id);
  });
}

bool session_id_used(const MemoryState& state, std::int64_t id) {
  for (const auto& [person, data] : state.people)
    for (const auto& session : data.journal.sessions)
      if (session.id == id) return true;
  return false;
}

// As the SQL stores number them: across people.
Result<std::int64_t> next_session_id(const MemoryState& state) {
  return next_id(ids_in(state,
                        [](const core::PersonData& data, std::set<std::int64_t>& ids) {
                          for (const auto& session : data.journal.sessions) ids.insert(session.id);
                        }),
                 "session");
}

}  // namespace

// A batch is one level of the store's working copies; nested ones end first.
class MemoryStore::Batch final : public app::WriteBatch {
 public:
  explicit Batch(MemoryStore& store) : store_(store), depth_(store.levels_.size()) {}
  ~Batch() override {
    if (done_) return;
    assert(store_.levels_.size() == depth_ && "a nested batch outlived its parent");
    store_.drop_level();
  }
  Result<void> commit() override {
    assert(!done_ && store_.levels_.size() == depth_ && "commit once, innermost batch first");
    store_.commit_level();
    done_ = true;
    return {};
  }

 private:
  MemoryStore& store_;
  std::size_t depth_;
  bool done_ = false;
};

MemoryStore::MemoryStore(std::shared_ptr<MemoryDatabase> database, std::int64_t person_id)
    : database_(std::move(database)), person_id_(person_id) {
  assert(person_id > 0);
}

MemoryStore::MemoryStore(std::int64_t person_id) : MemoryStore(std::make_shared<MemoryDatabase>(), person_id) {}

MemoryStore::~MemoryStore() {
  if (database_->writer_ == this) database_->writer_ = nullptr;  // what a closed connection's open batch does
}

Result<void> MemoryStore::open_level() {
  FASCIA_TRY(check_writable());
  if (!levels_.empty()) {
    levels_.push_back(levels_.back());
    return {};
  }
  if (database_->writer_ != nullptr)
    return core::fail(ErrorCode::db_locked, "memory database: another store holds a batch open");
  database_->writer_ = this;
  levels_.push_back(database_->committed_);
  return {};
}

// Folds the innermost level into its parent; the outermost becomes what is
// committed, each person it touched one revision higher.
void MemoryStore::commit_level() {
  MemoryState top = std::move(levels_.back());
  levels_.pop_back();
  if (!levels_.empty()) {
    levels_.back() = std::move(top);
    return;
  }
  for (const std::int64_t person : top.touched) ++top.revisions[person];
  top.touched.clear();
  database_->committed_ = std::move(top);
  database_->writer_ = nullptr;
}

void MemoryStore::drop_level() {
  levels_.pop_back();
  if (levels_.empty()) database_->writer_ = nullptr;
}

// Runs body on a working copy of its own (a savepoint inside a batch); keeps
// the copy when body and any injected failure let it, else drops it.
template <class Body>
auto MemoryStore::write(Body&& body) -> decltype(body(std::declval<MemoryState&>())) {
  FASCIA_TRY(open_level());
  auto result = body(levels_.back());
  if (result && database_->failure_ && database_->writes_before_failure_-- == 0) {
    result = tl::make_unexpected(*database_->failure_);
    database_->failure_.reset();
  }
  if (!result) {
    drop_level();
    return result;
  }
  levels_.back().touched.insert(person_id_);
  commit_level();
  return result;
}

core::PersonData MemoryStore::person() const {
  const auto found = state().people.find(person_id_);
  return found == state().people.end() ? core::PersonData{} : found->second;
}

Result<std::optional<core::Profile>> MemoryStore::load_profile() { return person().profile; }

Result<void> MemoryStore::save_profile(const core::Profile& profile) {
  return write([&](MemoryState& s) -> Result<void> {
    FASCIA_TRY(check_profile(profile));
    s.people[person_id_].profile = profile;
    return {};
  });
}

Result<std::optional<core::ScreeningRecord>> MemoryStore::latest_screening() {
  auto screenings = person().screenings;
  if (screenings.empty()) return std::optional<core::ScreeningRecord>{};
  return std::optional<core::ScreeningRecord>(std::move(screenings.back()));
}

Result<void> MemoryStore::add_screening(const core::ScreeningRecord& record) {
  return write([&](MemoryState& s) { return insert(s.people[person_id_].screenings, record); });
}

Result<std::vector<core::ScreeningRecord>> MemoryStore::load_screenings() { return person().screenings; }

Result<core::ClearanceEntry> MemoryStore::add_clearance(const core::ClearanceEntry& entry) {
  return write([&](MemoryState& s) -> Result<core::ClearanceEntry> {
    core::PersonData& mine = s.people[person_id_];
    core::ClearanceEntry ordered = entry;
    ordered.after_screenings = mine.screenings.size();
    FASCIA_TRY(insert(mine.journal.clearances, ordered));
    return ordered;
  });
}

Result<core::Journal> MemoryStore::load_journal() { return person().journal; }

Result<core::Journal> MemoryStore::load_journal_since(core::Date from) {
  core::Journal journal = person().journal;
  const auto before = [from](const auto& entry) { return entry.date < from; };
  std::erase_if(journal.pain, before);
  std::erase_if(journal.reactions, before);
  std::erase_if(journal.habits, before);
  std::erase_if(journal.treatments, before);
  std::erase_if(journal.notes, before);
  std::erase_if(journal.sessions, before);
  std::erase_if(journal.clinic_treatments, before);
  return journal;
}

Result<void> MemoryStore::add_pain(const core::PainEntry& entry) {
  return write([&](MemoryState& s) { return insert(s.people[person_id_].journal.pain, entry); });
}

Result<void> MemoryStore::add_reaction(const core::ReactionEntry& entry) {
  return write([&](MemoryState& s) { return insert(s.people[person_id_].journal.reactions, entry); });
}

Result<void> MemoryStore::add_reactions(const std::vector<core::ReactionEntry>& entries) {
  return write([&](MemoryState& s) -> Result<void> {
    for (const auto& entry : entries) FASCIA_TRY(insert(s.people[person_id_].journal.reactions, entry));
    return {};
  });
}

Result<void> MemoryStore::add_habit(const core::HabitEntry& entry) {
  return write([&](MemoryState& s) { return insert(s.people[person_id_].journal.habits, entry); });
}

Result<void> MemoryStore::add_treatment(const core::TreatmentEntry& entry) {
  return write([&](MemoryState& s) { return insert(s.people[person_id_].journal.treatments, entry); });
}

Result<void> MemoryStore::add_note(const core::NoteEntry& entry) {
  return write([&](MemoryState& s) { return insert(s.people[person_id_].journal.notes, entry); });
}

Result<std::int64_t> MemoryStore::add_session(const core::SessionEntry& session) {
  return add_session_record({session, {}, std::nullopt});
}

Result<std::int64_t> MemoryStore::add_session_record(const app::SessionRecord& record) {
  return write([&](MemoryState& s) -> Result<std::int64_t> {
    auto id = next_session_id(s);
    if (!id) return id;
    core::PersonData& mine = s.people[person_id_];
    FASCIA_TRY(insert_session(mine, *id, record.session));
    for (const auto& checkin : record.checkins) FASCIA_TRY(insert(mine.journal.reactions, checkin));
    if (record.rescreen) FASCIA_TRY(insert(mine.screenings, *record.rescreen));
    return id;
  });
}

Result<std::int64_t> MemoryStore::add_clinic_treatment(const core::ClinicTreatmentEntry& entry) {
  return write([&](MemoryState& s) -> Result<std::int64_t> {
    auto id = next_id(clinic_treatment_ids(s), "clinic treatment");
    if (!id) return id;
    FASCIA_TRY(insert_clinic_treatment(s.people[person_id_], *id, entry));
    return id;
  });
}

Result<core::HomeProgram> MemoryStore::add_program_version(const core::HomeProgram& program) {
  return write([&](MemoryState& s) -> Result<core::HomeProgram> {
    auto& programs = s.people[person_id_].programs;  // kept by id then version
    core::HomeProgram stored = program;
    if (program.id == 0) {
      stored.id = programs.empty() ? 1 : programs.back().id + 1;
      stored.version = 1;
      programs.push_back(stored);
      return stored;
    }
    auto last = std::find_if(programs.rbegin(), programs.rend(), [&](const auto& p) { return p.id == program.id; });
    if (last == programs.rend()) return core::fail(ErrorCode::not_found, "no program " + std::to_string(program.id));
    stored.version = last->version + 1;
    programs.insert(last.base(), stored);
    return stored;
  });
}

Result<std::vector<core::HomeProgram>> MemoryStore::load_programs() { return person().programs; }

Result<core::PersonData> MemoryStore::export_all() { return person(); }

Result<void> MemoryStore::check_writable() const {
  if (database_->read_only_.empty()) return {};
  return core::fail(ErrorCode::db_read_only, database_->read_only_);
}

Result<void> MemoryStore::replace_all(const core::PersonData& data) {
  return write([&](MemoryState& s) -> Result<void> {
    core::PersonData& mine = s.people[person_id_];
    mine = core::PersonData{};
    if (data.profile) {
      FASCIA_TRY(check_profile(*data.profile));
      mine.profile = data.profile;
    }
    for (const auto& record : data.screenings) FASCIA_TRY(insert(mine.screenings, record));
    const core::Journal& journal = data.journal;
    for (const auto& entry : journal.pain) FASCIA_TRY(insert(mine.journal.pain, entry));
    for (const auto& entry : journal.reactions) FASCIA_TRY(insert(mine.journal.reactions, entry));
    for (const auto& entry : journal.habits) FASCIA_TRY(insert(mine.journal.habits, entry));
    for (const auto& entry : journal.treatments) FASCIA_TRY(insert(mine.journal.treatments, entry));
    for (const auto& entry : journal.notes) FASCIA_TRY(insert(mine.journal.notes, entry));
    for (const auto& entry : journal.clearances) FASCIA_TRY(insert(mine.journal.clearances, entry));
    // Ids kept unless another person holds them (or an earlier session of
    // this import); those and id 0 are numbered afterwards.
    std::vector<const core::SessionEntry*> renumber;
    for (const auto& session : journal.sessions) {
      if (session.id < 0 || session.id > app::kMaxSessionId)
        return core::fail(ErrorCode::out_of_range, "session id " + std::to_string(session.id) + " is outside 0.." +
                                                       std::to_string(app::kMaxSessionId));
      if (session.id != 0 && !session_id_used(s, session.id))
        FASCIA_TRY(insert_session(mine, session.id, session));
      else
        renumber.push_back(&session);
    }
    for (const core::SessionEntry* session : renumber) {
      auto id = next_session_id(s);
      if (!id) return tl::make_unexpected(id.error());
      FASCIA_TRY(insert_session(mine, *id, *session));
    }
    // Clinic treatments keep their ids on the same terms.
    std::vector<const core::ClinicTreatmentEntry*> renumber_clinic;
    for (const auto& entry : journal.clinic_treatments) {
      if (entry.id < 0 || entry.id > app::kMaxSessionId)
        return core::fail(ErrorCode::out_of_range, "clinic treatment id " + std::to_string(entry.id) +
                                                       " is outside 0.." + std::to_string(app::kMaxSessionId));
      if (entry.id != 0 && !clinic_treatment_ids(s).contains(entry.id))
        FASCIA_TRY(insert_clinic_treatment(mine, entry.id, entry));
      else
        renumber_clinic.push_back(&entry);
    }
    for (const core::ClinicTreatmentEntry* entry : renumber_clinic) {
      auto id = next_id(clinic_treatment_ids(s), "clinic treatment");
      if (!id) return tl::make_unexpected(id.error());
      FASCIA_TRY(insert_clinic_treatment(mine, *id, *entry));
    }
    mine.programs = data.programs;
    std::sort(mine.programs.begin(), mine.programs.end(),
              [](const auto& a, const auto& b) { return std::pair(a.id, a.version) < std::pair(b.id, b.version); });
    return {};
  });
}

Result<std::vector<std::int64_t>> MemoryStore::people() {
  std::vector<std::int64_t> ids;
  for (const auto& [person, data] : state().people)
    if (data != core::PersonData{}) ids.push_back(person);
  return ids;
}

Result<std::int64_t> MemoryStore::revision() {
  const auto found = state().revisions.find(person_id_);
  return found == state().revisions.end() ? 0 : found->second;
}

Result<std::unique_ptr<app::WriteBatch>> MemoryStore::begin_batch() {
  FASCIA_TRY(open_level());
  return std::unique_ptr<app::WriteBatch>(new Batch(*this));
}

}  // namespace fascia::adapters
