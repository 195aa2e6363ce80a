#!/usr/bin/env bash
# Builds (backend + SPA) and starts ANTQ on http://localhost:${QUARKUS_HTTP_PORT:-8080}.
# Without QUARKUS_DATASOURCE_JDBC_URL it runs an embedded PostgreSQL with its files in
# ${ANTQ_DATA_DIR:-./data} and loads the demo data on first start.
set -euo pipefail
cd "$(dirname "$0")"
./backend/mvnw -B -q -f backend/pom.xml package -DskipTests -Dspotless.check.skip=true
exec java -Dfile.encoding=UTF-8 ${JAVA_OPTS:-} -jar backend/target/quarkus-app/quarkus-run.jar "$@"
