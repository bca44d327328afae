// A clinic-sized database: PEOPLE people with a year of daily journal each
// (the four-region person of bench/fixtures.cpp after 52 weeks: daily pain
// for four regions, about 780 sessions with their steps, check-ins), on
// SQLite or PostgreSQL. Then `today` and `plan` for SAMPLES people chosen at
// random, each as the server computes them (load the person, plan, view),
// reported as p50 and p99 in milliseconds.
//
// Usage: fascia_population_bench DB [PEOPLE=5000] [SAMPLES=300]
//   DB is a new SQLite file or an empty postgresql:// database (as --db).
// The first person is written through the store; the others are copied from
// it inside the database (INSERT … SELECT), so filling takes minutes, not hours.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "../fixtures.hpp"
#include "fascia/adapters/database_open.hpp"
#include "fascia/app/person_state.hpp"

namespace {

using namespace fascia;
using Clock = std::chrono::steady_clock;

// Copies person 1's rows to people 2..people: ids of sessions and screenings
// are shifted by (person - 1) * kIdStride so they stay unique.
constexpr std::int64_t kIdStride = 100000;

std::string copy_rows(const std::string& table, const std::string& columns, const std::string& values) {
  return "WITH RECURSIVE p(n) AS (SELECT 2 UNION ALL SELECT n + 1 FROM p WHERE n < ?1) "
         "INSERT INTO " + table + " (person_id, " + columns + ") SELECT p.n, " + values + " FROM " + table +
         ", p WHERE person_id = 1";
}

double percentile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(q * static_cast<double>(values.size() - 1) + 0.5);
  return values[index];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DB [PEOPLE] [SAMPLES]\n", argv[0]);
    return 2;
  }
  const adapters::DatabaseTarget target(argv[1]);
  const std::int64_t people = argc > 2 ? std::stoll(argv[2]) : 5000;
  const int samples = argc > 3 ? std::stoi(argv[3]) : 300;
  const auto& kb = bench::knowledge_base();
  const auto& scenario = bench::four_regions_history(52);

  auto opened = adapters::open_database(target);
  if (!opened) bench::fail_setup(opened.error().message);
  auto& store = *opened->journal;
  const auto started = Clock::now();
  if (auto existing = store.people(); !existing || !existing->empty()) bench::fail_setup("DB must be empty");
  if (auto ok = store.replace_all(bench::person_data(scenario)); !ok) bench::fail_setup(ok.error().message);
  const std::string stride = std::to_string(kIdStride);
  const std::vector<std::string> copies{
      copy_rows("profile", "name, minutes_per_session, start_date, weeks", "name, minutes_per_session, start_date, weeks"),
      copy_rows("profile_region", "position, region, side, pain", "position, region, side, pain"),
      copy_rows("profile_tool", "position, tool", "position, tool"),
      copy_rows("profile_weekday", "position, weekday", "position, weekday"),
      copy_rows("screening", "id, date", "id + (p.n - 1) * " + stride + ", date"),
      copy_rows("screening_answer", "screening_id, question, yes", "screening_id + (p.n - 1) * " + stride + ", question, yes"),
      copy_rows("screening_answer_region", "screening_id, question, position, region, side",
                "screening_id + (p.n - 1) * " + stride + ", question, position, region, side"),
      copy_rows("pain_entry", "date, region, side, score", "date, region, side, score"),
      copy_rows("reaction_entry", "date, region, side, redness, red_dots, bruising, soreness",
                "date, region, side, redness, red_dots, bruising, soreness"),
      copy_rows("session", "id, date, protocol, target_region, side, stopped, stop_sign",
                "id + (p.n - 1) * " + stride + ", date, protocol, target_region, side, stopped, stop_sign"),
      copy_rows("session_step",
                "session_id, position, step_index, technique, region, side, modality, status, strokes, seconds, "
                "pressure_used, stop_sign, note",
                "session_id + (p.n - 1) * " + stride +
                    ", position, step_index, technique, region, side, modality, status, strokes, seconds, "
                    "pressure_used, stop_sign, note")};
  // Through the store's own connection, one transaction (a batch).
  {
    auto& connection = *opened->connection;
    auto txn = connection.begin(adapters::sql::Access::write);
    if (!txn) bench::fail_setup(txn.error().message);
    for (const auto& sql : copies)
      if (auto ok = connection.run(sql, people); !ok) bench::fail_setup(ok.error().message + " in " + sql);
    if (auto ok = txn->commit(); !ok) bench::fail_setup(ok.error().message);
    // Fresh statistics, as autovacuum (PostgreSQL) or a live clinic's history
    // would have: without them PostgreSQL plans for the near-empty tables it
    // last saw and scans whole tables (p50 116 ms instead of a few ms).
    if (auto ok = connection.run("ANALYZE"); !ok) bench::fail_setup(ok.error().message);
  }
  const double fill_seconds = std::chrono::duration<double>(Clock::now() - started).count();

  std::mt19937_64 random(20261130);
  std::uniform_int_distribution<std::int64_t> pick(1, people);
  std::vector<double> today_ms, plan_ms;
  std::size_t sink = 0;  // keeps the views from being optimised away
  for (int i = 0; i < samples; ++i) {
    store.rebind(pick(random));
    for (auto* out : {&today_ms, &plan_ms}) {
      const auto t0 = Clock::now();
      auto person = app::load_person(kb, store);
      if (!person) bench::fail_setup(person.error().message);
      if (out == &today_ms)
        sink += app::current_today(kb, *person, scenario.today).due.size();
      else
        sink += app::current_plan(kb, *person, scenario.today).days.size();
      out->push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
  }
  std::printf("%s: %lld people, %zu sessions each, filled in %.0f s\n", target.display().c_str(),
              static_cast<long long>(people), scenario.person.journal.sessions.size(), fill_seconds);
  std::printf("today: p50 %.1f ms, p99 %.1f ms; plan: p50 %.1f ms, p99 %.1f ms (%d people at random)\n",
              percentile(today_ms, 0.5), percentile(today_ms, 0.99), percentile(plan_ms, 0.5),
              percentile(plan_ms, 0.99), samples);
  return sink == 0 ? 1 : 0;  // nothing due and no plan days anywhere would mean a broken fixture
}
