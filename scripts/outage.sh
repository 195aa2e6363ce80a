#!/usr/bin/env bash
# A database outage is a fault to survive (issue 24; docs/scaling-out.md). Not part of ./test.sh;
# .ci/run runs it after the test command (≈ 1.5 min). scripts/outage-check.mjs drives the load and
# checks the answers; this script gives it a database to lose:
#  1. an external PostgreSQL (Debian's server) stopped with "pg_ctl -m immediate" (every connection
#     cut, as when the server or its host dies) for 10 s under load, then started again;
#  2. the same server frozen (SIGSTOP of every PostgreSQL process: a server or a network that stops
#     answering without closing anything) for 10 s, then thawed: statements give up after the
#     app's read timeout (ANTQ_DB_READ_TIMEOUT, 4 s here, 30 s by default) and answer 503;
#  3. the embedded PostgreSQL of a packaged app killed with kill -9 under load: the app notices and
#     starts it again on the same data directory and port.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jar=backend/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "outage: $jar is missing: build it first (./test.sh does)"; exit 1; }
. scripts/pg-local.sh
[ -x "$pgbin/pg_ctl" ] || { echo "outage: PostgreSQL is not installed (apt-get install -y postgresql)"; exit 1; }
t_start=$(date +%s)

dir=$(mktemp -d -t antq-outage-XXXXXX)
chmod 755 "$dir"
logs="$root/frontend/test-results/outage"
rm -rf "$logs" && mkdir -p "$logs"
mkdir -p "$dir/pg"
pgsock="$dir/pg"
if [ "$(id -u)" = 0 ]; then chown postgres "$dir/pg"; fi
pgdata="$dir/pg/data"
pg_port=$(free_port) app_port=$(free_port)
app_pid=""

cleanup() {
  set +e
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  pg_stop "$pgdata"
  cp "$dir"/pg/*.log "$logs/" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

start_app() { # log [env...]
  local log=$1
  shift
  env QUARKUS_HTTP_PORT="$app_port" ANTQ_LOGINS_PER_MINUTE=1000 ANTQ_AUTH_SLOWDOWN_BASE=PT0S \
    ANTQ_SCHEDULER_POLL=PT0.5S ANTQ_HOUSEKEEPING_INTERVAL=PT2S ANTQ_INSTANCE_HEARTBEAT=PT1S "$@" \
    java -Dfile.encoding=UTF-8 -XX:+UseSerialGC -Xmx512m -jar "$jar" >>"$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$app_port/q/health/ready" >/dev/null && return 0
    kill -0 "$app_pid" 2>/dev/null || { echo "outage: the app exited"; tail -40 "$log"; return 1; }
    sleep 0.5
  done
  echo "outage: the app did not become ready"; tail -40 "$log"; return 1
}
stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

echo "outage: 1. external PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on $pg_port"
as_pg "$pgbin/initdb" -D "$pgdata" -U antq --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
pg_start "$pgdata" "$pg_port" "$dir/pg/external.log"
psql -h 127.0.0.1 -p "$pg_port" -U antq -d postgres -XAtq -c "CREATE DATABASE antq" >/dev/null
start_app "$logs/app-external.log" ANTQ_DEMO_DATA=true ANTQ_DATA_DIR="$dir/data-external" ANTQ_DB_READ_TIMEOUT=4 \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/antq" \
  QUARKUS_DATASOURCE_USERNAME=antq QUARKUS_DATASOURCE_PASSWORD=antq
ctl="$pgbin/pg_ctl -D $pgdata"
[ "$(id -u)" = 0 ] && ctl="runuser -u postgres -- $ctl"
OUTAGE_STOP="cd / && $ctl -m immediate -w stop >/dev/null" \
  OUTAGE_START="cd / && $ctl -l $dir/pg/external.log -w -t 60 -o '-p $pg_port -k $pgsock -c listen_addresses=127.0.0.1' start >/dev/null" \
  node scripts/outage-check.mjs external "http://127.0.0.1:$app_port" "$pg_port" antq antq

echo "outage: 2. the same PostgreSQL frozen (SIGSTOP), then thawed"
postgres_pids="pm=\$(head -1 $pgdata/postmaster.pid); echo \$pm \$(pgrep -P \$pm)"
OUTAGE_STOP="kill -STOP \$($postgres_pids)" OUTAGE_START="kill -CONT \$($postgres_pids)" \
  node scripts/outage-check.mjs frozen "http://127.0.0.1:$app_port" "$pg_port" antq antq
stop_app
pg_stop "$pgdata"

echo "outage: 3. the embedded PostgreSQL of a packaged app, killed with kill -9"
embedded="$dir/data-embedded"
start_app "$logs/app-embedded.log" ANTQ_DATA_DIR="$embedded"
emb_port=$(sed -n 4p "$embedded/postmaster.pid")
OUTAGE_STOP="kill -9 \$(head -1 $embedded/postmaster.pid)" OUTAGE_START="" \
  node scripts/outage-check.mjs embedded "http://127.0.0.1:$app_port" "$emb_port" postgres postgres
grep -q "Embedded PostgreSQL stopped by itself" "$logs/app-embedded.log" ||
  { echo "outage: the app did not log the embedded database's stop"; exit 1; }
stop_app

echo "outage: all checks passed ($(($(date +%s) - t_start)) s)"
