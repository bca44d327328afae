#!/usr/bin/env bash
# Quickstart 1: set up, build, and start the main job on the embedded
# default: `fascia serve` on this machine only (127.0.0.1), with a demo
# account, printing the link to open in a browser. The demo's data is kept in
# build/demo/fascia.db (delete it to start over). PORT=8080 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default --target fascia
db=build/demo/fascia.db
mkdir -p build/demo
if ! ./build/default/fascia user list --db "$db" | grep -q '^demo '; then
  echo "demo-password" | ./build/default/fascia user add demo --db "$db" --password-stdin
fi
# A sample directory for the practitioner finder: six made-up practitioners
# around Walnut Creek, CA (docs/examples/directory.csv; an import replaces
# the directory of that name, so running this again changes nothing).
./build/default/fascia directory import docs/examples/directory.csv --name sample-east-bay --db "$db" >/dev/null
echo
echo "Demo account: name 'demo', password 'demo-password' (or use the one-time link below)."
echo "The finder holds a sample directory around Walnut Creek, CA (fascia find --near 'Walnut Creek')."
exec ./build/default/fascia serve --db "$db" --port "${PORT:-8080}"
