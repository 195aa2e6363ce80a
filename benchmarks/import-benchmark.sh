#!/usr/bin/env bash
# Bulk import (integration issue; T6 of the performance issue): BENCH_ROWS events pushed through
# the API as one import job (every row through the same rules, territory checks, audit trail,
# change feed and pre-aggregates as POST /api/events), beside PostgreSQL COPY of the same rows
# into the same table (its triggers included) on the same database.
#
#   benchmarks/import-benchmark.sh            (after ./backend/mvnw -f backend/pom.xml package)
#
# Environment: BENCH_RESOURCE (events; models, COPY into community_model; awards, COPY into
# award_decision and award_recipient),
# BENCH_ROWS (100000), BENCH_WARMUP_ROWS (as many as BENCH_ROWS: a job run first and not timed),
# BENCH_PORT (18391), BENCH_DB_PORT (55441), JAVA_OPTS (by default the flags of run.sh). Needs curl, node
# and psql (Debian: postgresql-client). Starts the packaged app on a fresh embedded PostgreSQL
# with the demo data, removed afterwards. Not part of ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jar=backend/target/quarkus-app/quarkus-run.jar
rows=${BENCH_ROWS:-100000}
port=${BENCH_PORT:-18391}
dbport=${BENCH_DB_PORT:-55441}
work=$(mktemp -d -t antq-import-bench-XXXXXX)
[ -f "$jar" ] || ./backend/mvnw -B -q -f backend/pom.xml package -DskipTests

# the JVM flags of run.sh and the Dockerfile unless JAVA_OPTS says otherwise
java_opts=${JAVA_OPTS:-$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' run.sh)}
# shellcheck disable=SC2086
ANTQ_DATA_DIR="$work/pg" ANTQ_DB_PORT="$dbport" QUARKUS_HTTP_PORT="$port" \
  java -Dfile.encoding=UTF-8 $java_opts -jar "$jar" > "$work/app.log" 2>&1 &
app=$!
cleanup() {
  kill $app 2>/dev/null; wait $app 2>/dev/null || true
  [ -f "$work/pg/postmaster.pid" ] && kill "$(head -1 "$work/pg/postmaster.pid")" 2>/dev/null
  sleep 1; rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$port/q/health/ready" > /dev/null && break
  sleep 0.5
done
psql_() { psql -h localhost -p "$dbport" -U postgres -d postgres -X -q -t -A "$@"; }

resource=${BENCH_RESOURCE:-events}
case $resource in
  events) copy_into="event (type_id, title, starts_at, ends_at, unit_id, lead_unit_id, attendance)" ;;
  models) copy_into="community_model (name, type_id, field_id, unit_id, lead_orgs, target_communities, established_on, status, status_since, declared_members)" ;;
  awards) copy_into="award_decision (id, number, decided_on, authority_id, unit_id, issuer_name, form_id, type_id, reason)"
          recipients_into="award_recipient (decision_id, kind, unit_id, name, unit_name, position_no)" ;;
  *) echo "BENCH_RESOURCE: events, models or awards" >&2; exit 2 ;;
esac
echo "import benchmark: $rows $resource, $(nproc) cores, $(date -u +%F)"
api=$(BENCH_RESOURCE=$resource node benchmarks/import-benchmark.mjs "http://localhost:$port" "$rows" "$work/copy.csv")
echo "$api"
api_rate=$(sed -n 's/.*api_rows_per_s=\([0-9]*\).*/\1/p' <<< "$api")

# the same rows by COPY into the same table, triggers included (pre-aggregates, change feed), in
# transactions of 1,000 rows: one COPY of all rows in a single transaction updates the same
# pre-aggregate rows 100,000 times in it, and each update walks the row's growing version chain
# (quadratic: it had not finished after 9 minutes), which is not the floor we want to compare to
split -l 1000 -d -a 4 "$work/copy.csv" "$work/part-"
# awards: each part's recipients (one a decision) right after their decisions
if [ -f "$work/copy.csv.recipients" ]; then
  split -l 1000 -d -a 4 "$work/copy.csv.recipients" "$work/recipients-"
fi
for f in "$work"/part-*; do
  echo "\\copy $copy_into FROM '$f' WITH (FORMAT csv)"
  r="$work/recipients-${f##*/part-}"
  if [ -f "$r" ]; then echo "\\copy $recipients_into FROM '$r' WITH (FORMAT csv)"; fi
done > "$work/copy.sql"
t0=$(date +%s.%N)
psql_ -f "$work/copy.sql"
t1=$(date +%s.%N)
copy_s=$(echo "$t1 - $t0" | bc -l)
copy_rate=$(echo "$rows / $copy_s" | bc)
printf 'copy_seconds=%.1f copy_rows_per_s=%s\n' "$copy_s" "$copy_rate"
printf 'ratio api/copy = %.3f (issue 9 asks >= 0.2 and >= 10000 rows/s through the API)\n' \
  "$(echo "$api_rate / $copy_rate" | bc -l)"
