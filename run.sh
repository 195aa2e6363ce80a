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
# shellcheck disable=SC2086
exec java -Dfile.encoding=UTF-8 ${JAVA_OPTS:-$default_java_opts} -jar backend/target/quarkus-app/quarkus-run.jar "$@"
