#!/usr/bin/env bash
# HTTP benchmark for `fascia serve`: wrk on loopback against GET /api/v1/today
# for a person with eight weeks of journal, next to nginx serving a static file
# of exactly the same size (and the same extra headers) in the same run.
# The two servers take turns (nginx, fascia, nginx, fascia, ...) so that a
# noisy neighbour hurts both alike. Reports the median requests/s and p99 of
# each, their ratios, whether fascia reaches half of nginx's rate, and the
# fascia server's resident memory idle and under load.
#
# Usage: bench/http/run.sh       (from anywhere; installs wrk and nginx-light
#                                 with apt-get when missing and run as root)
# Environment:
#   FASCIA_BIN  the fascia binary (default: $BUILD_DIR/fascia, built if missing)
#   BUILD_DIR   Release build directory (default build/bench-http)
#   ROUNDS      wrk runs per server (default 3)
#   DURATION    length of each wrk run (default 10s)
#   THREADS, CONNECTIONS   wrk -t / -c (default 2 and 32)
#   WARMUP      length of the warm-up run before each measured run (default 2s)
#   EXTRA_PATHS also measure these fascia paths once each, for comparison
#               (e.g. "/api/v1/health /api/v1/kb"); default none
#   RESULTS     JSON results file (default $BUILD_DIR/bench-results/http.json)
#   KEEP=1      keep the temp directory (database, nginx config, wrk output)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
BUILD_DIR=${BUILD_DIR:-build/bench-http}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-2s}
EXTRA_PATHS=${EXTRA_PATHS:-}
RESULTS=${RESULTS:-$BUILD_DIR/bench-results/http.json}
FIRST=2026-11-23   # first day of the journal
TODAY=2027-01-18   # the day after eight weeks of it (a Monday with sessions due)

# ---- tools -------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]]; then
    echo "== installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "run.sh: needs ${missing[*]} (apt-get install -y ${missing[*]}, as root)" >&2
    exit 1
  fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for tool in jq curl; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 1; }
done

# ---- build -------------------------------------------------------------------------
if [[ -z "${FASCIA_BIN:-}" ]]; then
  FASCIA_BIN="$BUILD_DIR/fascia"
  if [[ ! -x "$FASCIA_BIN" ]]; then
    echo "== build ($BUILD_DIR, Release)"
    [[ -f "$BUILD_DIR/build.ninja" ]] ||
      cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFASCIA_BUILD_BENCH=OFF \
        -DFASCIA_BUILD_TESTS=OFF >/dev/null
    ninja -C "$BUILD_DIR" fascia
  fi
fi
FASCIA=$(realpath "$FASCIA_BIN")
mkdir -p "$(dirname "$RESULTS")"

