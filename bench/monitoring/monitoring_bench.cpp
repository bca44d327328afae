// The monitoring list on a clinic-sized database (issue 10, point 6): a clinic
// of PRACTITIONERS practitioners (default 50) with CLIENTS clients (default
// 5,000, shared out evenly: 100 each), every client with a year of daily
// journal (bench/population's four-region person after 52 weeks: daily pain
// for four regions, about 780 sessions with their steps, check-ins). Every
// tenth client shares nothing and every tenth after it the journal only; the
// rest share everything; every seventh client stopped their last sessions
// for dizziness. Then the monitoring list (app::attention_list, as
// GET /api/v1/clients/attention computes it: one access-log transaction, then
// each client read once) for SAMPLES practitioners chosen at random, reported
// as p50 and p99 in milliseconds; then the same views again as the server
// makes them a second time, with its memo of each client's plan as first made
// (app::OriginalPlanCache) filled — side by side in one run.
//
// Usage: fascia_monitoring_bench DB [CLIENTS=5000] [PRACTITIONERS=50] [SAMPLES=40]
//   DB is a new SQLite file or an empty postgresql:// database (as --db).
// Run both engines with bench/monitoring/run.sh. Not part of CI.
// The first client is written through the store; the others are copied from
// it inside the database (INSERT … SELECT), as bench/population does; the
// clinic, the practitioners and the links are written through the stores in
// one batch.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "../fixtures.hpp"
#include "fascia/adapters/database_open.hpp"
#include "fascia/app/monitoring.hpp"

namespace {

using namespace fascia;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kIdStride = 100000;              // session and screening ids per client
constexpr std::int64_t kFirstPractitioner = 1'000'001;  // person ids above every client's

std::string copy_rows(const std::string& table, const std::string& columns, const std::string& values) {
  return "WITH RECURSIVE p(n) AS (SELECT 2 UNION ALL SELECT n + 1 FROM p WHERE n < ?1) "
         "INSERT INTO " +
         table + " (person_id, " + columns + ") SELECT p.n, " + values + " FROM " + table + ", p WHERE person_id = 1";
}

double percentile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(q * static_cast<double>(values.size() - 1) + 0.5);
  return values[index];
}

