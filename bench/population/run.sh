#!/usr/bin/env bash
# `today` and `plan` p50/p99 in a database of PEOPLE people (default 5,000)
# with a year of daily journal each, on SQLite and on PostgreSQL, one after
# the other in one run (bench/population/population_bench.cpp says how the
# database is filled and what is timed). PostgreSQL runs in a cluster of its
# own (scripts/pg-cluster.sh: fsync and synchronous_commit on).
# Usage: bench/population/run.sh   (builds fascia_population_bench if needed)
# Environment: PEOPLE (5000), SAMPLES (300), DIR (the SQLite file's folder,
#   default a temp folder under /var/tmp, a real disk).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PEOPLE=${PEOPLE:-5000}
SAMPLES=${SAMPLES:-300}
cmake --build --preset default --target fascia_population_bench >/dev/null
BIN=$ROOT/build/default/bench/fascia_population_bench
WORK=$(mktemp -d "${DIR:-/var/tmp}/fascia-population.XXXXXX")
PG_DIR=$(mktemp -d /tmp/fascia-population-pg.XXXXXX)  # short: the socket path is limited
trap 'bash "$ROOT/scripts/pg-cluster.sh" stop "$PG_DIR" >/dev/null 2>&1; rm -rf "$WORK" "$PG_DIR"' EXIT
"$BIN" "$WORK/clinic.db" "$PEOPLE" "$SAMPLES"
url=$(bash "$ROOT/scripts/pg-cluster.sh" start "$PG_DIR" 2>/dev/null)
"$BIN" "$url" "$PEOPLE" "$SAMPLES"
