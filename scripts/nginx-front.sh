# Sourced by check-nginx.sh and cluster.sh: Debian's nginx with the frontend image's config
# (frontend/nginx/default.conf.template) in front of BACKEND_URL.
#   nginx_front DIR PORT BACKEND_URL [lines for the http block, e.g. an upstream]
# starts it with its files in DIR and waits until it answers; nginx_front_stop DIR stops it.
nginx_front() {
  local dir=$1 port=$2 backend=$3 extra=${4:-}
  mkdir -p "$dir"
  # nginx workers run as an unprivileged user: give them a readable copy of the SPA
  chmod 755 "$dir"
  cp -r frontend/dist "$dir/html"
  chmod -R a+rX "$dir/html"
  mkdir -m 777 "$dir/body" "$dir/proxy" "$dir/fastcgi" "$dir/uwsgi" "$dir/scgi"
  NGINX_PORT=$port NGINX_ROOT="$dir/html" BACKEND_URL="$backend" \
    envsubst '${NGINX_PORT} ${NGINX_ROOT} ${BACKEND_URL}' \
    <frontend/nginx/default.conf.template >"$dir/default.conf"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
error_log $dir/error.log warn;
pid $dir/nginx.pid;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $dir/access.log;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
$extra
  include $dir/default.conf;
}
CONF
  nginx -t -q -c "$dir/nginx.conf" -p "$dir"
  nginx -c "$dir/nginx.conf" -p "$dir"
  for _ in $(seq 1 20); do curl -sf "http://127.0.0.1:$port/" >/dev/null && return 0; sleep 0.2; done
  echo "nginx: not answering on $port"; cat "$dir/error.log"; return 1
}

nginx_front_stop() {
  [ -f "$1/nginx.pid" ] && nginx -c "$1/nginx.conf" -p "$1" -s stop 2>/dev/null || true
}
