#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests, from the machine's own binaries.
#
#   eval "$(.ci/postgres.sh start)"     # prints export lines: KLACHTRECHT_PG_URL, KLACHTRECHT_PG_DIR
#   .ci/postgres.sh stop "$KLACHTRECHT_PG_DIR"
#
# The server listens only on a Unix socket in a fresh temporary directory (no TCP
# port), trusts local connections, and is removed completely by `stop`.
# PostgreSQL refuses to run as root: as root it runs as the `postgres` user
# (created if missing, via runuser); otherwise as the calling user. Without
# initdb/pg_ctl on the PATH, in /usr/local/bin or /usr/lib/postgresql/*/bin,
# root installs Debian's `postgresql` package.
set -euo pipefail

find_bin() {
    local dir
    if command -v initdb > /dev/null 2>&1 && command -v pg_ctl > /dev/null 2>&1; then
        dirname "$(command -v initdb)"; return 0
    fi
    for dir in /usr/local/bin /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
    done
    return 1
}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    local bin dir user
    if ! bin="$(find_bin)"; then
        if [ "$(id -u)" -ne 0 ]; then
            echo "postgres.sh: initdb/pg_ctl not found; install PostgreSQL" >&2; exit 1
        fi
        # a fresh machine has no package lists yet: update them first
        apt-get update -q > /dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql > /dev/null
        bin="$(find_bin)"
    fi
    if [ "$(id -u)" -eq 0 ]; then
        id postgres > /dev/null 2>&1 || useradd --system --user-group --no-create-home postgres
        user=postgres
    else
        user="$(id -un)"
    fi
    dir="$(mktemp -d /tmp/klachtrecht-pg.XXXXXX)"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U "$user" -A trust --no-sync > "$dir/initdb.log" 2>&1
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
        -o "-k $dir -c listen_addresses= -c fsync=off -c full_page_writes=off" start >&2
    echo "export KLACHTRECHT_PG_DIR='$dir'"
    echo "export KLACHTRECHT_PG_URL='postgresql+psycopg://$user@/postgres?host=$dir'"
}

stop() {
    local dir="${1:?usage: postgres.sh stop DIR}" bin
    case "$dir" in /tmp/klachtrecht-pg.*) ;; *) echo "postgres.sh: refusing $dir" >&2; exit 1 ;; esac
    if [ -d "$dir/data" ] && bin="$(find_bin)"; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -s stop >&2 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: postgres.sh start | stop DIR" >&2; exit 2 ;;
esac
