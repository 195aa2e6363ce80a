#!/usr/bin/env bash
# Every test, in the order a failure is cheapest to find:
#   frontend: generated client matches openapi.yaml, Prettier, ESLint, tsc (strict), Vitest;
#   backend:  Spotless, generated server interfaces compile against the resources, @QuarkusTest +
#             REST Assured on a real (embedded) PostgreSQL with every response checked against
#             openapi.yaml, ArchUnit, then the packaged app (it serves the built SPA);
#   e2e:      Playwright in Debian's Chromium against the packaged app, nginx config, restarts;
#   deploy:   docker-compose.yml accepted by docker-compose (when installed), deploy/k8s consistent.
# Needs: a JDK 17+, Node 20+, and Debian's chromium and nginx (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")"
start=$(date +%s)
step() { printf '\n==== %s (%ss)\n' "$1" "$(($(date +%s) - start))"; }

step "frontend: install (npm ci)"
(cd frontend && npm ci --no-audit --no-fund)

step "frontend: contract, format, lint, types, unit tests"
(cd frontend && npm run check)

step "backend: format, contract, tests, package"
./backend/mvnw -B -f backend/pom.xml verify

step "e2e: packaged app in Chromium, nginx, restarts"
scripts/e2e.sh

step "deploy: docker-compose.yml, Kubernetes manifests"
if command -v docker-compose >/dev/null; then
  POSTGRES_PASSWORD=check ANTQ_ADMIN_USERNAME=check ANTQ_ADMIN_PASSWORD=check \
    docker-compose -f docker-compose.yml config -q
  echo "docker-compose.yml: valid"
else
  echo "docker-compose not installed: compose file not checked (apt-get install -y docker-compose)"
fi
scripts/check-k8s.py deploy/k8s

step "all tests passed"
