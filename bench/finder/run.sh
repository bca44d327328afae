#!/usr/bin/env bash
# The practitioner finder with LISTINGS listings (default 100,000): the
# gazetteer's load time and memory, then search p50/p99 on SQLite (R*Tree)
# and on PostgreSQL (B-tree on the coordinates), one after the other in one
# run (bench/finder/finder_bench.cpp says what is timed). PostgreSQL runs in
# a cluster of its own (scripts/pg-cluster.sh).
# Usage: bench/finder/run.sh   (builds fascia_finder_bench if needed)
# Environment: LISTINGS (100000), SAMPLES (500), WITHIN_KM (25), DIR (the
#   SQLite file's folder, default a temp folder under /var/tmp).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LISTINGS=${LISTINGS:-100000}
SAMPLES=${SAMPLES:-500}
WITHIN_KM=${WITHIN_KM:-25}
cd "$ROOT"
cmake --build --preset default --target fascia_finder_bench >/dev/null
BIN=$ROOT/build/default/bench/fascia_finder_bench
WORK=$(mktemp -d "${DIR:-/var/tmp}/fascia-finder.XXXXXX")
PG_DIR=$(mktemp -d /tmp/fascia-finder-pg.XXXXXX)  # short: the socket path is limited
trap 'bash "$ROOT/scripts/pg-cluster.sh" stop "$PG_DIR" >/dev/null 2>&1; rm -rf "$WORK" "$PG_DIR"' EXIT
echo "## SQLite"
"$BIN" "$WORK/directory.db" "$LISTINGS" "$SAMPLES" "$WITHIN_KM"
echo "## PostgreSQL"
url=$(bash "$ROOT/scripts/pg-cluster.sh" start "$PG_DIR" 2>/dev/null)
"$BIN" "$url" "$LISTINGS" "$SAMPLES" "$WITHIN_KM"
