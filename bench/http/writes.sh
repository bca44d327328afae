#!/usr/bin/env bash
# Durable journal writes per second through the API (POST /api/v1/journal/note,
# each answered only after its commit) against SQLite's own raw commit rate on
# the same disk (WAL, synchronous=FULL, one INSERT per COMMIT, Python's
# sqlite3 module), side by side in one run: the raw rate, then fascia with 1
# and with 32 writers (wrk connections), ROUNDS times each in turn. Prints the
# medians, the ratios to the raw rate and the writers' p99.
# Usage: bench/http/writes.sh   (needs wrk, curl, python3; FASCIA_BIN or a
#   built build/default/fascia)
# Environment: ROUNDS (default 3), DURATION (wrk, default 8s), DIR (where the
#   databases go; default a temp folder under /var/tmp, a real disk)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FASCIA_BIN=${FASCIA_BIN:-$ROOT/build/default/fascia}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
WORK=$(mktemp -d "${DIR:-/var/tmp}/fascia-bench-writes.XXXXXX")
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$WORK"' EXIT

raw_rate() {  # commits per second for 5 s
  python3 - "$WORK/raw.db" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, person_id INTEGER, date TEXT, text TEXT)")
n, start = 0, time.monotonic()
while time.monotonic() - start < 5:
    db.execute("BEGIN IMMEDIATE"); db.execute("INSERT INTO note (person_id, date, text) VALUES (1, '2026-11-23', 'a note')"); db.execute("COMMIT")
    n += 1
print(round(n / (time.monotonic() - start)))
PY
}

"$FASCIA_BIN" serve --port 0 --db "$WORK/fascia.db" --today 2026-11-23 >"$WORK/serve.log" 2>&1 &
for _ in $(seq 100); do grep -q 'login?token=' "$WORK/serve.log" && break; sleep 0.1; done
login=$(grep -o 'http://127\.0\.0\.1:[0-9]*/login?token=[^ ]*' "$WORK/serve.log")
BASE=${login%%/login*}
cookie=$(curl -s -o /dev/null -D - "$login" | tr -d '\r' | sed -n 's/^Set-Cookie: fascia_session=\([^;]*\).*/\1/p')
cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"text": "a note written by the benchmark"}'
wrk.headers["Content-Type"] = "application/json"
LUA
: >"$WORK/results"
for r in $(seq "$ROUNDS"); do
  echo "raw $(raw_rate) -" | tee -a "$WORK/results"
  for c in 1 32; do
    out=$(wrk -t1 -c$c -d"$DURATION" --latency -s "$WORK/post.lua" -H "Cookie: fascia_session=$cookie" "$BASE/api/v1/journal/note")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    [[ -z "$non2xx" ]] || echo "  (round $r, $c writers: $non2xx answers were not 201)"
    echo "fascia-$c $(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out")" | tee -a "$WORK/results"
  done
done
median() { awk -v k="$1" '$1==k {print $2}' "$WORK/results" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
raw=$(median raw)
echo "== medians of $ROUNDS rounds: durable writes per second"
echo "SQLite raw commits (WAL, synchronous=FULL): $raw/s"
for c in 1 32; do
  m=$(median fascia-$c)
  p99=$(awk -v k=fascia-$c '$1==k {print $3}' "$WORK/results" | tr '\n' ' ')
  echo "fascia API, $c writer(s): $m/s = $(awk -v a="$m" -v b="$raw" 'BEGIN {printf "%.2f", a/b}') x raw; p99 per round: $p99"
done
