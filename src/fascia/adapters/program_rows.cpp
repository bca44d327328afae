#include "fascia/adapters/program_rows.hpp"

#include "fascia/adapters/json_codec.hpp"

namespace fascia::adapters::rows {

using core::ErrorCode;

core::Result<std::vector<core::HomeProgram>> select_programs(sql::Connection& db, std::int64_t person) {
  std::vector<core::HomeProgram> out;
  std::optional<core::Error> bad;
  FASCIA_TRY(db.each_row(
      "SELECT program_id, version, body FROM home_program WHERE person_id = ?1 ORDER BY program_id, version",
      [&](const sql::Row& row) {
        if (bad) return;
        auto program = home_program_from_json(row.text(2));
        if (!program || program->id != row.int64(0) || program->version != row.int64(1)) {
          bad = core::Error{ErrorCode::db_corrupt,
                            "home_program: program " + std::to_string(row.int64(0)) + " version " +
                                std::to_string(row.int64(1)) + " does not decode" +
                                (program ? " (its id or version differs)" : ": " + program.error().message)};
          return;
        }
        out.push_back(std::move(*program));
      },
      person));
  if (bad) return tl::make_unexpected(*bad);
  return out;
}

core::Result<void> restore_program_version(sql::Connection& db, std::int64_t person, const core::HomeProgram& program) {
  return db.run("INSERT INTO home_program (person_id, program_id, version, assigned, body) VALUES (?1, ?2, ?3, ?4, ?5)",
                person, program.id, std::int64_t{program.version}, core::format_date(program.assigned),
                home_program_to_json(program));
}

core::Result<core::HomeProgram> insert_program_version(sql::Connection& db, std::int64_t person,
                                                       const core::HomeProgram& program) {
  core::HomeProgram stored = program;
  if (program.id == 0) {
    auto last = db.query_int("SELECT MAX(program_id) FROM home_program WHERE person_id = ?1", person);
    if (!last) return tl::make_unexpected(last.error());
    stored.id = last->value_or(0) + 1;
    stored.version = 1;
  } else {
    auto last = db.query_int("SELECT MAX(version) FROM home_program WHERE person_id = ?1 AND program_id = ?2", person,
                             program.id);
    if (!last) return tl::make_unexpected(last.error());
    if (!*last) return core::fail(ErrorCode::not_found, "no program " + std::to_string(program.id));
    stored.version = static_cast<int>(**last) + 1;
  }
  FASCIA_TRY(restore_program_version(db, person, stored));
  return stored;
}

}  // namespace fascia::adapters::rows
