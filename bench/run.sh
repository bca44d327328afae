#!/usr/bin/env bash
# Builds fascia and fascia_bench (if needed), runs the Google Benchmark suite
# (10 repetitions, aggregates only), prepares a journal with eight weeks of
# history (HISTORY_WEEKS) through the CLI, then times whole processes with hyperfine:
# `fascia today` alone, and `fascia today`, `fascia kb check`, `sqlite3 DB
# 'select 1'` and `/bin/true` side by side. Prints medians, ratios and whether
# the targets hold (fascia today < 20 ms, knowledge-base load+validate < 5 ms).
#
# Usage: bench/run.sh            (from anywhere; needs jq, hyperfine, sqlite3)
# Environment:
#   BUILD_DIR  build directory (default build/default, built with the preset;
#              any other directory is configured with the same settings)
#   RUNS       hyperfine runs per command (default 100, at least 50)
#   HISTORY_WEEKS weeks of journal to prepare (default 8; 52 takes a few minutes)
#   BENCH_ARGS extra arguments for fascia_bench, e.g. --benchmark_filter=plan
#   SKIP_GBENCH=1 / SKIP_HYPERFINE=1 to run only one half
# Results: $BUILD_DIR/bench-results/ (gbench.json, hyperfine-*-<N>w.json, today-<N>w.db).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BUILD_DIR=${BUILD_DIR:-build/default}
RUNS=${RUNS:-100}
OUT="$BUILD_DIR/bench-results"
FASCIA="$BUILD_DIR/fascia"
BENCH="$BUILD_DIR/bench/fascia_bench"

for tool in jq hyperfine sqlite3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 1; }
done

# ---- build -------------------------------------------------------------------
echo "== build ($BUILD_DIR)"
if [[ "$BUILD_DIR" == build/default ]]; then
  [[ -f "$BUILD_DIR/build.ninja" ]] || cmake --preset default >/dev/null
  cmake --build --preset default --target fascia fascia_bench
else
  [[ -f "$BUILD_DIR/build.ninja" ]] ||
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFASCIA_BUILD_TESTS=OFF >/dev/null
  cmake --build "$BUILD_DIR" --target fascia fascia_bench
fi
mkdir -p "$OUT"
FASCIA=$(realpath "$FASCIA")

echo
echo "== machine: $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   temp dir filesystem: $(df -T "${TMPDIR:-/tmp}" | awk 'NR==2 {print $2}') (journal benchmarks fsync there)"

# ---- Google Benchmark ----------------------------------------------------------
if [[ "${SKIP_GBENCH:-0}" != 1 ]]; then
  echo
  echo "== fascia_bench (10 repetitions; median is the figure to quote)"
  # shellcheck disable=SC2086
  "$BENCH" --benchmark_repetitions=10 --benchmark_report_aggregates_only=true \
    --benchmark_out="$OUT/gbench.json" --benchmark_out_format=json ${BENCH_ARGS:-}
  echo
  echo "== fascia_bench medians (real time)"
  jq -r '.benchmarks[] | select(.aggregate_name == "median")
         | "\(.run_name)\t\(.real_time * 1000 | round / 1000) \(.time_unit)"' "$OUT/gbench.json" |
    column -t -s $'\t'
fi

[[ "${SKIP_HYPERFINE:-0}" == 1 ]] && exit 0

# ---- a journal with eight weeks of history, written through the CLI ----------
# The person of bench/journal.sh (shared with bench/http/run.sh); `today` is
# then timed on the day after the history (2027-01-18 for eight weeks).
HISTORY_WEEKS=${HISTORY_WEEKS:-8}
DB="$OUT/today-${HISTORY_WEEKS}w.db"
FIRST=2026-11-23
TODAY=$(date -u -d "$FIRST + $((HISTORY_WEEKS * 7)) days" +%F)
WORK="$OUT/prep-${HISTORY_WEEKS}w"
rm -rf "$WORK" "$DB" "$DB-wal" "$DB-shm"
mkdir -p "$WORK"
source "$(dirname "${BASH_SOURCE[0]}")/journal.sh"

