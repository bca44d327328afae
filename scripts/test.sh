#!/usr/bin/env bash
# Quickstart 2: set up, then build and run every test — unit, properties,
# golden scenarios, CLI integration — and the same again under ASan + UBSan;
# then the HTTP API tests (incl. the kill test) and the browser tests in
# Debian's Chromium, against the server built above.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/check_layers.sh
cmake --workflow --preset default
cmake --workflow --preset asan
export FASCIA_BIN="$PWD/build/default/fascia"
(cd tests/api && npm test)
(cd web && npm run --silent typecheck && npm test)
