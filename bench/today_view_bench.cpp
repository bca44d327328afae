// today_view alone (plan already built) and build_plan + today_view together,
// which is the computation behind `fascia today`. The rest-day case has
// nothing due, so every chosen protocol's blockers are worked out.
#include <benchmark/benchmark.h>

#include "fascia/core/planner.hpp"
#include "fixtures.hpp"

namespace {

using namespace fascia;

void view_only(benchmark::State& state, const bench::Scenario& s) {
  const core::PlanInputs inputs = app::plan_inputs(bench::knowledge_base(), s.person, s.today);
  const core::Plan plan = core::build_plan(inputs);
  for (auto _ : state) {
    core::TodayView view = core::today_view(inputs, plan);
    benchmark::DoNotOptimize(view);
  }
}

void plan_and_view(benchmark::State& state, const bench::Scenario& s) {
  const core::PlanInputs inputs = app::plan_inputs(bench::knowledge_base(), s.person, s.today);
  for (auto _ : state) {
    core::TodayView view = core::today_view(inputs, core::build_plan(inputs));
    benchmark::DoNotOptimize(view);
  }
}

void ViewDeskWorker(benchmark::State& state) { view_only(state, bench::desk_worker()); }
BENCHMARK(ViewDeskWorker)->Name("today/view_only/desk_worker")->Unit(benchmark::kMicrosecond);

void ViewFourRegions(benchmark::State& state) { view_only(state, bench::four_regions_eight_weeks()); }
BENCHMARK(ViewFourRegions)->Name("today/view_only/4_regions_8_weeks")->Unit(benchmark::kMicrosecond);

void ViewFourRegionsRestDay(benchmark::State& state) { view_only(state, bench::four_regions_rest_day()); }
BENCHMARK(ViewFourRegionsRestDay)->Name("today/view_only/4_regions_8_weeks_rest_day")->Unit(benchmark::kMicrosecond);

void PlanAndViewDeskWorker(benchmark::State& state) { plan_and_view(state, bench::desk_worker()); }
BENCHMARK(PlanAndViewDeskWorker)->Name("today/plan_and_view/desk_worker")->Unit(benchmark::kMicrosecond);

void PlanAndViewFourRegions(benchmark::State& state) { plan_and_view(state, bench::four_regions_eight_weeks()); }
BENCHMARK(PlanAndViewFourRegions)->Name("today/plan_and_view/4_regions_8_weeks")->Unit(benchmark::kMicrosecond);

}  // namespace