echo
echo "== preparing $DB: profile, screening (every answer no), $HISTORY_WEEKS weeks of journal"
write_journal "$FASCIA" "$DB" "$WORK" "$FIRST" $((HISTORY_WEEKS * 7))
echo "   $sessions sessions; rows: $(sqlite3 "$DB" "select (select count(*) from pain_entry) || ' pain, ' ||
  (select count(*) from reaction_entry) || ' reactions, ' || (select count(*) from session) || ' sessions, ' ||
  (select count(*) from session_step) || ' session steps'" 2>/dev/null || echo '?')"
"$FASCIA" --db "$DB" --today "$TODAY" today | head -3 | sed 's/^/   /' || true

# ---- whole-process timings ---------------------------------------------------
TODAY_CMD="$FASCIA --db $DB --today $TODAY today"
KB_CMD="$FASCIA kb check"
SQL_CMD="sqlite3 $DB 'select 1'"

echo
echo "== hyperfine: fascia today, whole process ($RUNS runs)"
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$OUT/hyperfine-today-${HISTORY_WEEKS}w.json" -n "fascia today" "$TODAY_CMD"

echo
echo "== hyperfine: side by side, for reference ratios ($RUNS runs each)"
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$OUT/hyperfine-compare-${HISTORY_WEEKS}w.json" \
  -n "fascia today" "$TODAY_CMD" -n "fascia kb check" "$KB_CMD" \
  -n "sqlite3 select 1" "$SQL_CMD" -n "/bin/true" "/bin/true"

# ---- summary -------------------------------------------------------------------
ms() { jq -r --arg n "$2" '.results[] | select(.command == $n) | .median * 1000' "$1"; }
today_ms=$(ms "$OUT/hyperfine-today-${HISTORY_WEEKS}w.json" "fascia today")
cmp_today=$(ms "$OUT/hyperfine-compare-${HISTORY_WEEKS}w.json" "fascia today")
kb_ms=$(ms "$OUT/hyperfine-compare-${HISTORY_WEEKS}w.json" "fascia kb check")
sql_ms=$(ms "$OUT/hyperfine-compare-${HISTORY_WEEKS}w.json" "sqlite3 select 1")
true_ms=$(ms "$OUT/hyperfine-compare-${HISTORY_WEEKS}w.json" "/bin/true")
kb_load_ms=""
[[ -f "$OUT/gbench.json" ]] && kb_load_ms=$(jq -r '.benchmarks[] | select(.aggregate_name == "median" and
  (.run_name | startswith("kb/load_and_validate"))) | .real_time' "$OUT/gbench.json")

echo
echo "== summary (medians)"
note=""
[[ "${SKIP_GBENCH:-0}" == 1 ]] && note="  (from the last fascia_bench run, $OUT/gbench.json)"
awk -v w="$HISTORY_WEEKS" -v note="$note" -v t="$today_ms" -v ct="$cmp_today" -v k="$kb_ms" -v s="$sql_ms" -v tr="$true_ms" -v kl="$kb_load_ms" 'BEGIN {
  printf "  fascia today (alone)      %8.2f ms   target < 20 ms: %s (journal: %s weeks)\n", t, (t < 20 ? "met" : "MISSED"), w
  printf "  fascia today (side run)   %8.2f ms   = %5.1f x sqlite3, %5.1f x /bin/true\n", ct, ct / s, ct / tr
  printf "  fascia kb check           %8.2f ms   = %5.1f x sqlite3, %5.1f x /bin/true\n", k, k / s, k / tr
  printf "  sqlite3 DB select 1       %8.2f ms\n", s
  printf "  /bin/true                 %8.2f ms\n", tr
  if (kl != "") printf "  kb load+validate (gbench) %8.2f ms   target < 5 ms: %s%s\n", kl, (kl < 5 ? "met" : "MISSED"), note
}'
