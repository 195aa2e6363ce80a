#!/usr/bin/env bash
# T7 (issue 25): the packaged app with its demo data, opened by Chromium emulating a mid-range
# phone on slow 4G (benchmarks/phone-benchmark.mjs prints the figures beside the budgets).
#
#   benchmarks/phone-benchmark.sh            (after ./backend/mvnw -f backend/pom.xml package)
#
# Environment: BENCH_PHONE_DIR (default benchmarks/.phone-data, kept between runs),
# BENCH_PHONE_PORT (18570), BENCH_RUNS (3). Needs Debian's chromium and frontend/node_modules.
# Not part of ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=backend/target/quarkus-app/quarkus-run.jar
work=${BENCH_PHONE_DIR:-$(pwd)/benchmarks/.phone-data}
port=${BENCH_PHONE_PORT:-18570}
[ -f "$jar" ] || ./backend/mvnw -B -q -f backend/pom.xml package -DskipTests
[ -d frontend/node_modules ] || (cd frontend && npm ci --no-audit --no-fund)
mkdir -p "$work"
ANTQ_DATA_DIR="$work/pg" QUARKUS_HTTP_PORT="$port" ANTQ_LOGINS_PER_MINUTE=1000 \
  java -Dfile.encoding=UTF-8 -jar "$jar" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 720); do  # the first start loads the demo data
  curl -sf "http://localhost:$port/q/health/ready" > /dev/null && break
  kill -0 $app 2>/dev/null || { echo "the app stopped:"; tail -20 "$work/app.log"; exit 1; }
  sleep 0.5
done
node benchmarks/phone-benchmark.mjs "http://localhost:$port" "${BENCH_RUNS:-3}"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB"
