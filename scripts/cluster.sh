#!/usr/bin/env bash
# Several stateless instances on one PostgreSQL, proved on loopback (issue 10; docs/scaling-out.md).
# Not part of ./test.sh; .ci/run runs it after the test command.
#
#  1. a PostgreSQL primary (Debian's postgresql package) with WAL archiving, a streaming replica
#     made by pg_basebackup -R, and a base backup for the restore test;
#  2. two packaged backends (ports A, B) started together on the empty primary (one migrates, the
#     seeds and the token signing pair are made once), reading reports from the replica;
#  3. Debian's nginx in front of both with the frontend image's config
#     (frontend/nginx/default.conf.template; only the upstream list is this script's);
#  4. scripts/cluster-check.mjs, through nginx: sign-in on one instance and the token used on the
#     other, a lockout counted across both, an import job started on one and followed on the
#     other, an idempotent retry landing on the other, instance B killed (kill -9) mid-traffic with
#     no failed request beyond those in flight and nothing lost, reports read on the replica only
#     and how stale they were, reports falling back to the primary when the replica stops;
#  5. the scheduled tasks (housekeeping, deadline reminders, e-mail digest) ran exactly once per
#     slot across both instances;
#  6. the base backup + archived WAL restored into a new server holds every row written after
#     the backup was taken.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
. scripts/nginx-front.sh
jar=backend/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "cluster: $jar is missing: build it first (./test.sh does)"; exit 1; }
[ -f frontend/dist/index.html ] || { echo "cluster: frontend/dist is missing: build first"; exit 1; }
command -v nginx >/dev/null || { echo "cluster: nginx is not installed (apt-get install -y nginx)"; exit 1; }
. scripts/pg-local.sh
[ -x "$pgbin/pg_basebackup" ] || { echo "cluster: PostgreSQL is not installed (apt-get install -y postgresql)"; exit 1; }
t_start=$(date +%s)

dir=$(mktemp -d -t antq-cluster-XXXXXX)
chmod 755 "$dir"
logs="$root/frontend/test-results/cluster"
rm -rf "$logs" && mkdir -p "$logs"
mkdir -p "$dir/pg"
pgsock="$dir/pg"
if [ "$(id -u)" = 0 ]; then chown postgres "$dir/pg"; fi
primary="$dir/pg/primary" replica="$dir/pg/replica" backup="$dir/pg/backup" archive="$dir/pg/archive"
restored="$dir/pg/restored"
pg_port=$(free_port) replica_port=$(free_port) restored_port=$(free_port)
port_a=$(free_port) port_b=$(free_port) nginx_port=$(free_port)
pid_a="" pid_b="" last_pid=""

