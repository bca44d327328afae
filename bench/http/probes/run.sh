#!/usr/bin/env bash
# ADR 0011's measurement: the smallest Boost.Beast server and the smallest GNU
# libmicrohttpd server (both on 2 threads, both answering with a fixed body of
# 11,111 bytes) next to nginx serving a static file of the same size, with wrk
# on loopback at 32 and at 512 kept-alive connections. The three take turns,
# ROUNDS times each; prints the median requests/s and p99 of each and the
# ratios to nginx measured in the same run.
# Usage: bench/http/probes/run.sh   (needs g++, libboost1.81-dev,
#   libmicrohttpd-dev, wrk, nginx-light; installs them when run as root)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
BYTES=11111
if [[ $(id -u) == 0 ]]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    g++ libboost1.81-dev libmicrohttpd-dev wrk nginx-light jq >/dev/null
fi
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; [[ -f $tmp/nginx.pid ]] && kill $(cat $tmp/nginx.pid) 2>/dev/null; rm -rf "$tmp"' EXIT
g++ -O2 -std=c++20 beast_probe.cpp -o "$tmp/beast_probe" -lpthread
g++ -O2 -std=c++20 mhd_probe.cpp -o "$tmp/mhd_probe" -lmicrohttpd
head -c $BYTES /dev/zero | tr '\0' x >"$tmp/file.json"
cat >"$tmp/nginx.conf" <<NGINX
worker_processes 2; pid $tmp/nginx.pid; error_log $tmp/error.log;
events { worker_connections 4096; }
http { access_log off; sendfile on; keepalive_requests 100000;
  client_body_temp_path $tmp; proxy_temp_path $tmp; fastcgi_temp_path $tmp; uwsgi_temp_path $tmp; scgi_temp_path $tmp;
  server { listen 127.0.0.1:18080; location / { root $tmp; default_type application/json; } } }
NGINX
/usr/sbin/nginx -c "$tmp/nginx.conf" -p "$tmp"
"$tmp/beast_probe" 18081 2 $BYTES &
"$tmp/mhd_probe" 18082 2 $BYTES &
sleep 0.5
declare -A url=([nginx]=http://127.0.0.1:18080/file.json [beast]=http://127.0.0.1:18081/ [mhd]=http://127.0.0.1:18082/)
ulimit -n 20000
for c in 32 512; do
  for r in $(seq "$ROUNDS"); do
    for s in nginx beast mhd; do
      out=$(wrk -t2 -c$c -d"$DURATION" --latency "${url[$s]}")
      rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
      p99=$(awk '$1=="99%" {print $2}' <<<"$out")
      echo "$c $s $rps $p99" | tee -a "$tmp/results"
    done
  done
done
echo "== medians (requests/s, p99) and ratio to nginx"
for c in 32 512; do
  declare -A med=()
  for s in nginx beast mhd; do
    med[$s]=$(awk -v c=$c -v s=$s '$1==c && $2==s {print $3}' "$tmp/results" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    p99=$(awk -v c=$c -v s=$s '$1==c && $2==s {print $4}' "$tmp/results" | tr '\n' ' ')
    echo "$c connections  $s  ${med[$s]} req/s  p99: $p99  ratio: $(awk -v a=${med[$s]} -v b=${med[nginx]} 'BEGIN {printf "%.2f", a/b}')"
  done
done
