// Journal writes into a real SQLite file in a temp directory (WAL,
// synchronous=FULL): one add_pain per transaction, each waiting for its fsync,
// as `fascia log pain` does; and, for comparison, N pain entries written in a
// single transaction through replace_all (the import path), reported per entry.
#include <benchmark/benchmark.h>

#include "fascia/adapters/sqlite_store.hpp"
#include "fixtures.hpp"

namespace {

using namespace fascia;

std::unique_ptr<adapters::SqliteStore> open_store(const bench::TempDir& dir) {
  auto store = adapters::SqliteStore::open(dir.path() / "journal.db");
  if (!store) bench::fail_setup("open: " + store.error().message);
  return std::move(*store);
}

void AddPainDurable(benchmark::State& state) {
  bench::TempDir dir;
  auto store = open_store(dir);
  const core::Date day = bench::desk_worker().today;
  int i = 0;
  for (auto _ : state) {
    auto ok = store->add_pain({core::add_days(day, i % 365), "upper-trapezius", core::Side::both, i % 11});
    benchmark::DoNotOptimize(ok);
    if (!ok) {
      state.SkipWithError(ok.error().message.c_str());
      break;
    }
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(AddPainDurable)->Name("journal/add_pain/one_per_transaction")->Unit(benchmark::kMillisecond)->UseRealTime();

void ReplaceAllBatch(benchmark::State& state) {
  bench::TempDir dir;
  auto store = open_store(dir);
  const auto& desk = bench::desk_worker();
  core::PersonData data = bench::person_data(desk);
  for (int i = 0; i < state.range(0); ++i)
    data.journal.pain.push_back({core::add_days(desk.today, i / 4), "upper-trapezius", core::Side::both, i % 11});
  for (auto _ : state) {
    auto ok = store->replace_all(data);
    benchmark::DoNotOptimize(ok);
    if (!ok) {
      state.SkipWithError(ok.error().message.c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(ReplaceAllBatch)
    ->Name("journal/replace_all/pain_entries_in_one_transaction")
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
