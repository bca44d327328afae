#!/usr/bin/env bash
# The one command for a clinic: `fascia serve` on a PostgreSQL database kept
# on this machine, with no system service. It sets up (SETUP_SKIP=1 skips
# that), builds fascia (a no-op when it is up to date), starts (or reuses)
# a local PostgreSQL 15 cluster with scripts/pg-cluster.sh, and runs
#
#   build/default/fascia --db "$url" serve "$@"
#
# so any `fascia serve` options may follow, e.g.
#   bash scripts/clinic-server.sh --bind 0.0.0.0 --public-origin https://clinic.example
# The server takes the database URL from --db or FASCIA_DB; other fascia
# commands reach the same data with `fascia --db "$(bash scripts/pg-cluster.sh url DIR)" ...`
# (e.g. `user add NAME --password-stdin` to make an account).
#
# The cluster's folder DIR is $FASCIA_PG_DIR, by default
# ${XDG_DATA_HOME:-~/.local/share}/fascia/postgresql; as root it is
# /var/lib/fascia/postgresql, because the server then runs as `nobody`, which
# cannot enter /root. The cluster keeps running after the server stops; stop it with
#   bash scripts/pg-cluster.sh stop DIR
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SETUP_SKIP:-0}" = 1 ] || bash scripts/setup.sh
# Always (a no-op when nothing changed): an older binary would take the URL for a file name.
cmake --preset default >/dev/null
cmake --build --preset default --target fascia
if [ "$(id -u)" -eq 0 ]; then
  dir=${FASCIA_PG_DIR:-/var/lib/fascia/postgresql}
else
  dir=${FASCIA_PG_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/fascia/postgresql}
fi
url=$(bash scripts/pg-cluster.sh start "$dir")
echo "clinic-server: database $url (stop it with: bash scripts/pg-cluster.sh stop $dir)" >&2
exec build/default/fascia --db "$url" serve "$@"
