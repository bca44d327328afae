// Screening: evaluate_screening over every rule of the real knowledge base,
// with every answer no and with six yes answers (cautions and scoped findings).
#include <benchmark/benchmark.h>

#include "fixtures.hpp"

namespace {

using namespace fascia;

void run(benchmark::State& state, const core::ScreeningRecord& record) {
  const auto& kb = bench::knowledge_base();
  for (auto _ : state) {
    core::Clearance clearance = core::evaluate_screening(kb, record);
    benchmark::DoNotOptimize(clearance);
  }
}

void EvaluateScreeningAllNo(benchmark::State& state) {
  run(state, bench::all_no_screening(bench::knowledge_base(), {}));
}
BENCHMARK(EvaluateScreeningAllNo)->Name("screening/evaluate/all_no")->Unit(benchmark::kMicrosecond);

void EvaluateScreeningSeveralYes(benchmark::State& state) {
  run(state, bench::several_yes_screening(bench::knowledge_base(), {}));
}
BENCHMARK(EvaluateScreeningSeveralYes)->Name("screening/evaluate/six_yes")->Unit(benchmark::kMicrosecond);

}  // namespace
