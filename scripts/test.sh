#!/usr/bin/env bash
# Quickstart 2: set up, then build and run every test — unit, properties,
# golden scenarios, CLI integration — and the same again under ASan + UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/check_layers.sh
cmake --workflow --preset default
cmake --workflow --preset asan