# ---- processes and clean-up ----------------------------------------------------------
WORK=$(mktemp -d /tmp/fascia-bench-http.XXXXXX)
SERVER_PID="" NGINX_PID="" SAMPLER_PID=""
cleanup() {
  for pid in $SAMPLER_PID $NGINX_PID $SERVER_PID; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $SAMPLER_PID $NGINX_PID $SERVER_PID; do
    wait "$pid" 2>/dev/null || true
  done
  if [[ "${KEEP:-0}" == 1 ]]; then echo "(kept $WORK)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== machine: $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   fascia: $FASCIA"
echo "   wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $ROUNDS rounds per server, $WARMUP warm-up each"

# ---- a journal with eight weeks of history, written through the CLI ------------------
# The person of bench/journal.sh (shared with bench/run.sh), 56 days from FIRST.
DB="$WORK/journal.db"
source "$ROOT/bench/journal.sh"
echo
echo "== preparing the journal: profile, screening (every answer no), 8 weeks of sessions, pain and check-ins"
write_journal "$FASCIA" "$DB" "$WORK" "$FIRST" 56
if command -v sqlite3 >/dev/null; then
  rows=$(sqlite3 "$DB" "select (select count(*) from session) || ' sessions, ' || (select count(*) from pain_entry)
    || ' pain entries, ' || (select count(*) from reaction_entry) || ' reactions'")
else
  rows="$sessions sessions"
fi
echo "   $rows; the server's today is $TODAY"

# ---- fascia serve ------------------------------------------------------------------
"$FASCIA" --db "$DB" --today "$TODAY" serve --port 0 >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
login=""
for _ in $(seq 100); do
  login=$(grep -o 'http://127\.0\.0\.1:[0-9]*/login?token=[^ ]*' "$WORK/serve.log" || true)
  [[ -n "$login" ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$login" ]] || { echo "run.sh: fascia serve printed no login link" >&2; cat "$WORK/serve.log" >&2; exit 1; }
BASE=${login%%/login*}
cookie=$(curl -s -o /dev/null -D - "$login" | tr -d '\r' |
  sed -n -E 's/^[Ss]et-[Cc]ookie: *fascia_session=([^;]*).*/\1/p' | head -1)
[[ -n "$cookie" ]] || { echo "run.sh: no fascia_session cookie from $login" >&2; exit 1; }
status=$(curl -s -o "$WORK/today.json" -w '%{http_code}' -H "Cookie: fascia_session=$cookie" "$BASE/api/v1/today")
[[ "$status" == 200 ]] || { echo "run.sh: GET /api/v1/today answered $status" >&2; cat "$WORK/today.json" >&2; exit 1; }
BODY_BYTES=$(stat -c %s "$WORK/today.json")
due=$(jq '.due | length' "$WORK/today.json" 2>/dev/null || echo '?')
rss_kib() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
RSS_IDLE=$(rss_kib "$SERVER_PID" VmRSS)
echo
echo "== fascia serve on $BASE (pid $SERVER_PID): GET /api/v1/today -> 200, $BODY_BYTES bytes, $due sessions due"
echo "   resident memory after start and one request: $((RSS_IDLE / 1024)) MiB"

# ---- nginx serving a static file of the same size -------------------------------------
# The file is the very body fascia sent. nginx adds the same security and
# cache headers fascia sends, so both answers are about the same size on the wire.
NG="$WORK/nginx"
mkdir -p "$NG/www/api/v1" "$NG/logs"
cp "$WORK/today.json" "$NG/www/api/v1/today"
chmod 755 "$WORK" "$NG" "$NG/www" "$NG/www/api" "$NG/www/api/v1"  # nginx workers run as nobody when started by root
chmod 644 "$NG/www/api/v1/today"
NGINX_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null ||
  echo $((20000 + RANDOM % 20000)))
cat >"$NG/nginx.conf" <<EOF
worker_processes auto;
pid $NG/nginx.pid;
error_log $NG/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 100000;
  client_body_temp_path $NG/client_body;
  proxy_temp_path $NG/proxy;
  fastcgi_temp_path $NG/fastcgi;
  uwsgi_temp_path $NG/uwsgi;
  scgi_temp_path $NG/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $NG/www;
    default_type application/json;
    add_header Content-Security-Policy "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; media-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    add_header X-Content-Type-Options nosniff;
    add_header Referrer-Policy no-referrer;
    add_header X-Frame-Options DENY;
    add_header Cache-Control no-store;
  }
}
EOF
"$NGINX" -p "$NG" -c "$NG/nginx.conf" -g 'daemon off;' 2>"$NG/logs/stderr.log" &
NGINX_PID=$!
NGINX_URL="http://127.0.0.1:$NGINX_PORT/api/v1/today"
for _ in $(seq 50); do
  curl -s -o /dev/null "$NGINX_URL" && break
  kill -0 "$NGINX_PID" 2>/dev/null || { cat "$NG/logs/stderr.log" >&2; exit 1; }
  sleep 0.1
done
nginx_bytes=$(curl -s "$NGINX_URL" | wc -c)
[[ "$nginx_bytes" == "$BODY_BYTES" ]] || { echo "run.sh: nginx sent $nginx_bytes bytes, not $BODY_BYTES" >&2; exit 1; }
echo "== nginx $("$NGINX" -v 2>&1 | sed 's/.*\///') on http://127.0.0.1:$NGINX_PORT (pid $NGINX_PID, worker_processes auto): the same $BODY_BYTES bytes"

# ---- wrk ---------------------------------------------------------------------------
# to_ms VALUE: wrk prints latencies as 812.00us, 3.41ms or 1.02s.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.3f", n }'
}
# TCP listen-queue overflows on this machine so far (TcpExt ListenOverflows):
# a connection that finds the accept queue full waits for a retransmission,
# at least 200 ms, which shows in p99.
listen_overflows() { awk '$1 == "TcpExt:" {if (!h) {split($0, n); h = 1} else for (i = 2; i <= NF; i++) if (n[i] == "ListenOverflows") print $i}' /proc/net/netstat; }
# run_wrk NAME URL [COOKIE]: warm-up, then a measured run, whose output stays
# in $WORK/wrk-NAME.txt; prints "rps p99_ms non2xx socket_errors listen_overflows"
run_wrk() {
  local name=$1 url=$2 header=()
  [[ -n "${3:-}" ]] && header=(-H "Cookie: fascia_session=$3")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${header[@]}" "$url" >/dev/null
  local out="$WORK/wrk-$name.txt" before
  before=$(listen_overflows)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$url" >"$out"
  local rps p99 non2xx errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")
  errors=$(awk '/Socket errors:/ {s = 0; for (i = 4; i <= NF; i += 2) s += $i; print s}' "$out")
  echo "${rps:-0} ${p99:-0} ${non2xx:-0} ${errors:-0} $(($(listen_overflows) - before))"
}
# Samples the server's VmRSS every 0.2 s while wrk runs; keeps the largest.
sample_rss() {
  local max=0 v
  while kill -0 "$SERVER_PID" 2>/dev/null; do
    v=$(rss_kib "$SERVER_PID" VmRSS || echo 0)
    ((v > max)) && max=$v && echo "$max" >"$WORK/rss-max"
    sleep 0.2
  done
}
echo 0 >"$WORK/rss-max"
sample_rss &
SAMPLER_PID=$!

