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
# what nginx refuses itself is problem+json too (frontend/nginx/default.conf.template)
problem_is() { # expected-status expected-type curl-args...
  local want=$1 type=$2
  shift 2
  local got
  got=$(curl -s -o "$dir/refused.json" -w '%{http_code} %{content_type}' "$@")
  [ "${got%% *}" = "$want" ] && [[ "$got" == *application/problem+json* ]] &&
    python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); assert p["type"]==sys.argv[2] and p["status"]==int(sys.argv[3]) and p["title"] and p["detail"]' \
      "$dir/refused.json" "urn:antq:problem:$type" "$want" ||
    fail "expected $want $type, got $got: $(head -c 300 "$dir/refused.json")"
}
problem_is 414 uri-too-long "$base/api/units?q=$(head -c 9000 /dev/zero | tr '\0' a)"
problem_is 431 headers-too-large -H "X-Big: $(head -c 9000 /dev/zero | tr '\0' a)" "$base/api/units"
problem_is 431 headers-too-large $(for i in 1 2 3 4 5; do printf -- "-H X-Big$i:%s " "$(head -c 7000 /dev/zero | tr '\0' a)"; done) "$base/api/units"
printf 'GET /api/units HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n' >"$dir/raw"
raw=$(python3 -c 'import socket,sys; s=socket.create_connection(("127.0.0.1",int(sys.argv[1]))); s.sendall(open(sys.argv[2],"rb").read()); s.shutdown(socket.SHUT_WR); print(s.makefile("rb").read().decode("utf8","replace"))' "$port" "$dir/raw")
[[ "$raw" == "HTTP/1.1 400"* && "$raw" == *"application/problem+json"* && "$raw" == *"urn:antq:problem:malformed-request"* ]] ||
  fail "a malformed request answered: $(head -c 300 <<<"$raw")"
# a backend that does not answer: 503 problem with Retry-After instead of nginx's 502 page
down="$dir/down"
down_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
nginx_front "$down" "$down_port" "http://127.0.0.1:$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
problem_is 503 service-unavailable "http://127.0.0.1:$down_port/api/units"
curl -sI "http://127.0.0.1:$down_port/api/units" | grep -qi '^retry-after: 5' || fail "no Retry-After from the front of a stopped backend"
nginx_front_stop "$down"
echo "nginx: its own refusals are problem+json: 414 (request line over 8 KB), 431 (a header over 8 KB, headers over 32 KB), 400 (unparsable), 503 with Retry-After (backend not answering)"
# a new deployment while the app is installed: the browser is offered the new version
# (e2e/update.spec.ts changes this copy of the SPA as a deployment would)
(cd frontend && ANTQ_BASE_URL="$base" ANTQ_DEPLOYED_DIR="$dir/html" npx playwright test) ||
  fail "the new version was not offered (e2e/update.spec.ts)"
