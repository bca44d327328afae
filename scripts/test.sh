#!/usr/bin/env bash
# Quickstart 2: set up, then build and run every test — unit, properties,
# golden scenarios, CLI integration — and the same again under ASan + UBSan;
# then the HTTP API tests (incl. the kill test), on SQLite and again on
# PostgreSQL, and the browser tests in Debian's Chromium, against the server
# built above. The tests that need PostgreSQL get a throw-away local cluster
# (scripts/pg-cluster.sh), its URL in FASCIA_TEST_PG; it is stopped and
# deleted when this script ends.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/check_layers.sh
# In /tmp, not $TMPDIR: a short path (the socket's is limited to 107 bytes)
# that the server's user can reach. Synced (no PG_CLUSTER_NO_SYNC): the tests
# check durability.
pg_dir=$(mktemp -d -p /tmp fascia-pg.XXXXXX)
trap 'bash scripts/pg-cluster.sh stop "$pg_dir" || true; rm -rf "$pg_dir"' EXIT
FASCIA_TEST_PG=$(PG_CLUSTER_NO_SYNC=0 bash scripts/pg-cluster.sh start "$pg_dir")
export FASCIA_TEST_PG
cmake --workflow --preset default
cmake --workflow --preset asan
export FASCIA_BIN="$PWD/build/default/fascia"
(cd tests/api && npm test)
# The whole API suite again with every server on PostgreSQL.
(cd tests/api && FASCIA_API_ENGINE=postgresql npm test)
(cd web && npm run --silent typecheck && npm test)