nginx_rps=() nginx_p99=() fascia_rps=() fascia_p99=() fascia_overflows=()
bad=0
echo
printf '   %-6s %-7s %12s %10s %8s %7s %10s\n' round server "requests/s" "p99 ms" non-2xx errors overflows
for round in $(seq "$ROUNDS"); do
  for server in nginx fascia; do
    if [[ $server == nginx ]]; then
      read -r rps p99 non2xx errors overflows < <(run_wrk "nginx-$round" "$NGINX_URL")
      nginx_rps+=("$rps") nginx_p99+=("$p99")
    else
      read -r rps p99 non2xx errors overflows < <(run_wrk "fascia-$round" "$BASE/api/v1/today" "$cookie")
      fascia_rps+=("$rps") fascia_p99+=("$p99") fascia_overflows+=("$overflows")
    fi
    ((non2xx > 0 || errors > 0)) && bad=1
    printf '   %-6s %-7s %12s %10s %8s %7s %10s\n' "$round" "$server" "$rps" "$p99" "$non2xx" "$errors" "$overflows"
  done
done

extra_json="[]"
for path in $EXTRA_PATHS; do
  read -r rps p99 non2xx errors overflows < <(run_wrk "extra${path//\//-}" "$BASE$path" "$cookie")
  printf '   %-6s %-7s %12s %10s %8s %7s %10s   %s\n' extra fascia "$rps" "$p99" "$non2xx" "$errors" "$overflows" "$path"
  extra_json=$(jq -c --arg p "$path" --argjson r "$rps" --argjson l "$p99" '. + [{path: $p, requests_per_s: $r, p99_ms: $l}]' <<<"$extra_json")
done

kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
RSS_LOAD=$(cat "$WORK/rss-max")
RSS_HWM=$(rss_kib "$SERVER_PID" VmHWM)
RSS_AFTER=$(rss_kib "$SERVER_PID" VmRSS)

# ---- summary -------------------------------------------------------------------------
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
n_rps=$(median "${nginx_rps[@]}") n_p99=$(median "${nginx_p99[@]}")
f_rps=$(median "${fascia_rps[@]}") f_p99=$(median "${fascia_p99[@]}")
read -r rps_ratio p99_ratio met < <(awk -v fr="$f_rps" -v nr="$n_rps" -v fl="$f_p99" -v nl="$n_p99" 'BEGIN {
  r = fr / nr; printf "%.3f %.2f %s\n", r, fl / nl, (r >= 0.5 ? "yes" : "no") }')

echo
echo "== summary (medians of $ROUNDS runs each; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v nr="$n_rps" -v nl="$n_p99" -v fr="$f_rps" -v fl="$f_p99" -v rr="$rps_ratio" -v lr="$p99_ratio" -v met="$met" 'BEGIN {
  printf "   %-30s %12s %10s\n", "", "requests/s", "p99"
  printf "   %-30s %12.0f %8.2f ms\n", "nginx, static file", nr, nl
  printf "   %-30s %12.0f %8.2f ms\n", "fascia GET /api/v1/today", fr, fl
  printf "   %-30s %11.2f x %8.2f x\n", "fascia / nginx", rr, lr
  printf "   target fascia >= 0.5 x nginx requests/s: %s\n", (met == "yes" ? "met" : "MISSED")
}'
echo "   fascia resident memory: idle $((RSS_IDLE / 1024)) MiB, under load up to $((RSS_LOAD / 1024)) MiB" \
  "(VmHWM $((RSS_HWM / 1024)) MiB), after the runs $((RSS_AFTER / 1024)) MiB"
((bad)) && echo "   WARNING: some runs had non-2xx answers or socket errors (see the table)"

jq -n --arg date "$(date -u +%FT%TZ)" --arg machine "$(nproc) cores, $(uname -sr)" \
  --arg wrk "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency" --argjson rounds "$ROUNDS" \
  --argjson body "$BODY_BYTES" --arg journal "$rows" \
  --argjson nr "$(printf '%s\n' "${nginx_rps[@]}" | jq -s -c .)" --argjson nl "$(printf '%s\n' "${nginx_p99[@]}" | jq -s -c .)" \
  --argjson fr "$(printf '%s\n' "${fascia_rps[@]}" | jq -s -c .)" --argjson fl "$(printf '%s\n' "${fascia_p99[@]}" | jq -s -c .)" \
  --argjson fo "$(printf '%s\n' "${fascia_overflows[@]}" | jq -s -c .)" \
  --argjson nrm "$n_rps" --argjson nlm "$n_p99" --argjson frm "$f_rps" --argjson flm "$f_p99" \
  --argjson rr "$rps_ratio" --argjson lr "$p99_ratio" --arg met "$met" \
  --argjson ri "$RSS_IDLE" --argjson rl "$RSS_LOAD" --argjson rh "$RSS_HWM" --argjson extra "$extra_json" '{
    date: $date, machine: $machine, wrk: $wrk, rounds: $rounds, body_bytes: $body, journal: $journal,
    nginx: {requests_per_s: $nr, p99_ms: $nl, median_requests_per_s: $nrm, median_p99_ms: $nlm},
    fascia_today: {requests_per_s: $fr, p99_ms: $fl, listen_overflows: $fo, median_requests_per_s: $frm, median_p99_ms: $flm},
    ratio: {requests_per_s: $rr, p99: $lr}, target_half_of_nginx_met: ($met == "yes"),
    fascia_rss_kib: {idle: $ri, under_load_max_sampled: $rl, vmhwm: $rh}, extra: $extra}' >"$RESULTS"
echo "   results: $RESULTS"
