#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster for the server integration tests.
#   pg-fixture.sh start STATE_DIR   → STATE_DIR/url (admin URL), STATE_DIR/dir (cluster folder)
#   pg-fixture.sh stop STATE_DIR
#   pg-fixture.sh restart STATE_DIR  → an immediate stop (like a crash) and a start on the same port
# The cluster lives in a fresh temp dir on a free loopback port, trusts local connections only
# (listen_addresses=127.0.0.1, unix socket in the temp dir) and is deleted on stop. PostgreSQL
# refuses to run as root, so as root it runs as the `postgres` user the package creates.
set -euo pipefail
cmd=${1:?start|stop}
state=${2:?state dir}

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pgbin/initdb" ] || { echo "pg-fixture: PostgreSQL server binaries not found (install postgresql)" >&2; exit 1; }

as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_cluster() {
    [ -f "$state/dir" ] || return 0
    local dir
    dir=$(cat "$state/dir")
    if [ -d "$dir/data" ]; then
        as_pg "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    rm -f "$state/dir" "$state/url"
}

case "$cmd" in
start)
    stop_cluster
    mkdir -p "$state"
    dir=$(mktemp -d /tmp/companion-pg.XXXXXX)
    chmod 700 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    as_pg "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    # The port is picked free and bound by PostgreSQL a moment later: a process in between (other
    # tests run in parallel) may take it. Then pick another, a few times.
    for attempt in 1 2 3 4 5; do
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
        if as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" \
            start >/dev/null; then
            break
        fi
        if [ "$attempt" -eq 5 ] || ! grep -q "could not bind\|Address already in use" "$dir/server.log"; then
            cat "$dir/server.log" >&2
            exit 1
        fi
        # pg_ctl -w already waited for it to give up; make sure nothing is left before retrying.
        as_pg "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    done
    echo "$dir" >"$state/dir"
    echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$state/url"
    echo "PostgreSQL test cluster on 127.0.0.1:$port ($dir)"
    ;;
stop)
    stop_cluster
    ;;
restart)
    dir=$(cat "$state/dir")
    # -m immediate: no shutdown checkpoint, open connections cut, as when the server crashes.
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w -t 60 restart -l "$dir/server.log" \
        >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    ;;
*)
    echo "usage: $0 start|stop|restart STATE_DIR" >&2
    exit 2
    ;;
esac
