// The benchmark program: every bench/*_bench.cpp registers into this main.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
