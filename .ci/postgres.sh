# A throwaway PostgreSQL server for the store tests (tests/storage), sourced by .ci/run.
# Debian's package (installed if missing), a new cluster in a temporary directory owned by an
# unprivileged user, on a free local port with trust authentication and no fsync (fast, and
# nothing in it outlives the run). Exports DATABASE_URL; stopped and deleted on exit.

postgres_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

install_postgres() {
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        echo "PostgreSQL is not installed and cannot be installed here (needs root and apt-get)" >&2
        return 1
    fi
    echo "Installing Debian's postgresql package for the store tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends postgresql >/dev/null; }
}

stop_postgres() {
    if [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP" ]; then
        as_pg_user "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$PG_TMP"
    fi
}

as_pg_user() {
    # initdb and postgres refuse to run as root: root runs them as Debian's postgres user
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start_postgres() {
    PG_BIN=$(postgres_bin)
    if [ -z "$PG_BIN" ]; then
        install_postgres
        PG_BIN=$(postgres_bin)
    fi
    PG_TMP=$(mktemp -d /tmp/vyzov-ci-pg.XXXXXX)
    trap stop_postgres EXIT
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$PG_TMP"
    fi
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg_user "$PG_BIN/initdb" -D "$PG_TMP/data" -U vyzov --auth=trust -E UTF8 --locale=C.UTF-8 -N \
        >"$PG_TMP/initdb.log" 2>&1 || { cat "$PG_TMP/initdb.log" >&2; return 1; }
    as_pg_user "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 30 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null || { cat "$PG_TMP/server.log" >&2; return 1; }
    export DATABASE_URL="postgresql://vyzov@127.0.0.1:$port/postgres"
    export VYZOV_REQUIRE_POSTGRES=1  # the PostgreSQL store tests must run, not skip
    echo "$("$PG_BIN/postgres" --version) for the store tests on 127.0.0.1:$port"
}
