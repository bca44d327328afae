#!/usr/bin/env bash
# A local PostgreSQL 15 cluster in a folder of its own, without any system
# service: data in DIR/data, server log in DIR/log, and the server listens
# only on a Unix socket in DIR (no TCP), so it cannot clash with another
# server. Authentication is trust for the user `fascia`, database `fascia`.
#
#   pg-cluster.sh start DIR [PORT]  create the cluster if DIR has none, start
#                                   it unless it runs, print its URL
#   pg-cluster.sh stop DIR          stop it (fine if it does not run)
#   pg-cluster.sh url DIR [PORT]    print its URL
#
# The URL (only thing on stdout) is postgresql://fascia@/fascia?host=DIR&port=PORT
# (DIR absolute, percent-encoded). PORT defaults to the running server's
# port, else 5432. PostgreSQL refuses to run as root, so as root a new
# cluster is created and run as `nobody`, which then owns DIR (an existing
# one runs as whoever owns DIR/data); DIR's parent folders must be
# searchable by that user (not under /root). PG_CLUSTER_NO_SYNC=1 makes
# initdb skip fsync (throw-away clusters only); the server itself always
# runs with fsync=on, synchronous_commit=on. Any local user may connect
# (trust, socket mode 0777): fine for tests, weigh it for real data.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
die() { echo "pg-cluster: $*" >&2; exit 1; }
usage() { die "usage: pg-cluster.sh start DIR [PORT] | stop DIR | url DIR [PORT]"; }

[ $# -ge 2 ] || usage
cmd=$1
[ -n "$2" ] || usage
dir=$(realpath -m -- "$2")  # absolute: libpq takes a host starting with / as a socket folder
data=$dir/data
log=$dir/log
# pg_ctl passes options through /bin/sh and unix_socket_directories is a
# comma-separated list, so keep DIR to characters that need no quoting.
[[ $dir =~ ^[A-Za-z0-9/._+@~-]+$ ]] || die "DIR '$dir' may only contain letters, digits and / . _ + @ ~ -"

# The port of the running server (from postmaster.pid line 4), if any.
running_port() { if [ -r "$data/postmaster.pid" ]; then sed -n 4p "$data/postmaster.pid"; fi; }
port=${3:-$(running_port)}
port=${port:-5432}
if ! [[ $port =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then die "PORT '$port' is not a port number"; fi
# The socket is DIR/.s.PGSQL.PORT; a Unix socket path has at most 107 bytes.
socket=$dir/.s.PGSQL.$port
[ ${#socket} -le 107 ] || die "DIR is too long for a Unix socket: $socket is ${#socket} bytes, at most 107 (use a shorter DIR)"

# As root, run the server side as the cluster's owner: nobody for a new one
# (from DIR, which the owner can enter).
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  owner=$(stat -c %U "$data" 2>/dev/null || echo nobody)
  as_owner=(runuser -u "$owner" --)
fi
run() { (cd "$dir" && "${as_owner[@]}" "$@"); }
owner=$("${as_owner[@]}" id -un)

url() {
  # Percent-encode DIR for the URI's query (everything but unreserved and /).
  local LC_ALL=C enc="" c i
  for ((i = 0; i < ${#dir}; i++)); do
    c=${dir:i:1}
    case $c in [A-Za-z0-9/._~-]) enc+=$c ;; *) enc+=$(printf '%%%02X' "'$c") ;; esac
  done
  echo "postgresql://fascia@/fascia?host=$enc&port=$port"
}

is_running() {
  [ -d "$data" ] || return 1
  run test -x "$data" || die "user $owner cannot enter $data (owned by $(stat -c %U "$data")); run this as root or as that user"
  run "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1
}

fail_start() {
  echo "pg-cluster: $1 (last lines of $log:)" >&2
  tail -n 20 "$log" >&2 2>/dev/null || true
  exit 1
}

start() {
  if is_running; then
    [ -z "${1:-}" ] || [ "$1" = "$(running_port)" ] || die "already running in $dir on port $(running_port), not $1"
    # It may still be starting (another start) or dying (killed): wait up to 20 s.
    for _ in {1..100}; do
      if "$bin/pg_isready" -q -h "$dir" -p "$port"; then url; return; fi
      is_running || break
      sleep 0.2
    done
    ! is_running || fail_start "a server runs in $data but does not accept connections"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    # Never take over (chown) a folder that holds something else.
    if [ -d "$dir" ] && find "$dir" -mindepth 1 -maxdepth 1 ! -name data ! -name log ! -name initdb.log | grep -q .; then
      die "$dir is not empty and holds no cluster; give an empty or new folder"
    fi
    # Every folder above DIR must be searchable by the server's user too.
    local up
    up=$(dirname "$dir")
    while [ ! -e "$up" ]; do up=$(dirname "$up"); done
    "${as_owner[@]}" test -x "$up" ||
      die "user $owner cannot reach $dir: $up or a folder above it is not searchable to $owner (like /root, mode 0700); choose a DIR elsewhere"
    mkdir -p "$dir"
    chmod 755 "$dir"  # others may enter to reach the socket (mktemp -d makes 0700)
    [ ${#as_owner[@]} -eq 0 ] || chown "$owner": "$dir"
    locale=C.UTF-8
    [ "$(LC_ALL=C.UTF-8 locale charmap 2>/dev/null)" = UTF-8 ] || locale=C
    nosync=()
    [ "${PG_CLUSTER_NO_SYNC:-0}" != 1 ] || nosync=(--no-sync)
    echo "pg-cluster: creating a cluster in $data (locale $locale)" >&2
    run "$bin/initdb" -D "$data" --auth=trust --username=fascia --encoding=UTF8 \
      --locale="$locale" "${nosync[@]}" >"$dir/initdb.log" 2>&1 ||
      { tail -n 20 "$dir/initdb.log" >&2; die "initdb failed in $data (full output in $dir/initdb.log)"; }
  fi
  run test -w "$dir" || die "user $owner cannot write $dir; is it another user's cluster?"
  echo "pg-cluster: starting PostgreSQL in $data, socket $socket" >&2
  run "$bin/pg_ctl" start -D "$data" -l "$log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories=$dir -c port=$port -c fsync=on -c synchronous_commit=on" >&2 ||
    fail_start "pg_ctl start failed for $data"
  local psql=("$bin/psql" -h "$dir" -p "$port" -U fascia -X -q -v ON_ERROR_STOP=1)
  if [ "$("${psql[@]}" -d postgres -tAc "select 1 from pg_database where datname = 'fascia'")" != 1 ]; then
    "$bin/createdb" -h "$dir" -p "$port" -U fascia fascia >&2 || fail_start "createdb fascia failed"
  fi
  url
}

stop() {
  if ! is_running; then
    echo "pg-cluster: no server running in $data" >&2
    return
  fi
  run "$bin/pg_ctl" stop -D "$data" -m fast -w -t 60 >&2 || die "pg_ctl stop failed for $data (see $log)"
}

case $cmd in
  start) [ $# -le 3 ] || usage; start "${3:-}" ;;
  stop) [ $# -eq 2 ] || usage; stop ;;
  url) [ $# -le 3 ] || usage; url ;;
  *) usage ;;
esac
