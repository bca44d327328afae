#!/usr/bin/env bash
# The monitoring list's p50/p99 (GET /api/v1/clients/attention's work) for a
# clinic of PRACTITIONERS practitioners (50) and CLIENTS clients (5,000) with
# a year of daily journal each, on SQLite and on PostgreSQL, one after the
# other (bench/monitoring/monitoring_bench.cpp says how the database is filled
# and what is timed). PostgreSQL runs in a cluster of its own
# (scripts/pg-cluster.sh: fsync and synchronous_commit on). Not part of CI.
# Usage: bench/monitoring/run.sh   (builds fascia_monitoring_bench if needed)
# Environment: CLIENTS (5000), PRACTITIONERS (50), SAMPLES (40 views),
#   DIR (the SQLite file's folder, default a temp folder under /var/tmp, a real disk).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLIENTS=${CLIENTS:-5000}
PRACTITIONERS=${PRACTITIONERS:-50}
SAMPLES=${SAMPLES:-40}
cmake --build --preset default -j2 --target fascia_monitoring_bench >/dev/null
BIN=$ROOT/build/default/bench/fascia_monitoring_bench
WORK=$(mktemp -d "${DIR:-/var/tmp}/fascia-monitoring.XXXXXX")
PG_DIR=$(mktemp -d /tmp/fascia-monitoring-pg.XXXXXX)  # short: the socket path is limited
trap 'bash "$ROOT/scripts/pg-cluster.sh" stop "$PG_DIR" >/dev/null 2>&1; rm -rf "$WORK" "$PG_DIR"' EXIT
"$BIN" "$WORK/clinic.db" "$CLIENTS" "$PRACTITIONERS" "$SAMPLES"
url=$(bash "$ROOT/scripts/pg-cluster.sh" start "$PG_DIR" 2>/dev/null)
"$BIN" "$url" "$CLIENTS" "$PRACTITIONERS" "$SAMPLES"
