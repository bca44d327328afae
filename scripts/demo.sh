#!/usr/bin/env bash
# Quickstart 1: set up, build, and run the main job on the embedded default —
# screening, plan and today's session for a sample desk worker, in a
# throwaway SQLite database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default --target fascia
./build/default/fascia demo
