// Everything `fascia today` computes, in one process and without printing:
// load and validate the knowledge base, open the journal, load the person,
// build the plan and today's view. Compare with the whole-process time from
// hyperfine (bench/run.sh) to see what process start-up and output add.
#include <benchmark/benchmark.h>

#include "fascia/adapters/kb_paths.hpp"
#include "fascia/adapters/sqlite_store.hpp"
#include "fascia/adapters/yaml_knowledge_source.hpp"
#include "fixtures.hpp"

namespace {

using namespace fascia;

void TodayPipeline(benchmark::State& state) {
  bench::TempDir dir;
  const auto file = dir.path() / "journal.db";
  const auto& s = bench::four_regions_eight_weeks();
  {
    auto store = adapters::SqliteStore::open(file);
    if (!store || !(*store)->replace_all(bench::person_data(s))) bench::fail_setup("cannot write the journal");
  }
  const auto data_dir = adapters::default_data_dir();
  for (auto _ : state) {
    auto kb = adapters::YamlKnowledgeSource(data_dir).load();
    auto store = adapters::SqliteStore::open(file);
    if (!kb || !store) {
      state.SkipWithError("load or open failed");
      break;
    }
    auto person = app::load_person(*kb, **store);
    if (!person) {
      state.SkipWithError(person.error().message.c_str());
      break;
    }
    const auto inputs = app::plan_inputs(*kb, *person, s.today);
    core::TodayView view = core::today_view(inputs, core::build_plan(inputs));
    benchmark::DoNotOptimize(view);
  }
}
BENCHMARK(TodayPipeline)->Name("today/in_process_pipeline/4_regions_8_weeks")->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
