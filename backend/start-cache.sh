#!/usr/bin/env bash
# The start-up cache of a packaged Quarkus app (aot-jar packaging: every class on the JDK's class
# path, where the JVM can cache it), written by a training run, for the JDK that will run it:
#   JDK 25 or later: an AOT cache (JEP 483/514/515: classes loaded and linked, method profiles)
#   JDK 17 to 24:    a dynamic AppCDS archive (classes loaded)
# Usage: backend/start-cache.sh JAVA APP_DIR RUN_DIR "JVM FLAGS" [AWAIT_PATH]
# APP_DIR is the packaged app (backend/target/quarkus-app); it is copied to RUN_DIR, trained there
# and the flags to start RUN_DIR/quarkus-run.jar with the cache are printed on stdout (nothing when
# the training failed: the app then starts as before). A cache is only valid for the very jars and
# JDK it was made with, so nothing is done again while the app's own jars, its libraries, the JDK
# and the flags are the same (Quarkus's generated-bytecode.jar is not byte-for-byte reproducible
# and is left out of that comparison; it follows from the others). The training run starts the app
# on a throwaway embedded database with the demo data and signs in, reads the lists, the summary
# report, imports a batch and stops (AWAIT_PATH other than /q/health/ready: only start and stop —
# the benchmark's empty app). Used by run.sh, the Dockerfile and benchmarks/benchmark.sh; needs curl.
set -euo pipefail
java=$1 src=$2 run=$3 flags=$4 await=${5:-/q/health/ready}
say() { echo "start-cache: $*" >&2; }
major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1)
if [ "${major:-0}" -ge 25 ]; then
  cache="$run/app.aot" record="-XX:AOTCacheOutput=$run/app.aot" use="-XX:AOTCache=$run/app.aot -Xlog:aot*=error"
else
  cache="$run/app.jsa" record="-XX:ArchiveClassesAtExit=$run/app.jsa" use="-XX:SharedArchiveFile=$run/app.jsa -Xlog:cds=error"
fi
# what a jar holds (names, sizes, CRCs: the bytes of the zip vary from build to build)
jar_sig() { if command -v unzip >/dev/null; then unzip -lv "$1" | awk 'length($7) == 8 && $7 ~ /^[0-9a-f]+$/ {print $8, $1, $7}' | sort; else sha256sum "$1"; fi; }
stamp=$( (cd "$src" && for j in app/*.jar quarkus/transformed-bytecode.jar quarkus-run.jar; do echo "$j"; jar_sig "$j"; done
  ls lib/main lib/boot 2>/dev/null; "$java" -version 2>&1; echo "$flags $await") | sha256sum | cut -c1-64)
if [ -f "$cache" ] && [ "$(cat "$run/.start-cache" 2>/dev/null)" = "$stamp" ]; then
  echo "$use"
  exit 0
fi
mkdir -p "$run"
find "$run" -mindepth 1 -delete
cp -a "$src/." "$run/"
data=$(mktemp -d -t antq-train-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18099)
say "training run on JDK $major (≈ 30 s, once per build): $(basename "$cache")"
# shellcheck disable=SC2086
ANTQ_DATA_DIR="$data/data" QUARKUS_HTTP_PORT=$port ANTQ_LOGINS_PER_MINUTE=1000 ANTQ_AUTH_SLOWDOWN_BASE=PT0S \
  "$java" -Dfile.encoding=UTF-8 $flags $record -Dquarkus.http.port=$port -jar "$run/quarkus-run.jar" >"$data/train.log" 2>&1 &
pid=$!
ok=0
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$port$await" && { ok=1; break; }
  kill -0 $pid 2>/dev/null || break
  sleep 0.3
done
# the workload: failures do not matter (only which code ran)
if [ "$ok" = 1 ] && [ "$await" = /q/health/ready ]; then (
  set +e +o pipefail
  base="http://127.0.0.1:$port/api"
  token=$(curl -sf "$base/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"antq-demo-2025"}' | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  auth=(-H "Authorization: Bearer $token")
  unit=$(curl -sf "${auth[@]}" "$base/units?size=1" | sed -n 's/.*"content":\[{"id":\([0-9]*\).*/\1/p')
  type=$(curl -sf "${auth[@]}" "$base/catalogues/EVENT_TYPE" | sed -n 's/^\[{"id":\([0-9]*\).*/\1/p')
  for path in auth/me "units?size=20" "models?size=20" "events?size=20" "awards?size=20" \
    "indicator-reports?size=20" "audit?size=20" "changes?limit=100" notifications/unread \
    "reports/summary?unitId=$unit&from=2025-01-01&to=2025-12-31" \
    "reporting/completeness?unitId=$unit&year=2025"; do
    curl -s -o /dev/null "${auth[@]}" "$base/$path"
  done
  curl -s -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' -H "Idempotency-Key: train-$$" \
    -d "{\"records\":[{\"externalId\":\"train-1\",\"data\":{\"typeId\":$type,\"title\":\"Huấn luyện\",\"startsAt\":\"2025-09-01T07:30:00+07:00\",\"endsAt\":\"2025-09-01T09:00:00+07:00\",\"unitId\":$unit,\"leadUnitId\":$unit,\"attendance\":20}}]}" \
    "$base/imports/events"
  curl -s -o /dev/null "http://127.0.0.1:$port/"
) fi
kill $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
rm -rf "$data"
if [ "$ok" = 1 ] && [ -s "$cache" ]; then
  echo "$stamp" >"$run/.start-cache"
  say "$(basename "$cache") written ($(($(stat -c %s "$cache") / 1048576)) MB)"
  echo "$use"
else
  rm -f "$cache"
  say "training failed: the app starts without a cache"
fi