cleanup() {
  set +e
  for p in $pid_a $pid_b; do kill "$p" 2>/dev/null; done
  nginx_front_stop "$dir/nginx"
  sleep 1
  for d in "$primary" "$replica" "$restored"; do pg_stop "$d"; done
  cp "$dir"/pg/*.log "$logs/" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

echo "cluster: PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') primary on $pg_port, WAL archived to $archive"
as_pg mkdir -p "$archive"
as_pg "$pgbin/initdb" -D "$primary" -U antq --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$primary/postgresql.conf" <<CONF
wal_level = replica
max_wal_senders = 5
archive_mode = on
archive_command = 'test ! -f $archive/%f && cp %p $archive/%f'
log_line_prefix = '%m [%p] %d '
log_min_duration_statement = 0
CONF
pg_start "$primary" "$pg_port" "$dir/pg/primary.log"
psql -h 127.0.0.1 -p "$pg_port" -U antq -d postgres -XAtq -c "CREATE DATABASE antq" >/dev/null

jdbc="jdbc:postgresql://127.0.0.1:$pg_port/antq"
start_instance() { # name port [extra env...]
  local name=$1 port=$2
  shift 2
  env QUARKUS_DATASOURCE_JDBC_URL="$jdbc" QUARKUS_DATASOURCE_USERNAME=antq QUARKUS_DATASOURCE_PASSWORD=antq \
    ANTQ_INSTANCE_ID="$name" ANTQ_DATA_DIR="$dir/data-$name" QUARKUS_HTTP_PORT="$port" \
    ANTQ_REPORTS_DB_URL="jdbc:postgresql://127.0.0.1:$replica_port/antq" \
    ANTQ_LOGINS_PER_MINUTE=1000 ANTQ_AUTH_SLOWDOWN_BASE=PT0S ANTQ_JOBS_LEASE_SECONDS=5 \
    ANTQ_SCHEDULER_POLL=PT0.5S ANTQ_HOUSEKEEPING_INTERVAL=PT2S ANTQ_INSTANCE_HEARTBEAT=PT1S "$@" \
    java -Dfile.encoding=UTF-8 -XX:+UseSerialGC -Xmx512m -jar "$jar" >>"$logs/app-$name.log" 2>&1 &
  last_pid=$!
}
stop_instance() { # pid
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
wait_ready() { # port pid name
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$1/q/health/ready" >/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "cluster: instance $3 exited"; tail -40 "$logs/app-$3.log"; return 1; }
    sleep 0.5
  done
  echo "cluster: instance $3 did not become ready"; tail -40 "$logs/app-$3.log"; return 1
}

echo "cluster: base backup for the restore test, then a streaming replica on $replica_port"
backup_at=$(psql_at "$pg_port" "SELECT now()")
as_pg "$pgbin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U antq -D "$backup" -Fp -Xstream -c fast
as_pg "$pgbin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U antq -D "$replica" -Fp -Xstream -c fast -R
pg_start "$replica" "$replica_port" "$dir/pg/replica.log"
[ "$(psql_at "$replica_port" "SELECT pg_is_in_recovery()")" = t ] || { echo "cluster: the replica is not in recovery"; exit 1; }
# the replica's WAL receiver connects a moment after the server accepts connections
streaming=0
for _ in $(seq 1 60); do
  streaming=$(psql_at "$pg_port" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
  [ "$streaming" = 1 ] && break
  sleep 0.5
done
[ "$streaming" = 1 ] || { echo "cluster: the replica is not streaming after 30 s"; tail -20 "$dir/pg/replica.log"; exit 1; }

# both start at once on the empty database: one migrates (Flyway's lock), the seeds are made once
# (an advisory lock), a loads the demo data, they agree on one token signing pair
t0=$(date +%s.%N)
start_instance a "$port_a" ANTQ_DEMO_DATA=true
pid_a=$last_pid
start_instance b "$port_b"
pid_b=$last_pid
wait_ready "$port_a" "$pid_a" a
wait_ready "$port_b" "$pid_b" b
printf 'cluster: instances a (%s) and b (%s) ready in %.1f s, started together on an empty database\n' \
  "$port_a" "$port_b" "$(echo "$(date +%s.%N) - $t0" | bc)"
# the probes deploy/k8s gives Kubernetes
for probe in started ready live; do
  curl -sf "http://127.0.0.1:$port_a/q/health/$probe" | grep -q '"UP"' || { echo "cluster: /q/health/$probe is not UP"; exit 1; }
done
grep -q "Reports read from the reports database" "$logs/app-a.log" && grep -q "Reports read from the reports database" "$logs/app-b.log" ||
  { echo "cluster: the instances do not read reports from the replica"; exit 1; }
seeds=$(psql_at "$pg_port" "SELECT (SELECT count(*) - count(DISTINCT (catalogue, code)) FROM catalogue_item) + (SELECT count(*) - count(DISTINCT (authority_id, form_id, valid_from)) FROM award_power)")
[ "$seeds" = 0 ] || { echo "cluster: $seeds catalogue items or award powers were seeded twice"; exit 1; }
keys=$(psql_at "$pg_port" "SELECT count(*) FROM antq_keys.token_signing_key")
[ "$keys" = 1 ] || { echo "cluster: $keys token signing pairs"; exit 1; }

echo "cluster: nginx on $nginx_port in front of both (frontend/nginx/default.conf.template)"
ng="$dir/nginx"
# which instance answered each request: the checks read it back by their X-Check header; the
# upstream is what docker compose --scale backend=2 gives nginx: one name, several addresses
nginx_front "$ng" "$nginx_port" http://antq_backend "
  log_format cluster '\$http_x_check \$upstream_addr \$status \$request_method \$uri';
  access_log $ng/upstreams.log cluster;
  upstream antq_backend {
    server 127.0.0.1:$port_a;
    server 127.0.0.1:$port_b;
  }"

# the checks kill b themselves (kill -9 mid-traffic): not this shell's job any more
disown "$pid_b"
node scripts/cluster-check.mjs checks "http://127.0.0.1:$nginx_port" "$ng/upstreams.log" \
  "a=127.0.0.1:$port_a" "b=127.0.0.1:$port_b" "$pid_b" "$pg_port" "$replica_port"
pid_b=""

echo "cluster: reports read on the replica only; with the replica stopped, on the primary"
report_sql='/\* reads \*/'
on_replica=$(grep -c "$report_sql" "$dir/pg/replica.log" || true)
on_primary=$(grep -c "$report_sql" "$dir/pg/primary.log" || true)
writes_on_replica=$(grep -ciE 'statement: (INSERT|UPDATE|DELETE)|execute [^:]*: (INSERT|UPDATE|DELETE)' "$dir/pg/replica.log" || true)
echo "cluster: report statements: $on_replica on the replica, $on_primary on the primary; writes on the replica: $writes_on_replica"
[ "$on_replica" -gt 0 ] || { echo "cluster: no report statement reached the replica"; exit 1; }
[ "$on_primary" = 0 ] || { echo "cluster: report statements reached the primary while the replica was up"; exit 1; }
[ "$writes_on_replica" = 0 ] || { echo "cluster: a write reached the replica"; exit 1; }
pg_stop "$replica"
node scripts/cluster-check.mjs report "http://127.0.0.1:$nginx_port"
on_primary=$(grep -c "$report_sql" "$dir/pg/primary.log" || true)
[ "$on_primary" -gt 0 ] || { echo "cluster: with the replica stopped, the report did not read the primary"; exit 1; }
warned=$(grep -c "The reports database did not answer" "$logs/app-a.log" || true)
[ "$warned" = 1 ] || { echo "cluster: the replica's absence was logged $warned times (once expected)"; exit 1; }
echo "cluster: replica stopped: the report was answered from the primary ($on_primary statements, one warning)"

echo "cluster: scheduled housekeeping ran once per slot across the instances"
psql_at "$pg_port" "SELECT task, count(*), count(DISTINCT slot), string_agg(DISTINCT split_part(instance, '/', 1), ',') FROM scheduled_run GROUP BY task ORDER BY task" |
  while IFS='|' read -r task runs slots who; do
    echo "cluster:   $task: $runs runs, $slots slots, by instances $who"
    [ "$runs" = "$slots" ] || { echo "cluster: $task ran a slot twice"; exit 1; }
    [ "$runs" -ge 5 ] || { echo "cluster: $task ran only $runs times"; exit 1; }
  done
gaps=$(psql_at "$pg_port" "SELECT count(*) FROM (SELECT slot - lag(slot) OVER (PARTITION BY task ORDER BY slot) AS gap FROM scheduled_run) g WHERE gap IS NOT NULL AND (gap < interval '2 seconds' OR extract(epoch FROM gap)::numeric % 2 <> 0)")
[ "$gaps" = 0 ] || { echo "cluster: $gaps runs closer than a slot or off the grid"; exit 1; }
for task in deadline-reminders mail-digest; do
  ran=$(psql_at "$pg_port" "SELECT count(*) FROM scheduled_run WHERE task = '$task'")
  [ "$ran" -ge 5 ] || { echo "cluster: $task ran $ran times (5 or more expected)"; exit 1; }
done
both=$(psql_at "$pg_port" "SELECT count(DISTINCT split_part(instance, '/', 1)) FROM scheduled_run")
[ "$both" = 2 ] || { echo "cluster: only $both instance(s) ever ran the housekeeping (expected both to take turns)"; exit 1; }

echo "cluster: restore the base backup + archived WAL into a new server"
expected=$(psql_at "$pg_port" "SELECT count(*) || ' ' || coalesce(max(id), 0) || ' ' || coalesce(sum(hashtext(title)), 0) FROM event")
after_backup=$(psql_at "$pg_port" "SELECT count(*) FROM event WHERE created_at > '$backup_at'")
lsn=$(psql_at "$pg_port" "SELECT pg_walfile_name(pg_switch_wal())")
for _ in $(seq 1 100); do
  [ -f "$archive/$lsn" ] && break
  sleep 0.2
done
[ -f "$archive/$lsn" ] || { echo "cluster: WAL segment $lsn was not archived"; exit 1; }
as_pg cp -a "$backup" "$restored"
cat >>"$restored/postgresql.conf" <<CONF
restore_command = 'cp $archive/%f %p'
recovery_target_timeline = 'latest'
archive_mode = off
CONF
as_pg touch "$restored/recovery.signal"
t0=$(date +%s.%N)
pg_start "$restored" "$restored_port" "$dir/pg/restored.log"
for _ in $(seq 1 300); do
  [ "$(psql_at "$restored_port" "SELECT pg_is_in_recovery()" 2>/dev/null)" = f ] && break
  sleep 0.2
done
got=$(psql_at "$restored_port" "SELECT count(*) || ' ' || coalesce(max(id), 0) || ' ' || coalesce(sum(hashtext(title)), 0) FROM event")
printf 'cluster: restored in %.1f s; events (count, max id, checksum): primary %s, restored %s (%s written after the backup)\n' \
  "$(echo "$(date +%s.%N) - $t0" | bc)" "$expected" "$got" "$after_backup"
[ "$got" = "$expected" ] || { echo "cluster: the restored database differs from the primary"; exit 1; }
[ "$after_backup" -gt 0 ] || { echo "cluster: nothing was written after the backup: the WAL replay is untested"; exit 1; }

echo "cluster: all checks passed ($(($(date +%s) - t_start)) s)"
