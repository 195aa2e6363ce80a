#!/usr/bin/env bash
# End-to-end checks against the packaged app (backend/target/quarkus-app), which serves the SPA:
#  1. it starts on an empty embedded PostgreSQL, loads the demo data and answers;
#  2. Playwright drives the Vietnamese UI in headless Chromium (screenshots in
#     frontend/e2e-screens: kept across the Playwright runs, which each empty test-results);
#  3. the frontend image's nginx config serves the SPA and proxies the API (Debian's nginx);
#  4. data survives a restart and a kill -9 of the app (the orphaned PostgreSQL is taken over),
#     and so do import jobs: killed mid-way, they finish after the restart, no row applied twice;
#  5. with QUARKUS_DATASOURCE_JDBC_URL set the app uses that server and starts nothing embedded;
#  6. with ANTQ_OIDC_ISSUER set it trusts an OpenID Connect provider (frontend/e2e/fake-idp.mjs):
#     discovery and JWKS fetched by the app, the SPA's code + PKCE flow driven by Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jar=backend/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "e2e: $jar is missing: build it first (./test.sh does)"; exit 1; }

data=$(mktemp -d -t antq-e2e-XXXXXX)
port=${ANTQ_E2E_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
log="$root/frontend/test-results/app.log"
mkdir -p "$root/frontend/test-results" "$root/frontend/e2e-screens"
pid=""
idp_pid=""

start_app() {
  # every Playwright test signs in from the same address: lift the per-address sign-in limit
  # a short job lease, so a job of a killed instance is taken over quickly; a member search
  # counts 5 matches (10,000 in production), so the demo data shows the "more than" answer;
  # map tiles from a host the browser tests answer themselves (the tile stub of location.spec)
  ANTQ_DATA_DIR="$data" QUARKUS_HTTP_PORT="$port" ANTQ_LOGINS_PER_MINUTE=1000 \
    ANTQ_MAP_TILE_URL='http://tiles.antq.test/{z}/{x}/{y}.png' ANTQ_MAP_ATTRIBUTION='Bản đồ nền thử nghiệm' \
    ANTQ_JOBS_LEASE_SECONDS=3 ANTQ_MEMBERS_SEARCH_LIMIT=5 java -Dfile.encoding=UTF-8 -jar "$jar" >>"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    if curl -sf "http://localhost:$port/q/health/ready" >/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "e2e: the app exited, see $log"; tail -40 "$log"; return 1; }
    sleep 0.5
  done
  echo "e2e: the app did not become ready, see $log"; return 1
}

stop_app() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  pid=""
}

cleanup() {
  stop_app
  [ -n "$idp_pid" ] && kill "$idp_pid" 2>/dev/null || true
  # a PostgreSQL orphaned by the kill -9 step is stopped by the next start; make sure none is left
  if [ -f "$data/postmaster.pid" ]; then
    kill "$(head -1 "$data/postmaster.pid")" 2>/dev/null || true
    sleep 1
  fi
  rm -rf "$data"
}
trap cleanup EXIT

echo "e2e: starting the packaged app on port $port (data in $data)"
t0=$(date +%s.%N)
start_app
t1=$(date +%s.%N)
printf 'e2e: ready in %.1f s (first start: initdb, migrations, demo data)\n' "$(echo "$t1 - $t0" | bc)"

(cd frontend && ANTQ_BASE_URL="http://localhost:$port" npx playwright test)

scripts/check-nginx.sh "http://localhost:$port"

# a bearer token of the demo administrator
token() {
  curl -sf -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"antq-demo-2025"}' "http://localhost:$port/api/auth/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
get() { curl -sf -H "Authorization: Bearer $(token)" "http://localhost:$port$1"; }

echo "e2e: anonymous callers get 401 problem+json"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/api/units")
[ "$code" = 401 ] || { echo "e2e: anonymous /api/units answered $code"; exit 1; }

