#!/usr/bin/env bash
# Start-up time and memory of the packaged app with its embedded PostgreSQL.
# Prints: time from `java -jar` to the first answered API request, and the RSS of the JVM and of
# the PostgreSQL processes after start, for a first start (initdb + migrations + demo data) and
# a second start on the same data directory — started as run.sh starts it: the JDK it prefers,
# its JVM flags and the start-up cache (MEASURE_START_CACHE=false: without the cache).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=backend/target/quarkus-app/quarkus-run.jar
java=$(scripts/pick-java.sh)
opts=${JAVA_OPTS:-$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' run.sh)}
cache=""
if [ "${MEASURE_START_CACHE:-true}" != false ]; then
  cache=$(backend/start-cache.sh "$java" backend/target/quarkus-app backend/target/app-run "$opts")
  [ -n "$cache" ] && jar=backend/target/app-run/quarkus-run.jar
fi
echo "$("$java" -version 2>&1 | head -1); flags: $opts ${cache:-(no start-up cache)}"
data=$(mktemp -d -t antq-measure-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
pg_rss_kb() {
  local total=0
  for p in $(pgrep -f "postgres.*-D $data" || true) $(pgrep -P "$(pgrep -f "postgres.*-D $data" | head -1)" 2>/dev/null || true); do
    total=$((total + $(rss_kb "$p" 2>/dev/null || echo 0)))
  done
  echo $total
}

for run in first second; do
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  ANTQ_DATA_DIR="$data" QUARKUS_HTTP_PORT=$port "$java" -Dfile.encoding=UTF-8 $opts $cache -jar "$jar" >"$data.$run.log" 2>&1 &
  pid=$!
  # the first request the API answers (401 without a token is an answer)
  until [ "$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/api/units?size=1")" = 401 ]; do sleep 0.05; done
  t1=$(date +%s%N)
  sleep 2
  printf '%-6s start: %5d ms to the first answered request; JVM RSS %d MB; PostgreSQL RSS %d MB\n' \
    "$run" $(((t1 - t0) / 1000000)) $(($(rss_kb $pid) / 1024)) $(($(pg_rss_kb) / 1024))
  kill $pid; wait $pid 2>/dev/null || true
  rm -f "$data.$run.log"
done
