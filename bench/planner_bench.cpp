// Planning: build_plan for the demo's desk worker (six weeks ahead, empty
// journal) and for the four-region person with eight weeks of journal, whose
// ledger and history analysis cover every past session; and the same person
// after 8, 26 and 52 weeks, to show how planning grows with the journal.
#include <benchmark/benchmark.h>

#include "fixtures.hpp"

namespace {

using namespace fascia;

void run(benchmark::State& state, const bench::Scenario& s) {
  const auto& kb = bench::knowledge_base();
  const core::PlanInputs inputs = app::plan_inputs(kb, s.person, s.today);
  std::size_t days = 0;
  for (auto _ : state) {
    core::Plan plan = core::build_plan(inputs);
    days = plan.days.size();
    benchmark::DoNotOptimize(plan);
  }
  state.counters["plan_days"] = static_cast<double>(days);
  state.counters["journal_sessions"] = static_cast<double>(s.person.journal.sessions.size());
}

void BuildPlanDeskWorker(benchmark::State& state) { run(state, bench::desk_worker()); }
BENCHMARK(BuildPlanDeskWorker)->Name("plan/build/desk_worker_6_weeks")->Unit(benchmark::kMicrosecond);

void BuildPlanFourRegions(benchmark::State& state) { run(state, bench::four_regions_eight_weeks()); }
BENCHMARK(BuildPlanFourRegions)->Name("plan/build/4_regions_8_weeks_history")->Unit(benchmark::kMicrosecond);

// How planning grows with the journal: 8 weeks to eight years of history
// (15 sessions a week: 120 to 6,240 sessions).
void BuildPlanHistoryWeeks(benchmark::State& state) {
  run(state, bench::four_regions_history(static_cast<int>(state.range(0))));
}
BENCHMARK(BuildPlanHistoryWeeks)
    ->Name("plan/build/4_regions_history_weeks")
    ->Arg(8)
    ->Arg(26)
    ->Arg(52)
    ->Arg(104)
    ->Arg(208)
    ->Arg(416)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