echo "e2e: data survives a restart and a kill -9"
name="Kiểm tra bền vững $(date +%s)"
id=$(curl -sf -H 'Content-Type: application/json' -H "Authorization: Bearer $(token)" \
  -d "{\"name\":\"$name\",\"kind\":\"PROVINCE\",\"validFrom\":\"2025-07-01\"}" \
  "http://localhost:$port/api/units" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
stop_app
start_app
get "/api/units/$id" | grep -q "$name" || { echo "e2e: unit $id lost after restart"; exit 1; }
kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""
start_app
get "/api/units/$id" | grep -q "$name" || { echo "e2e: unit $id lost after kill -9"; exit 1; }
count=$(get "/api/units?kind=PROVINCE&size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalElements"])')
# 63 pre-2025 provinces + the test's own; demo data is loaded once, not on every start
[ "$count" -lt 100 ] || { echo "e2e: demo data loaded twice ($count provinces)"; exit 1; }
echo "e2e: unit $id is still there after a restart and a kill -9; demo data loaded once"

echo "e2e: import jobs killed mid-way finish after a restart, nothing applied twice"
for mode in partial all; do
  tag="crash$mode$(date +%s)"
  job=$(node scripts/job-crash.mjs submit "http://localhost:$port" "$mode" 6000 "$tag")
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  start_app
  node scripts/job-crash.mjs check "http://localhost:$port" "$job" 6000 "$tag"
done

echo "e2e: with QUARKUS_DATASOURCE_JDBC_URL set, the app uses that server and starts nothing"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""
pgport=$(sed -n 4p "$data/postmaster.pid")   # the orphaned server, used here as an external one
extlog="$root/frontend/test-results/app-external.log"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$pgport/postgres" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  ANTQ_DATA_DIR="$data/external" \
  QUARKUS_HTTP_PORT="$port" java -Dfile.encoding=UTF-8 -jar "$jar" >"$extlog" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
get "/api/units/$id" | grep -q "$name" || { echo "e2e: external database not used"; tail -30 "$extlog"; exit 1; }
if grep -q "Embedded PostgreSQL started" "$extlog"; then echo "e2e: an embedded PostgreSQL was started"; exit 1; fi
if grep -q "Demo data loaded" "$extlog"; then echo "e2e: demo data loaded into an external database"; exit 1; fi
stop_app
echo "e2e: external database used, nothing embedded started, no demo data"

echo "e2e: with ANTQ_OIDC_ISSUER set, people sign in at an OpenID Connect provider"
idplog="$root/frontend/test-results/fake-idp.log"
node frontend/e2e/fake-idp.mjs >"$idplog" 2>&1 &
idp_pid=$!
for _ in $(seq 1 50); do grep -q listening "$idplog" && break; sleep 0.1; done
idp_port=$(sed -n 's/^fake-idp listening on //p' "$idplog")
[ -n "$idp_port" ] || { echo "e2e: the fake OpenID Connect provider did not start"; cat "$idplog"; exit 1; }
oidc_data="$data/oidc"
ANTQ_DATA_DIR="$oidc_data" QUARKUS_HTTP_PORT="$port" \
  ANTQ_OIDC_ISSUER="http://127.0.0.1:$idp_port/realms/antq" ANTQ_OIDC_CLIENT_ID=antq-spa \
  ANTQ_OIDC_PROVIDER_NAME="Cổng đăng nhập thử nghiệm" \
  java -Dfile.encoding=UTF-8 -jar "$jar" >"$root/frontend/test-results/app-oidc.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"antq-demo-2025"}' "http://localhost:$port/api/auth/login")
[ "$code" = 409 ] || { echo "e2e: password sign-in answered $code with an OpenID Connect provider"; exit 1; }
(cd frontend && ANTQ_AUTH_MODE=oidc ANTQ_BASE_URL="http://localhost:$port" npx playwright test)
stop_app
# the embedded PostgreSQL of this instance is stopped with it; nothing else to clean
echo "e2e: OpenID Connect sign-in works; passwords are refused"
