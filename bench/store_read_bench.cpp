// The read side of `fascia today`: opening an existing SQLite journal (pragmas
// and migration check), and load_person (profile, latest screening, the whole
// journal, clearance) for the four-region person after 8, 26 and 52 weeks.
#include <benchmark/benchmark.h>

#include "fascia/adapters/sqlite_store.hpp"
#include "fixtures.hpp"

namespace {

using namespace fascia;

std::filesystem::path write_history(const bench::TempDir& dir, int weeks) {
  const auto file = dir.path() / "journal.db";
  auto store = adapters::SqliteStore::open(file);
  if (!store) bench::fail_setup("open: " + store.error().message);
  if (auto ok = (*store)->replace_all(bench::person_data(bench::four_regions_history(weeks))); !ok)
    bench::fail_setup("replace_all: " + ok.error().message);
  return file;
}

void OpenStore(benchmark::State& state) {
  bench::TempDir dir;
  const auto file = write_history(dir, 8);
  for (auto _ : state) {
    auto store = adapters::SqliteStore::open(file);
    benchmark::DoNotOptimize(store);
    if (!store) {
      state.SkipWithError(store.error().message.c_str());
      break;
    }
  }
}
BENCHMARK(OpenStore)->Name("store/open_existing")->Unit(benchmark::kMicrosecond)->UseRealTime();

void LoadPerson(benchmark::State& state) {
  bench::TempDir dir;
  const auto file = write_history(dir, static_cast<int>(state.range(0)));
  auto store = adapters::SqliteStore::open(file);
  if (!store) bench::fail_setup("open: " + store.error().message);
  const auto& kb = bench::knowledge_base();
  std::size_t entries = 0;
  for (auto _ : state) {
    auto person = app::load_person(kb, **store);
    if (!person) {
      state.SkipWithError(person.error().message.c_str());
      break;
    }
    entries = person->journal.pain.size() + person->journal.reactions.size() + person->journal.sessions.size();
    benchmark::DoNotOptimize(person);
  }
  state.counters["journal_entries"] = static_cast<double>(entries);
}
BENCHMARK(LoadPerson)
    ->Name("store/load_person/4_regions_history_weeks")
    ->Arg(8)
    ->Arg(26)
    ->Arg(52)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();

}  // namespace
