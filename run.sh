#!/usr/bin/env bash
# Builds (backend + SPA) and starts ANTQ on http://localhost:${QUARKUS_HTTP_PORT:-8080}.
# Without QUARKUS_DATASOURCE_JDBC_URL it runs an embedded PostgreSQL with its files in
# ${ANTQ_DATA_DIR:-./data} and loads the demo data on first start.
set -euo pipefail
cd "$(dirname "$0")"
./backend/mvnw -B -q -f backend/pom.xml package -DskipTests -Dspotless.check.skip=true
# JVM flags (override with JAVA_OPTS): the serial collector and a heap that gives memory back
# keep a started instance near 240 MB RSS on two cores (G1 defaults: 310 MB), same throughput
default_java_opts="-XX:+UseSerialGC -Xms48m -Xmx512m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
opts=${JAVA_OPTS:-$default_java_opts}
# The newest JDK 25+ found (JAVA_HOME, PATH, /usr/lib/jvm; ANTQ_JAVA names one), else JDK 17+.
# The app starts from a copy (backend/target/app-run) with the JVM's start-up cache, written by a
# training run after each build that changed the app (≈ 30 s; docs/performance.md T5): JDK 25+ an
# AOT cache (≈ 2.3 s to the first answer instead of 4.5 s), JDK 17–24 an AppCDS archive (≈ 2.9 s).
# ANTQ_START_CACHE=false starts the packaged app as it is.
java=$(scripts/pick-java.sh)
app=backend/target/quarkus-app cache=""
if [ "${ANTQ_START_CACHE:-true}" != false ]; then
  cache=$(backend/start-cache.sh "$java" "$app" backend/target/app-run "$opts" || true)
  [ -f backend/target/app-run/quarkus-run.jar ] && app=backend/target/app-run
fi
# shellcheck disable=SC2086
exec "$java" -Dfile.encoding=UTF-8 $opts $cache -jar "$app/quarkus-run.jar" "$@"
