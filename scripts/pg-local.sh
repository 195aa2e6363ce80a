# Sourced by cluster.sh and outage.sh: Debian's PostgreSQL server on loopback, run as the postgres
# user when the scripts run as root (PostgreSQL refuses root). Needs $pgbin (its bin directory) and
# $pgsock (a directory for its socket, writable by the postgres user).
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

pg_start() { # datadir port log
  as_pg "$pgbin/pg_ctl" -D "$1" -l "$3" -w -t 60 -o "-p $2 -k $pgsock -c listen_addresses=127.0.0.1" start >/dev/null
}
pg_stop() { [ -f "$1/postmaster.pid" ] && as_pg "$pgbin/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true; }
psql_at() { # port sql
  psql -h 127.0.0.1 -p "$1" -U antq -d antq -XAtq -v ON_ERROR_STOP=1 -c "$2"
}
