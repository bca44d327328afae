#include "fascia/adapters/journal_rows.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <utility>

#include "fascia/app/journal_store.hpp"

namespace fascia::adapters::rows {

using core::Date;
using core::Error;
using core::ErrorCode;

namespace {

// A stop's other signs, stored as their ids separated by one space (stop-sign
// ids hold none; the knowledge base's reader checks that).
std::string joined_signs(const std::vector<std::string>& signs) {
  std::string out;
  for (const auto& sign : signs) out += (out.empty() ? "" : " ") + sign;
  return out;
}
std::vector<std::string> split_signs(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    if (end > at) out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// Decodes the columns of one row; the first value that does not decode is
// remembered as a db_corrupt error naming the table, and done() reports it.
class Columns {
 public:
  Columns(const sql::Row& row, std::string_view table, const std::string& database)
      : row_(row), table_(table), database_(database) {}

  std::string text(int column) const { return row_.text(column); }
  int integer(int column) {
    const std::int64_t value = row_.int64(column);
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
      return bad("number", column), 0;
    return static_cast<int>(value);
  }
  // A count: zero or more.
  std::size_t count(int column) {
    const std::int64_t value = row_.int64(column);
    if (value < 0) return bad("count", column), 0;
    return static_cast<std::size_t>(value);
  }
  bool boolean(int column) const { return row_.boolean(column); }
  std::int64_t int64(int column) const { return row_.int64(column); }
  std::optional<std::int64_t> optional_int64(int column) {
    return row_.is_null(column) ? std::nullopt : std::optional<std::int64_t>(row_.int64(column));
  }
  std::optional<int> optional_integer(int column) {
    return row_.is_null(column) ? std::nullopt : std::optional<int>(integer(column));
  }
  Date date(int column) {
    auto parsed = core::parse_date(row_.text(column));
    if (!parsed) return bad("date", column), Date{};
    return *parsed;
  }
  core::Side side(int column) { return word(column, "side", core::side_from_string); }
  core::Modality modality(int column) { return word(column, "modality", core::modality_from_string); }
  core::StepStatus status(int column) { return word(column, "status", core::step_status_from_string); }

  Result<void> done() const {
    if (error_) return tl::make_unexpected(*error_);
    return {};
  }

 private:
  template <class Enum>
  Enum word(int column, std::string_view what, std::optional<Enum> (*from_string)(std::string_view)) {
    const auto value = from_string(row_.text(column));
    if (!value) return bad(what, column), Enum{};
    return *value;
  }
  void bad(std::string_view what, int column) {
    if (error_) return;
    error_ = Error{ErrorCode::db_corrupt, database_ + " is damaged: " + std::string(table_) + " holds " +
                                              std::string(what) + " '" + row_.text(column) + "'"};
  }

  const sql::Row& row_;
  std::string_view table_;
  const std::string& database_;
  std::optional<Error> error_;
};

// Runs a query with args bound to ?1..?N and hands each row to on_row; the
// first value that does not decode ends it with db_corrupt.
template <class OnRow, class... Args>
Result<void> each_row(Database& db, std::string_view table, std::string_view sql, OnRow&& on_row, const Args&... args) {
  std::optional<Error> bad;
  FASCIA_TRY(db.each_row(
      sql,
      [&](const sql::Row& row) {
        if (bad) return;
        Columns columns(row, table, db.name());
        on_row(columns);
        if (auto decoded = columns.done(); !decoded) bad = decoded.error();
      },
      args...));
  if (bad) return tl::make_unexpected(*bad);
  return {};
}

Result<void> select_answers(Database& db, std::int64_t person, std::int64_t screening_id,
                            core::ScreeningRecord& record) {
  FASCIA_TRY(each_row(
      db, "screening_answer", "SELECT question, yes FROM screening_answer WHERE person_id = ?1 AND screening_id = ?2",
      [&](Columns& c) { record.answers[c.text(0)].yes = c.boolean(1); }, person, screening_id));
  return each_row(
      db, "screening_answer_region",
      "SELECT question, region, side FROM screening_answer_region WHERE person_id = ?1 AND screening_id = ?2 "
      "ORDER BY question, position",
      [&](Columns& c) {
        record.answers[c.text(0)].regions.push_back({c.text(1), c.side(2)});
      },
      person, screening_id);
}

// Loads the screenings `order_and_limit` selects, with their answers.
Result<std::vector<core::ScreeningRecord>> select_screenings_where(Database& db, std::int64_t person,
                                                                   std::string_view order_and_limit) {
  std::vector<std::pair<std::int64_t, core::ScreeningRecord>> found;
  FASCIA_TRY(each_row(
      db, "screening", "SELECT id, date FROM screening WHERE person_id = ?1 " + std::string(order_and_limit),
      [&](Columns& c) { found.emplace_back(c.int64(0), core::ScreeningRecord{.date = c.date(1), .answers = {}}); },
      person));
  std::vector<core::ScreeningRecord> records;
  for (auto& [id, record] : found) {
    FASCIA_TRY(select_answers(db, person, id, record));
    records.push_back(std::move(record));
  }
  return records;
}

// Runs `select` (which ends in its WHERE on the person, ?1), with `filter`
// (on ?2 = `since`) added unless `since` is empty, then `order`.
template <class OnRow>
Result<void> rows_since(Database& db, std::string_view table, const std::string& select, std::string_view filter,
                        std::string_view order, const std::string& since, std::int64_t person, OnRow&& on_row) {
  if (since.empty()) return each_row(db, table, select + " " + std::string(order), on_row, person);
  return each_row(db, table, select + " AND " + std::string(filter) + " " + std::string(order), on_row, person, since);
}

// The sessions dated `since` or later ("" for all), with their steps.
Result<void> select_sessions(Database& db, std::int64_t person, const std::string& since,
                             std::vector<core::SessionEntry>& sessions) {
  std::map<std::int64_t, std::size_t> index_of;  // session id -> position in sessions
  FASCIA_TRY(
      rows_since(db, "session",
                 "SELECT id, date, protocol, target_region, side, stopped, stop_sign, other_stop_signs FROM session "
                 "WHERE person_id = ?1",
                 "date >= ?2", "ORDER BY date, id", since, person, [&](Columns& c) {
                   index_of[c.int64(0)] = sessions.size();
                   sessions.push_back({.id = c.int64(0),
                                       .date = c.date(1),
                                       .protocol = c.text(2),
                                       .target_region = c.text(3),
                                       .side = c.side(4),
                                       .steps = {},
                                       .stopped = c.boolean(5),
                                       .stop_sign = c.text(6),
                                       .other_stop_signs = split_signs(c.text(7))});
                 }));
  if (index_of.empty()) return {};
  return rows_since(
      db, "session_step",
      "SELECT session_id, step_index, technique, region, side, modality, status, strokes, seconds, pressure_used, "
      "stop_sign, note, other_stop_signs FROM session_step WHERE person_id = ?1",
      "session_id IN (SELECT id FROM session WHERE person_id = ?1 AND date >= ?2)", "ORDER BY session_id, position",
      since, person, [&](Columns& c) {
        // The foreign key guarantees the parent session exists.
        sessions[index_of.at(c.int64(0))].steps.push_back({.index = c.integer(1),
                                                           .technique = c.text(2),
                                                           .region = c.text(3),
                                                           .side = c.side(4),
                                                           .modality = c.modality(5),
                                                           .status = c.status(6),
                                                           .strokes = c.integer(7),
                                                           .seconds = c.integer(8),
                                                           .pressure_used = c.optional_integer(9),
                                                           .stop_sign = c.text(10),
                                                           .note = c.text(11),
                                                           .other_stop_signs = split_signs(c.text(12))});
      });
}

// The clinic treatments dated `since` or later ("" for all), with their regions.
Result<void> select_clinic_treatments(Database& db, std::int64_t person, const std::string& since,
                                      std::vector<core::ClinicTreatmentEntry>& treatments) {
  std::map<std::int64_t, std::size_t> index_of;  // id -> position in treatments
  FASCIA_TRY(rows_since(
      db, "clinic_treatment",
      "SELECT id, date, treatment, pressure, minutes, reaction, note, practitioner_id, practitioner, clinic_id "
      "FROM clinic_treatment WHERE person_id = ?1",
      "date >= ?2", "ORDER BY date, id", since, person, [&](Columns& c) {
        index_of[c.int64(0)] = treatments.size();
        treatments.push_back({.id = c.int64(0),
                              .date = c.date(1),
                              .treatment = c.text(2),
                              .regions = {},
                              .pressure = c.optional_integer(3),
                              .minutes = c.integer(4),
                              .reaction = c.text(5),
                              .note = c.text(6),
                              .practitioner_id = c.int64(7),
                              .practitioner = c.text(8),
                              .clinic_id = c.int64(9)});
      }));
  if (index_of.empty()) return {};
  return rows_since(db, "clinic_treatment_region",
                    "SELECT clinic_treatment_id, region, side FROM clinic_treatment_region WHERE person_id = ?1",
                    "clinic_treatment_id IN (SELECT id FROM clinic_treatment WHERE person_id = ?1 AND date >= ?2)",
                    "ORDER BY clinic_treatment_id, position", since, person, [&](Columns& c) {
                      // The foreign key guarantees the parent treatment exists.
                      treatments[index_of.at(c.int64(0))].regions.push_back({c.text(1), c.side(2)});
                    });
}

// The next id of `table` (a constant name), numbered across the whole
// database: one past the highest, and after kMaxSessionId the lowest free one.
Result<std::int64_t> next_id(Database& db, const std::string& table) {
  auto next = db.query_int(
      "SELECT CASE WHEN coalesce(max(id), 0) < ?1 THEN coalesce(max(id), 0) + 1 ELSE"
      " (SELECT min(free) FROM (SELECT 1 AS free WHERE NOT EXISTS (SELECT 1 FROM " +
          table +
          " WHERE id = 1)"
          "  UNION ALL SELECT id + 1 FROM " +
          table + " WHERE id + 1 <= ?1 AND id + 1 NOT IN (SELECT id FROM " + table +
          ")) AS gaps)"
          " END FROM " +
          table,
      app::kMaxSessionId);
  if (!next) return tl::make_unexpected(next.error());
  if (!*next) return core::fail(ErrorCode::db_error, db.name() + ": every " + table + " id is in use");
  return **next;
}

Result<bool> id_used(Database& db, const std::string& table, std::int64_t id) {
  auto count = db.query_int("SELECT count(*) FROM " + table + " WHERE id = ?1", id);
  if (!count) return tl::make_unexpected(count.error());
  return count->value_or(0) > 0;
}

}  // namespace

Result<std::optional<core::Profile>> select_profile(Database& db, std::int64_t person) {
  std::optional<core::Profile> profile;
  FASCIA_TRY(each_row(
      db, "profile", "SELECT name, minutes_per_session, start_date, weeks FROM profile WHERE person_id = ?1",
      [&](Columns& c) {
        profile = core::Profile{.name = c.text(0),
                                .regions = {},
                                .tools = {},
                                .weekdays = {},
                                .minutes_per_session = c.integer(1),
                                .start = c.date(2),
                                .weeks = c.integer(3)};
      },
      person));
  if (!profile) return profile;
  FASCIA_TRY(each_row(
      db, "profile_region", "SELECT region, side, pain FROM profile_region WHERE person_id = ?1 ORDER BY position",
      [&](Columns& c) { profile->regions.push_back({.region = c.text(0), .side = c.side(1), .pain = c.integer(2)}); },
      person));
  FASCIA_TRY(each_row(
      db, "profile_tool", "SELECT tool FROM profile_tool WHERE person_id = ?1 ORDER BY position",
      [&](Columns& c) { profile->tools.push_back(c.text(0)); }, person));
  FASCIA_TRY(each_row(
      db, "profile_weekday", "SELECT weekday FROM profile_weekday WHERE person_id = ?1 ORDER BY position",
      [&](Columns& c) { profile->weekdays.push_back(c.integer(0)); }, person));
  return profile;
}

Result<void> delete_profile(Database& db, std::int64_t person) {
  for (const char* sql :
       {"DELETE FROM profile_region WHERE person_id = ?1", "DELETE FROM profile_tool WHERE person_id = ?1",
        "DELETE FROM profile_weekday WHERE person_id = ?1", "DELETE FROM profile WHERE person_id = ?1"})
    FASCIA_TRY(db.run(sql, person));
  return {};
}

Result<void> insert_profile(Database& db, std::int64_t person, const core::Profile& profile) {
  FASCIA_TRY(
      db.run("INSERT INTO profile (person_id, name, minutes_per_session, start_date, weeks) "
             "VALUES (?1, ?2, ?3, ?4, ?5)",
             person, profile.name, profile.minutes_per_session, core::format_date(profile.start), profile.weeks));
  int position = 0;
  for (const auto& target : profile.regions)
    FASCIA_TRY(
        db.run("INSERT INTO profile_region (person_id, position, region, side, pain) VALUES (?1, ?2, ?3, ?4, ?5)",
               person, position++, target.region, core::to_string(target.side), target.pain));
  position = 0;
  for (const auto& tool : profile.tools)
    FASCIA_TRY(
        db.run("INSERT INTO profile_tool (person_id, position, tool) VALUES (?1, ?2, ?3)", person, position++, tool));
  position = 0;
  for (int weekday : profile.weekdays)
    FASCIA_TRY(db.run("INSERT INTO profile_weekday (person_id, position, weekday) VALUES (?1, ?2, ?3)", person,
                      position++, weekday));
  return {};
}

Result<std::vector<core::ScreeningRecord>> select_screenings(Database& db, std::int64_t person) {
  return select_screenings_where(db, person, "ORDER BY date, id");
}

Result<std::optional<core::ScreeningRecord>> select_latest_screening(Database& db, std::int64_t person) {
  auto records = select_screenings_where(db, person, "ORDER BY date DESC, id DESC LIMIT 1");
  if (!records) return tl::make_unexpected(records.error());
  if (records->empty()) return std::optional<core::ScreeningRecord>{};
  return std::optional<core::ScreeningRecord>(std::move(records->front()));
}

Result<void> insert_screening(Database& db, std::int64_t person, const core::ScreeningRecord& record) {
  auto inserted = db.query_int("INSERT INTO screening (person_id, date) VALUES (?1, ?2) RETURNING id", person,
                               core::format_date(record.date));
  if (!inserted) return tl::make_unexpected(inserted.error());
  const std::int64_t id = inserted->value_or(0);
  for (const auto& [question, answer] : record.answers) {
    FASCIA_TRY(db.run("INSERT INTO screening_answer (person_id, screening_id, question, yes) VALUES (?1, ?2, ?3, ?4)",
                      person, id, question, answer.yes));
    int position = 0;
    for (const auto& region : answer.regions)
      FASCIA_TRY(
          db.run("INSERT INTO screening_answer_region (person_id, screening_id, question, position, region, side) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                 person, id, question, position++, region.region, std::string(core::to_string(region.side))));
  }
  return {};
}

Result<core::Journal> select_journal(Database& db, std::int64_t person, std::optional<core::Date> from) {
  core::Journal journal;
  // Each dated table in date order (then as stored); with `from`, only the
  // rows dated then or later.
  const std::string since = from ? core::format_date(*from) : std::string();
  const auto dated = [&](std::string_view table, const std::string& select, auto&& on_row) {
    return rows_since(db, table, select, "date >= ?2", "ORDER BY date, id", since, person, on_row);
  };
  FASCIA_TRY(
      dated("pain_entry", "SELECT date, region, side, score FROM pain_entry WHERE person_id = ?1", [&](Columns& c) {
        journal.pain.push_back({.date = c.date(0), .region = c.text(1), .side = c.side(2), .score = c.integer(3)});
      }));
  FASCIA_TRY(dated("reaction_entry",
                   "SELECT date, region, side, redness, red_dots, bruising, soreness FROM reaction_entry "
                   "WHERE person_id = ?1",
                   [&](Columns& c) {
                     journal.reactions.push_back({.date = c.date(0),
                                                  .region = c.text(1),
                                                  .side = c.side(2),
                                                  .redness = c.boolean(3),
                                                  .red_dots = c.boolean(4),
                                                  .bruising = c.boolean(5),
                                                  .soreness = c.integer(6)});
                   }));
  FASCIA_TRY(dated("habit_entry", "SELECT date, habit FROM habit_entry WHERE person_id = ?1",
                   [&](Columns& c) { journal.habits.push_back({.date = c.date(0), .habit = c.text(1)}); }));
  FASCIA_TRY(dated("treatment_entry", "SELECT date, treatment, region, note FROM treatment_entry WHERE person_id = ?1",
                   [&](Columns& c) {
                     journal.treatments.push_back(
                         {.date = c.date(0), .treatment = c.text(1), .region = c.text(2), .note = c.text(3)});
                   }));
  FASCIA_TRY(dated("note_entry", "SELECT date, text FROM note_entry WHERE person_id = ?1",
                   [&](Columns& c) { journal.notes.push_back({.date = c.date(0), .text = c.text(1)}); }));
  FASCIA_TRY(select_sessions(db, person, since, journal.sessions));
  std::vector<std::pair<std::int64_t, core::ClearanceEntry>> clearances;
  FASCIA_TRY(each_row(
      db, "clearance",
      "SELECT id, date, cleared_by, note, after_screenings, by_practitioner, clinic_id FROM clearance "
      "WHERE person_id = ?1 "
      "ORDER BY date, id",
      [&](Columns& c) {
        clearances.emplace_back(c.int64(0), core::ClearanceEntry{.date = c.date(1),
                                                                 .by = c.text(2),
                                                                 .regions = {},
                                                                 .note = c.text(3),
                                                                 .after_screenings = c.count(4),
                                                                 .by_practitioner = c.boolean(5),
                                                                 .clinic_id = c.optional_int64(6)});
      },
      person));
  for (auto& [id, entry] : clearances) {
    FASCIA_TRY(each_row(
        db, "clearance_region",
        "SELECT region, side FROM clearance_region WHERE person_id = ?1 AND clearance_id = ?2 ORDER BY position",
        [&](Columns& c) {
          entry.regions.push_back({c.text(0), c.side(1)});
        },
        person, id));
    journal.clearances.push_back(std::move(entry));
  }
  FASCIA_TRY(select_clinic_treatments(db, person, since, journal.clinic_treatments));
  return journal;
}

Result<void> insert(Database& db, std::int64_t person, const core::ClearanceEntry& entry) {
  auto inserted = db.query_int(
      "INSERT INTO clearance (person_id, date, cleared_by, note, after_screenings, by_practitioner, clinic_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
      person, core::format_date(entry.date), entry.by, entry.note, static_cast<std::int64_t>(entry.after_screenings),
      entry.by_practitioner, entry.clinic_id);
  if (!inserted) return tl::make_unexpected(inserted.error());
  const std::int64_t id = inserted->value_or(0);
  int position = 0;
  for (const auto& r : entry.regions)
    FASCIA_TRY(
        db.run("INSERT INTO clearance_region (person_id, clearance_id, position, region, side) "
               "VALUES (?1, ?2, ?3, ?4, ?5)",
               person, id, position++, r.region, std::string(core::to_string(r.side))));
  return {};
}

Result<void> insert(Database& db, std::int64_t person, const core::PainEntry& entry) {
  return db.run("INSERT INTO pain_entry (person_id, date, region, side, score) VALUES (?1, ?2, ?3, ?4, ?5)", person,
                core::format_date(entry.date), entry.region, core::to_string(entry.side), entry.score);
}

Result<void> insert(Database& db, std::int64_t person, const core::ReactionEntry& entry) {
  return db.run(
      "INSERT INTO reaction_entry (person_id, date, region, side, redness, red_dots, bruising, soreness) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
      person, core::format_date(entry.date), entry.region, core::to_string(entry.side), entry.redness, entry.red_dots,
      entry.bruising, entry.soreness);
}

Result<void> insert(Database& db, std::int64_t person, const core::HabitEntry& entry) {
  return db.run("INSERT INTO habit_entry (person_id, date, habit) VALUES (?1, ?2, ?3)", person,
                core::format_date(entry.date), entry.habit);
}

Result<void> insert(Database& db, std::int64_t person, const core::TreatmentEntry& entry) {
  return db.run("INSERT INTO treatment_entry (person_id, date, treatment, region, note) VALUES (?1, ?2, ?3, ?4, ?5)",
                person, core::format_date(entry.date), entry.treatment, entry.region, entry.note);
}

Result<void> insert(Database& db, std::int64_t person, const core::NoteEntry& entry) {
  return db.run("INSERT INTO note_entry (person_id, date, text) VALUES (?1, ?2, ?3)", person,
                core::format_date(entry.date), entry.text);
}

Result<std::size_t> count_screenings(Database& db, std::int64_t person) {
  auto count = db.query_int("SELECT count(*) FROM screening WHERE person_id = ?1", person);
  if (!count) return tl::make_unexpected(count.error());
  return static_cast<std::size_t>(count->value_or(0));  // an aggregate always yields one row
}

Result<std::int64_t> next_session_id(Database& db) {
  // Numbered across the whole database, not per person, so that an id one
  // person sees never names a session of someone else's (the HTTP API
  // exposes ids). Every id stays within what an import accepts
  // (app::kMaxSessionId), so an export can always be imported again: after
  // the largest, the lowest free id.
  return next_id(db, "session");
}

Result<bool> session_id_used(Database& db, std::int64_t id) { return id_used(db, "session", id); }

Result<std::int64_t> next_clinic_treatment_id(Database& db) { return next_id(db, "clinic_treatment"); }

Result<bool> clinic_treatment_id_used(Database& db, std::int64_t id) { return id_used(db, "clinic_treatment", id); }

Result<void> insert_clinic_treatment(Database& db, std::int64_t person, std::int64_t id,
                                     const core::ClinicTreatmentEntry& entry) {
  FASCIA_TRY(
      db.run("INSERT INTO clinic_treatment (person_id, id, date, treatment, pressure, minutes, reaction, note, "
             "practitioner_id, practitioner, clinic_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
             person, id, core::format_date(entry.date), entry.treatment, entry.pressure, entry.minutes, entry.reaction,
             entry.note, entry.practitioner_id, entry.practitioner, entry.clinic_id));
  int position = 0;
  for (const auto& r : entry.regions)
    FASCIA_TRY(
        db.run("INSERT INTO clinic_treatment_region (person_id, clinic_treatment_id, position, region, side) "
               "VALUES (?1, ?2, ?3, ?4, ?5)",
               person, id, position++, r.region, std::string(core::to_string(r.side))));
  return {};
}

Result<void> insert_session(Database& db, std::int64_t person, std::int64_t id, const core::SessionEntry& session) {
  FASCIA_TRY(db.run(
      "INSERT INTO session (person_id, id, date, protocol, target_region, side, stopped, stop_sign, "
      "other_stop_signs) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      person, id, core::format_date(session.date), session.protocol, session.target_region,
      core::to_string(session.side), session.stopped, session.stop_sign, joined_signs(session.other_stop_signs)));
  int position = 0;
  for (const auto& step : session.steps)
    FASCIA_TRY(db.run(
        "INSERT INTO session_step (person_id, session_id, position, step_index, technique, region, side, modality, "
        "status, strokes, seconds, pressure_used, stop_sign, note, other_stop_signs) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        person, id, position++, step.index, step.technique, step.region, core::to_string(step.side),
        core::to_string(step.modality), core::to_string(step.status), step.strokes, step.seconds, step.pressure_used,
        step.stop_sign, step.note, joined_signs(step.other_stop_signs)));
  return {};
}

}  // namespace fascia::adapters::rows
