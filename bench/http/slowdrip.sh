#!/usr/bin/env bash
# The p99 of a normal client's GET /api/v1/today while 200 slow-drip clients
# are connected (each sends the start of a request, then one byte a second),
# next to the same client with none connected, taking turns in one run.
# Usage: bench/http/slowdrip.sh   (needs wrk, curl, node; FASCIA_BIN or a
#   built build/default/fascia). ROUNDS (default 3), DURATION (default 8s).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FASCIA_BIN=${FASCIA_BIN:-$ROOT/build/default/fascia}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$WORK"' EXIT

"$FASCIA_BIN" serve --port 0 --db "$WORK/f.db" --today 2026-11-23 --request-deadline 300 >"$WORK/serve.log" 2>&1 &
for _ in $(seq 100); do grep -q 'login?token=' "$WORK/serve.log" && break; sleep 0.1; done
login=$(grep -o 'http://127\.0\.0\.1:[0-9]*/login?token=[^ ]*' "$WORK/serve.log")
BASE=${login%%/login*}
PORT=${BASE##*:}
cookie=$(curl -s -o /dev/null -D - "$login" | tr -d '\r' | sed -n 's/^Set-Cookie: fascia_session=\([^;]*\).*/\1/p')
# A person with a plan, so /today does real work.
curl -s -o /dev/null -X PUT -H "Cookie: fascia_session=$cookie" -H 'Content-Type: application/json' \
  -d '{"regions":[{"region":"upper-trapezius","side":"both","pain":6}],"tools":["starter-kit"],"weekdays":[1,2,3,4,5,6],"minutes_per_session":20}' \
  "$BASE/api/v1/profile"
answers=$(curl -s "$BASE/api/v1/kb/questions" -H "Cookie: fascia_session=$cookie" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const q=JSON.parse(s);const a={};for(const x of (q.items??q)) a[x.id]={yes:false};console.log(JSON.stringify({answers:a}))})')
curl -s -o /dev/null -X POST -H "Cookie: fascia_session=$cookie" -H 'Content-Type: application/json' -d "$answers" "$BASE/api/v1/screening"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: fascia_session=$cookie" "$BASE/api/v1/today")
[[ $status == 200 ]] || { echo "slowdrip.sh: GET /api/v1/today answered $status, not 200" >&2; exit 1; }

cat >"$WORK/drip.mjs" <<'JS'
// 200 clients from 127.0.0.2 and 127.0.0.3 (100 each, under the per-address cap).
import net from 'node:net';
const port = Number(process.argv[2]);
for (let i = 0; i < 200; i++) {
  const s = net.connect({ port, host: '127.0.0.1', localAddress: i < 100 ? '127.0.0.2' : '127.0.0.3' });
  s.on('error', () => {});
  s.on('connect', () => s.write('GET /api/v1/health HTTP/1.1\r\nX-Slow: '));
  setInterval(() => s.writable && s.write('a'), 1000);
}
JS
: >"$WORK/results"
for r in $(seq "$ROUNDS"); do
  for mode in none drip; do
    pid=""
    if [[ $mode == drip ]]; then node "$WORK/drip.mjs" "$PORT" & pid=$!; sleep 2; fi
    out=$(wrk -t1 -c8 -d"$DURATION" --latency -H "Cookie: fascia_session=$cookie" "$BASE/api/v1/today")
    [[ -n $pid ]] && kill "$pid"
    echo "$mode $(awk '$1=="99%" {print $2}' <<<"$out") $(awk '/Requests\/sec/ {print $2}' <<<"$out")" | tee -a "$WORK/results"
  done
done
echo "== p99 and requests/s of a normal client (8 connections), per round"
for mode in none drip; do
  echo "$mode: $(awk -v m=$mode '$1==m {printf "%s (%s/s)  ", $2, $3}' "$WORK/results")"
done
