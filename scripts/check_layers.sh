#!/usr/bin/env bash
# The core stays free of I/O and third-party headers; each layer only looks
# inward (core <- app <- adapters <- server <- cli).
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
if grep -rnE '#include *[<"](sqlite3|yaml|yaml-cpp|boost|nlohmann|pqxx|sodium|CLI|fmt|fstream|iostream|filesystem|ctime)' src/fascia/core; then
  echo "check_layers: the core includes an I/O or third-party header (above)"; fail=1
fi
if grep -rnE '#include *"fascia/(adapters|server|cli)/' src/fascia/core src/fascia/app; then
  echo "check_layers: core or app depends on an outer layer (above)"; fail=1
fi
if grep -rnE '#include *"fascia/(server|cli)/' src/fascia/adapters; then
  echo "check_layers: an adapter depends on the server or the CLI (above)"; fail=1
fi
if grep -rnE '#include *"fascia/cli/' src/fascia/server; then
  echo "check_layers: the server depends on the CLI (above)"; fail=1
fi
# The HTTP library stays in the transport: Beast and Asio in
# http_transport.cpp, Boost.URL in request_target.cpp (ADR 0011).
if grep -rnE '#include *[<"]boost/' src tests --include='*.cpp' --include='*.hpp' |
   grep -vE '^src/fascia/server/(http_transport|request_target)\.cpp:'; then
  echo "check_layers: a file outside the HTTP transport includes Boost (above)"; fail=1
fi
# The PostgreSQL client stays in one adapter file (ADR 0014); the tests'
# database helper creates and drops their schemas with it.
if grep -rnE '#include *[<"](pqxx/|libpq-fe)' src tests bench --include='*.cpp' --include='*.hpp' |
   grep -vE '^(src/fascia/adapters/pg_connection|tests/unit/adapters/test_database)\.cpp:'; then
  echo "check_layers: a file outside pg_connection.cpp includes libpqxx or libpq (above)"; fail=1
fi
[ $fail -eq 0 ] && echo "check_layers: ok"
exit $fail