core::Sharing sharing_of(std::int64_t client) {
  if (client % 10 == 0) return {};
  if (client % 10 == 1) return {true, false, false};
  return {true, true, true};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DB [CLIENTS] [PRACTITIONERS] [SAMPLES]\n", argv[0]);
    return 2;
  }
  const adapters::DatabaseTarget target(argv[1]);
  const std::int64_t clients = argc > 2 ? std::stoll(argv[2]) : 5000;
  const std::int64_t practitioners = argc > 3 ? std::stoll(argv[3]) : 50;
  const int samples = argc > 4 ? std::stoi(argv[4]) : 40;
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
      copy_rows("profile", "name, minutes_per_session, start_date, weeks",
                "name, minutes_per_session, start_date, weeks"),
      copy_rows("profile_region", "position, region, side, pain", "position, region, side, pain"),
      copy_rows("profile_tool", "position, tool", "position, tool"),
      copy_rows("profile_weekday", "position, weekday", "position, weekday"),
      copy_rows("screening", "id, date", "id + (p.n - 1) * " + stride + ", date"),
      copy_rows("screening_answer", "screening_id, question, yes",
                "screening_id + (p.n - 1) * " + stride + ", question, yes"),
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
  auto& connection = *opened->connection;
  {
    auto txn = connection.begin(adapters::sql::Access::write);
    if (!txn) bench::fail_setup(txn.error().message);
    for (const auto& sql : copies)
      if (auto ok = connection.run(sql, clients); !ok) bench::fail_setup(ok.error().message + " in " + sql);
    // Something to flag: every seventh client stopped their sessions of the
    // last three days for dizziness (a stop event on the list).
    const std::string recent = core::format_date(core::add_days(scenario.today, -3));
    if (auto ok = connection.run(
            "UPDATE session SET stopped = 1, stop_sign = 'dizziness' WHERE person_id % 7 = 3 AND date >= ?1", recent);
        !ok)
      bench::fail_setup(ok.error().message);
    if (auto ok = txn->commit(); !ok) bench::fail_setup(ok.error().message);
  }
  // The clinic, its practitioners and one link per client, in one batch.
  const core::Date linked_day = core::add_days(scenario.today, -60);
  const std::int64_t linked_at =
      std::chrono::duration_cast<std::chrono::seconds>(linked_day.time_since_epoch()).count();
  std::vector<app::Account> accounts;
  {
    auto batch = store.begin_batch();
    if (!batch) bench::fail_setup(batch.error().message);
    auto clinic = opened->clinics->add_clinic("Bench Clinic", linked_day);
    if (!clinic) bench::fail_setup(clinic.error().message);
    for (std::int64_t i = 0; i < practitioners; ++i) {
      app::Account a{kFirstPractitioner + i,
                     "practitioner-" + std::to_string(i + 1),
                     "x",
                     linked_day,
                     {core::Role::practitioner, clinic->id}};
      if (auto ok = opened->accounts->restore_account(a); !ok) bench::fail_setup(ok.error().message);
      accounts.push_back(a);
    }
    for (std::int64_t client = 1; client <= clients; ++client) {
      core::CareLink link{.id = client,
                          .clinic_id = clinic->id,
                          .practitioner_id = kFirstPractitioner + (client - 1) % practitioners,
                          .person_id = client,
                          .sharing = sharing_of(client),
                          .created_at = linked_at,
                          .revoked_at = std::nullopt};
      if (auto ok = opened->clinics->restore_link(link); !ok) bench::fail_setup(ok.error().message);
    }
    if (auto ok = (*batch)->commit(); !ok) bench::fail_setup(ok.error().message);
  }
  // Fresh statistics, as a live clinic's would be (see bench/population).
  if (auto ok = connection.run("ANALYZE"); !ok) bench::fail_setup(ok.error().message);
  const double fill_seconds = std::chrono::duration<double>(Clock::now() - started).count();

  std::mt19937_64 random(20261130);
  std::uniform_int_distribution<std::size_t> pick(0, accounts.size() - 1);
  std::vector<double> view_ms, repeat_ms;
  std::size_t flags = 0, listed = 0;
  std::int64_t now = linked_at + 60 * 86400;
  std::vector<const app::Account*> picked;
  for (int i = 0; i < samples; ++i) {
    const app::Account& practitioner = accounts[pick(random)];
    picked.push_back(&practitioner);
    const auto t0 = Clock::now();
    auto list = app::attention_list(kb, *opened->clinics, store, practitioner, scenario.today, ++now);
    view_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (!list) bench::fail_setup(list.error().message);
    listed += list->size();
    for (const auto& c : *list) flags += c.flags.size();
  }
  // As the server computes it, with its memo of each client's plan as first
  // made (app::OriginalPlanCache): each practitioner's list once to fill it,
  // then the same views again, timed — a practitioner opening the list again.
  app::OriginalPlanCache plans;
  for (const app::Account* practitioner : picked)
    if (!app::attention_list(kb, *opened->clinics, store, *practitioner, scenario.today, ++now, &plans))
      bench::fail_setup("the list with the plan memo failed");
  for (const app::Account* practitioner : picked) {
    const auto t0 = Clock::now();
    auto list = app::attention_list(kb, *opened->clinics, store, *practitioner, scenario.today, ++now, &plans);
    repeat_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (!list) bench::fail_setup(list.error().message);
  }
  std::printf("%s: %lld clients, %lld practitioners, %zu sessions each, filled in %.0f s\n", target.display().c_str(),
              static_cast<long long>(clients), static_cast<long long>(practitioners),
              scenario.person.journal.sessions.size(), fill_seconds);
  std::printf("monitoring list: p50 %.0f ms, p99 %.0f ms (%d views of %zu clients each, %.1f flags per client)\n",
              percentile(view_ms, 0.5), percentile(view_ms, 0.99), samples, listed / static_cast<std::size_t>(samples),
              static_cast<double>(flags) / static_cast<double>(std::max<std::size_t>(listed, 1)));
  std::printf("monitoring list viewed again (server's plan memo warm): p50 %.0f ms, p99 %.0f ms\n",
              percentile(repeat_ms, 0.5), percentile(repeat_ms, 0.99));
  return listed == 0 ? 1 : 0;
}
