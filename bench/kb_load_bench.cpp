// Knowledge-base load and validation of the real data/ directory: every YAML
// file read, parsed, converted and cross-checked, as each CLI command does once.
#include <benchmark/benchmark.h>

#include "fascia/adapters/kb_paths.hpp"
#include "fascia/adapters/yaml_knowledge_source.hpp"

namespace {

void KbLoadAndValidate(benchmark::State& state) {
  const auto dir = fascia::adapters::default_data_dir();
  for (auto _ : state) {
    fascia::adapters::YamlKnowledgeSource source(dir);
    auto kb = source.load();
    if (!kb) {
      state.SkipWithError(("knowledge base invalid: " + kb.error().front()).c_str());
      break;
    }
    benchmark::DoNotOptimize(kb);
  }
}
BENCHMARK(KbLoadAndValidate)->Name("kb/load_and_validate")->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
