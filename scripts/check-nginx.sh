#!/usr/bin/env bash
# Runs Debian's nginx with the frontend image's config (frontend/nginx/default.conf.template)
# in front of a running backend, and checks what a browser would get through it.
# Usage: scripts/check-nginx.sh http://localhost:PORT
set -euo pipefail
cd "$(dirname "$0")/.."
backend=${1:?usage: check-nginx.sh BACKEND_URL}
command -v nginx >/dev/null || { echo "nginx: not installed (apt-get install -y nginx)"; exit 1; }
[ -f frontend/dist/index.html ] || { echo "nginx: frontend/dist is missing: build first"; exit 1; }

dir=$(mktemp -d -t antq-nginx-XXXXXX)
# nginx workers run as an unprivileged user: give them a readable copy of the SPA
chmod 755 "$dir"
cp -r frontend/dist "$dir/html"
chmod -R a+rX "$dir/html"
mkdir -m 777 "$dir/body" "$dir/proxy" "$dir/fastcgi" "$dir/uwsgi" "$dir/scgi"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
NGINX_PORT=$port NGINX_ROOT="$dir/html" BACKEND_URL="$backend" \
  envsubst '${NGINX_PORT} ${NGINX_ROOT} ${BACKEND_URL}' \
  <frontend/nginx/default.conf.template >"$dir/default.conf"
cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
error_log $dir/error.log warn;
pid $dir/nginx.pid;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $dir/access.log;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  include $dir/default.conf;
}
CONF
nginx -t -q -c "$dir/nginx.conf" -p "$dir"
nginx -c "$dir/nginx.conf" -p "$dir"
trap 'nginx -c "$dir/nginx.conf" -p "$dir" -s stop 2>/dev/null || true; sleep 0.3; rm -rf "$dir"' EXIT
for _ in $(seq 1 20); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done

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
echo "nginx: config accepted; SPA, assets, /api and /q served through it on port $port"
