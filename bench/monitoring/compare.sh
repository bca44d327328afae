#!/usr/bin/env bash
# The monitoring list before and after a change: OLD and NEW fascia_monitoring_bench
# binaries (e.g. one built from the base commit) on the same machine, on SQLite
# and then on PostgreSQL, each in a fresh database. Not part of CI.
# Usage: bench/monitoring/compare.sh OLD NEW   (CLIENTS 1000, PRACTITIONERS 10, SAMPLES 20)
set -euo pipefail
OLD=$1 NEW=$2 CLIENTS=${CLIENTS:-1000} PRACTITIONERS=${PRACTITIONERS:-10} SAMPLES=${SAMPLES:-20}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
for bin in "$OLD" "$NEW"; do
  W=$(mktemp -d /var/tmp/fascia-mon.XXXXXX); echo "== $bin"
  "$bin" "$W/c.db" "$CLIENTS" "$PRACTITIONERS" "$SAMPLES"; rm -rf "$W"
done
for bin in "$OLD" "$NEW"; do
  PG=$(mktemp -d /tmp/fmpg.XXXXXX); url=$(bash "$ROOT/scripts/pg-cluster.sh" start "$PG" 2>/dev/null); echo "== $bin"
  "$bin" "$url" "$CLIENTS" "$PRACTITIONERS" "$SAMPLES" || true
  bash "$ROOT/scripts/pg-cluster.sh" stop "$PG" >/dev/null 2>&1; rm -rf "$PG"
done
