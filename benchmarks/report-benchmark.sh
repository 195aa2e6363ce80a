#!/usr/bin/env bash
# The 10-year province report over the nationwide dataset (reports issue; T3 of the performance
# issue). Loads or reuses the synthetic dataset in the packaged app's embedded PostgreSQL,
# warms the app up, then prints the report's median and p99 over BENCH_RUNS sequential requests
# beside the median of its two main SQL statements run directly in psql on the same database.
#
#   benchmarks/report-benchmark.sh            (after ./backend/mvnw -f backend/pom.xml package)
#
# Environment: BENCH_DATA_DIR (default benchmarks/.data, kept between runs), BENCH_RUNS (200),
# BENCH_PORT (18390), BENCH_DB_PORT (55439), BENCH_EVENTS (3000000), BENCH_MODELS (300000),
# BENCH_HAMLETS (100000). Needs curl and psql (Debian: postgresql-client); wrk (Debian: wrk) adds
# the kept-alive figure. Not part of ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jar=backend/target/quarkus-app/quarkus-run.jar
work=${BENCH_DATA_DIR:-$root/benchmarks/.data}
data=$work/pg
port=${BENCH_PORT:-18390}
dbport=${BENCH_DB_PORT:-55439}
runs=${BENCH_RUNS:-200}
events=${BENCH_EVENTS:-3000000}
[ -f "$jar" ] || ./backend/mvnw -B -q -f backend/pom.xml package -DskipTests
mkdir -p "$work"

ANTQ_DATA_DIR="$data" ANTQ_DB_PORT="$dbport" QUARKUS_HTTP_PORT="$port" ANTQ_DEMO_DATA=false \
  ANTQ_ADMIN_USERNAME=bench ANTQ_ADMIN_PASSWORD=bench-password-2025 ANTQ_LOGINS_PER_MINUTE=1000 \
  java -Dfile.encoding=UTF-8 -jar "$jar" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$port/q/health/ready" > /dev/null && break
  sleep 0.5
done
psql_() { psql -h localhost -p "$dbport" -U postgres -d postgres -X -q -t -A "$@"; }

have=$(psql_ -c "SELECT count(*) FROM event")
if [ "$have" -lt "$events" ]; then
  echo "generating the nationwide dataset (once; kept in $work) …"
  started=$(date +%s)
  psql_ -v provinces=34 -v communes=3321 -v hamlets="${BENCH_HAMLETS:-100000}" \
    -v models="${BENCH_MODELS:-300000}" -v events="$events" -f benchmarks/generate.sql > /dev/null
  echo "generated in $(( $(date +%s) - started )) s"
fi
psql_ -c "SELECT 'units ' || count(*) FROM unit" -c "SELECT 'models ' || count(*) FROM community_model" \
  -c "SELECT 'events ' || count(*) FROM event" -c "SELECT 'stat_event_month rows ' || count(*) FROM stat_event_month"

province=$(psql_ -c "SELECT id FROM unit WHERE name = 'Tỉnh Mẫu 01'")
token=$(curl -sf -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password-2025"}' \
  "http://localhost:$port/api/auth/login" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
url="http://localhost:$port/api/reports/summary?unitId=$province&from=2016-01-01&to=2025-12-31"
body=$(curl -sf -H "Authorization: Bearer $token" "$url")
echo "${body:0:400} …"

stats() { # reads milliseconds, one per line: median p99 min max
  sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; p=a[int(NR*0.99)>0?int(NR*0.99):NR];
    printf "%.1f %.1f %.1f %.1f", m, p, a[1], a[NR]}'
}
for _ in $(seq 1 30); do curl -sf -o /dev/null -H "Authorization: Bearer $token" "$url"; done
api=$(for _ in $(seq 1 "$runs"); do
  curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"
done | awk '{print $1 * 1000}' | stats)

# the report's two main queries (events by commune and year from their roll-up, the model
# counts through their covering index), in psql: each run's figure is their sum
sql="SELECT s.bucket_id, make_date(s.year, 1, 1), s.type_id, sum(s.events), sum(s.sessions),
 sum(s.attendance) FROM stat_event_bucket_year s
 WHERE s.province_id IN ($province) AND s.year >= 2016 AND s.year < 2026
 GROUP BY GROUPING SETS ((s.bucket_id, s.type_id), (s.year));
SELECT GROUPING(m.bucket_id, m.status, m.type_id, m.field_id, m.recognition_level, r.reg),
 m.bucket_id, m.status, m.type_id, m.field_id, m.recognition_level, r.reg, count(*),
 count(*) FILTER (WHERE r.reg IS NOT NULL) FROM community_model m CROSS JOIN LATERAL
 (SELECT CASE WHEN m.established_on >= DATE '2016-01-01' THEN m.established_on
 - CAST(extract(day FROM m.established_on) AS integer) + 1 END AS reg) r
 WHERE m.province_id IN ($province) AND m.established_on <= DATE '2025-12-31'
 GROUP BY GROUPING SETS ((m.bucket_id, m.status), (m.type_id), (m.field_id),
 (m.recognition_level), (r.reg));"
direct=$( { echo '\timing on'; for _ in $(seq 1 50); do echo "$sql"; done; } \
  | psql -h localhost -p "$dbport" -U postgres -d postgres -X -q -o /dev/null 2>&1 \
  | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | paste - - | awk '{print $1 + $2}' | stats)

# the same request over one kept-alive connection (wrk, Debian's package), when installed: no
# process start nor connection set-up per request, as a browser or a provincial system would
keepalive=""
if command -v wrk > /dev/null; then
  keepalive=$(wrk -t1 -c1 -d15s --latency -H "Authorization: Bearer $token" "$url" \
    | awk '/^ +(50|99)%/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else {sub(/s/,"",v); v*=1000}; printf "%.1f ", v}')
fi

read -r am ap amin amax <<< "$api"
read -r dm dp dmin dmax <<< "$direct"
echo
echo "| what | median ms | p99 ms | min–max ms |"
echo "|---|---|---|---|"
echo "| GET /api/reports/summary, 10-year province report ($runs runs) | $am | $ap | $amin–$amax |"
if [ -n "$keepalive" ]; then
  read -r km kp <<< "$keepalive"
  echo "| the same, one kept-alive connection (wrk, 15 s) | $km | $kp | |"
fi
echo "| its two main SQL statements in psql, summed (50 runs) | $dm | $dp | $dmin–$dmax |"
awk -v a="$am" -v d="$dm" 'BEGIN { printf "ratio API / SQL median: %.2f\n", a / d }'
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB; $(date -u +%F)"
