#!/usr/bin/env bash
# Scale-out benchmark (issue 16): board snapshot and card creation throughput with wrk on
# loopback, for SQLite (one instance), PostgreSQL with one instance and PostgreSQL with two
# instances behind nginx, each on a fresh database with one 200-card board. Bounded: every run is
# BENCH_DURATION with BENCH_CONNECTIONS connections. Usage: tests/bench/scale_out_bench.sh
#
# Environment (all optional):
#   CORKBOARD_BENCH_BINARY  corkboard to measure (default: builds build/bench/app/corkboard)
#   BENCH_THREADS           server threads per instance (default: 1)
#   BENCH_DURATION          wrk -d per run (default: 5s)
#   BENCH_CONNECTIONS       wrk -c (default: 32)
#   BENCH_WRK_THREADS       wrk -t (default: 1)
#   BENCH_PG_PORT           port of the throwaway PostgreSQL cluster (default: 54392)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
THREADS="${BENCH_THREADS:-1}"
DURATION="${BENCH_DURATION:-5s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
WRK_THREADS="${BENCH_WRK_THREADS:-1}"
# shellcheck source=tests/bench/bench_common.sh
. "$ROOT/tests/bench/bench_common.sh"
require_tools wrk nginx curl psql
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
bench_binary

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    CORKBOARD_TEST_POSTGRES_PORT="${BENCH_PG_PORT:-54392}" \
        "$ROOT/packaging/pg-test-cluster" stop "$WORK/pg" || true
    rm -rf "$WORK"
}
trap cleanup EXIT
chmod 755 "$WORK" # the cluster runs as `nobody` when started by root
eval "$(CORKBOARD_TEST_POSTGRES_PORT="${BENCH_PG_PORT:-54392}" \
    "$ROOT/packaging/pg-test-cluster" start "$WORK/pg")"
ADMIN_URL="$CORKBOARD_TEST_POSTGRES_URL"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_instance PORT DATADIR [DATABASE_URL]
start_instance() {
    mkdir -p "$2"
    local database=()
    [ -n "${3:-}" ] && database=(env "CORKBOARD_DATABASE_URL=$3")
    "${database[@]}" env CORKBOARD_LOG_LEVEL=warning \
        CORKBOARD_RATE_LIMIT_RPS=1000000 CORKBOARD_RATE_LIMIT_BURST=1000000 \
        CORKBOARD_MAX_CONNECTIONS_PER_ADDRESS=1000 \
        "$BIN" --serve --host 127.0.0.1 --port "$1" --data-dir "$2" --threads "$THREADS" \
        --open-registration true --password-ops-limit 1 --password-mem-limit 8192 \
        >"$2.out" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 100); do
        curl -fs "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "instance on $1 did not start:" >&2
    cat "$2.out" >&2
    exit 1
}

# start_balancer PORT UPSTREAM_PORT...
start_balancer() {
    local port="$1" dir="$WORK/nginx-$1" servers=""
    shift
    for upstream in "$@"; do servers+="server 127.0.0.1:$upstream; "; done
    mkdir -p "$dir"
    cat >"$dir/nginx.conf" <<EOF
$([ "$(id -u)" = 0 ] && echo "user root;")
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/body; proxy_temp_path $dir/proxy; fastcgi_temp_path $dir/fcgi;
    uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;
    upstream corkboard { $servers keepalive 64; }
    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://corkboard;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
        }
    }
}
EOF
    "$NGINX" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" &
    PIDS+=($!)
    for _ in $(seq 1 50); do
        curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "nginx did not start" >&2
    exit 1
}

json_field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d'+sys.argv[1]))" "$1"; }

# seed BASE_URL: registers (once per database), makes a board with 200 cards; sets TOKEN, BOARD,
# COLUMN (every measure gets a fresh board: the creation run adds thousands of cards)
seed() {
    local reg board
    if [ -z "${2:-}" ]; then
        reg=$(curl -fs -X POST -H 'Content-Type: application/json' "$1/api/v1/auth/register" \
            -d '{"email":"bench@example.com","password":"correct horse battery","display_name":"B"}')
        TOKEN=$(echo "$reg" | json_field "['data']['tokens']['access_token']")
    fi
    board=$(curl -fs -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
        "$1/api/v1/boards" -d '{"name":"Bench"}')
    BOARD=$(echo "$board" | json_field "['data']['board']['id']")
    COLUMN=$(echo "$board" | json_field "['data']['columns'][0]['id']")
    for i in $(seq 1 200); do
        curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' \
            -H "Authorization: Bearer $TOKEN" "$1/api/v1/boards/$BOARD/cards" \
            -d "{\"column_id\":\"$COLUMN\",\"title\":\"seed $i\"}"
    done
}

# measure LABEL BASE_URL: prints "label | snapshot req/s (p99) | create req/s (p99)"
measure() {
    local snap create lua="$WORK/create.lua"
    cat >"$lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = '{"column_id":"$COLUMN","title":"bench card"}'
EOF
    curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$2/api/v1/boards/$BOARD" # warm-up
    snap=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
        -H "Authorization: Bearer $TOKEN" "$2/api/v1/boards/$BOARD")
    create=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" \
        "$2/api/v1/boards/$BOARD/cards")
    for out in "$snap" "$create"; do
        if echo "$out" | grep -q "Non-2xx"; then
            echo "$1: some answers were not 2xx:" >&2
            echo "$out" >&2
            tail -n 5 "$WORK"/*.out >&2
            exit 1
        fi
    done
    printf '| %s | %s (%s) | %s (%s) |\n' "$1" \
        "$(echo "$snap" | awk '/Requests\/sec/ {print $2}')" \
        "$(echo "$snap" | awk '$1 == "99%" {print $2}')" \
        "$(echo "$create" | awk '/Requests\/sec/ {print $2}')" \
        "$(echo "$create" | awk '$1 == "99%" {print $2}')"
}

new_database() {
    psql "$ADMIN_URL" -qc "CREATE DATABASE $1 TEMPLATE template0 ENCODING 'UTF8'" >/dev/null
    echo "${ADMIN_URL/\/postgres\?//$1?}"
}

echo "| target | snapshot, 200 cards: req/s (p99) | card creation: req/s (p99) |"
echo "|---|---|---|"

port=$(free_port)
start_instance "$port" "$WORK/sqlite"
seed "http://127.0.0.1:$port"
measure "SQLite, 1 instance" "http://127.0.0.1:$port"
kill "${PIDS[-1]}" && wait "${PIDS[-1]}" 2>/dev/null || true

url=$(new_database bench_one)
port=$(free_port)
start_instance "$port" "$WORK/pg-one" "$url"
seed "http://127.0.0.1:$port"
measure "PostgreSQL, 1 instance" "http://127.0.0.1:$port"
one=$(free_port)
start_balancer "$one" "$port" # what the proxy hop costs, apart from the second instance
seed "http://127.0.0.1:$one" again
measure "PostgreSQL, 1 instance + nginx" "http://127.0.0.1:$one"
kill "${PIDS[-1]}" "${PIDS[-2]}" && wait "${PIDS[-1]}" "${PIDS[-2]}" 2>/dev/null || true

url=$(new_database bench_two)
a=$(free_port)
start_instance "$a" "$WORK/pg-a" "$url"
b=$(free_port)
start_instance "$b" "$WORK/pg-b" "$url"
lb=$(free_port)
start_balancer "$lb" "$a" "$b"
seed "http://127.0.0.1:$lb"
measure "PostgreSQL, 2 instances + nginx" "http://127.0.0.1:$lb"
