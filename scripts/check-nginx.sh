#!/usr/bin/env bash
# Runs Debian's nginx with the frontend image's config (frontend/nginx/default.conf.template)
# in front of a running backend, and checks what a browser would get through it.
# Usage: scripts/check-nginx.sh http://localhost:PORT
set -euo pipefail
cd "$(dirname "$0")/.."
backend=${1:?usage: check-nginx.sh BACKEND_URL}
command -v nginx >/dev/null || { echo "nginx: not installed (apt-get install -y nginx)"; exit 1; }
[ -f frontend/dist/index.html ] || { echo "nginx: frontend/dist is missing: build first"; exit 1; }

. scripts/nginx-front.sh
dir=$(mktemp -d -t antq-nginx-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap 'nginx_front_stop "$dir"; sleep 0.3; rm -rf "$dir"' EXIT
nginx_front "$dir" "$port" "$backend"

base="http://127.0.0.1:$port"
fail() { echo "nginx: $*"; cat "$dir/error.log"; exit 1; }
curl -sf "$base/" | grep -q '<div id="root">' || fail "/ is not the SPA"
curl -sf "$base/don-vi?all=1" | grep -q '<div id="root">' || fail "/don-vi is not the SPA"
asset=$(grep -o '/assets/[^"]*\.js' frontend/dist/index.html | head -1)
curl -sfI "$base$asset" | grep -qi 'cache-control: public, immutable' || fail "$asset not cached"
auth=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"admin","password":"antq-demo-2025"}' \
  "$base/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])') ||
  fail "sign-in through nginx failed"
curl -sf -H "Authorization: Bearer $auth" "$base/api/units?size=1" | grep -q '"totalElements"' ||
  fail "/api is not proxied"
code=$(curl -s -o "$dir/problem.json" -w '%{http_code}' -H "Authorization: Bearer $auth" "$base/api/units/987654321")
[ "$code" = 404 ] && grep -q 'urn:antq:problem:not-found' "$dir/problem.json" || fail "API 404 not passed through"
curl -sf "$base/q/health/ready" | grep -q '"UP"' || fail "/q/health is not proxied"
# bodies above nginx's default go through: the backend holds each route to its own limit (an
# import job takes up to 64 MB) and answers problem+json, never nginx's HTML 413
head -c 3000000 /dev/zero | tr '\0' ' ' >"$dir/big.json"
code=$(curl -s -o "$dir/big-answer" -w '%{http_code} %{content_type}' -H "Authorization: Bearer $auth" \
  -H 'Content-Type: application/json' --data-binary @"$dir/big.json" "$base/api/import-jobs?resource=events")
case "$code" in
  4*application/problem+json*) ;;
  *) fail "a 3 MB import job through nginx answered $code: $(head -c 200 "$dir/big-answer")" ;;
esac
echo "nginx: config accepted; SPA, assets, /api and /q served through it on port $port; a 3 MB body reaches the backend ($code)"
# a new deployment while the app is installed: the browser is offered the new version
# (e2e/update.spec.ts changes this copy of the SPA as a deployment would)
(cd frontend && ANTQ_BASE_URL="$base" ANTQ_DEPLOYED_DIR="$dir/html" npx playwright test) ||
  fail "the new version was not offered (e2e/update.spec.ts)"
