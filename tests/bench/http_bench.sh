#!/usr/bin/env bash
# HTTP kernel benchmark: wrk on loopback against a release `corkboard --serve` with 1 and N server
# threads, next to a fixed-response nginx (the ceiling). Bounded: each run is BENCH_DURATION with
# BENCH_CONNECTIONS connections. Usage: tests/bench/http_bench.sh   (see tests/bench/README.md)
#
# Environment (all optional):
#   CORKBOARD_BENCH_BINARY  release corkboard to measure (default: builds build/bench/app/corkboard)
#   BENCH_THREADS           N for the multi-threaded runs (default: nproc)
#   BENCH_DURATION          wrk -d per run (default: 5s)
#   BENCH_CONNECTIONS       wrk -c (default: 50)
#   BENCH_WRK_THREADS       wrk -t (default: 2)
#   BENCH_NICE              niceness for every process of the bench, e.g. -10 on a shared machine
#                           so neighbours' builds disturb all targets less (root only; default 0)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
THREADS_N="${BENCH_THREADS:-$(nproc)}"
DURATION="${BENCH_DURATION:-5s}"
CONNECTIONS="${BENCH_CONNECTIONS:-50}"
WRK_THREADS="${BENCH_WRK_THREADS:-2}"
if [ "${BENCH_NICE:-0}" != 0 ]; then
    renice -n "$BENCH_NICE" -p $$ >/dev/null # children (wrk, nginx, corkboard) inherit it
fi

# shellcheck source=tests/bench/bench_common.sh
. "$ROOT/tests/bench/bench_common.sh"
require_tools wrk nginx curl
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

bench_binary

WORK="$(mktemp -d /tmp/corkboard-bench.XXXXXX)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]+"${PIDS[@]}"}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
    local port=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port"
}

# Prints "<req/s> <p99>" for one wrk run (after a 1 s warm-up).
measure() {
    local url=$1 out
    shift
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d1s "$@" "$url" >/dev/null
    out="$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url")"
    if echo "$out" | grep -q "Non-2xx"; then
        echo "$out" >&2
        echo "non-2xx answers from $url: the benchmark would measure errors" >&2
        exit 1
    fi
    echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "99%" {print $2}')"
}

# Starts corkboard with $1 server threads in the background; sets PORT.
start_corkboard() {
    local threads=$1 log="$WORK/corkboard-$1.out"
    # warning level: no access-log line per request. Rate limits lifted: wrk is one client address.
    CORKBOARD_LOG_LEVEL=warning CORKBOARD_RATE_LIMIT_RPS=1000000 CORKBOARD_RATE_LIMIT_BURST=1000000 \
        "$BIN" --serve --host 127.0.0.1 --port 0 --data-dir "$WORK/data-$threads" --threads "$threads" \
        >"$log" 2>"$WORK/corkboard-$1.err" &
    PIDS+=($!)
    for _ in $(seq 100); do
        PORT="$(sed -n 's|.*Corkboard is serving on http://127.0.0.1:\([0-9]*\).*|\1|p' "$log")"
        [ -n "$PORT" ] && return
        sleep 0.1
    done
    echo "corkboard did not start" >&2
    cat "$WORK/corkboard-$1.err" >&2
    exit 1
}

stop_last() {
    local pid=${PIDS[-1]}
    kill -TERM "$pid"
    wait "$pid" || true
    PIDS=("${PIDS[@]:0:${#PIDS[@]}-1}")
}

NGINX_PORT="$(free_port 18480)"
mkdir -p "$WORK/nginx/logs"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes $THREADS_N;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            default_type application/json;
            return 200 '{"status":"ok"}';
        }
    }
}
CONF

echo "== corkboard $("$BIN" --version | awk '{print $2}') $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || true)," \
    "$(nproc) cores, niceness $(nice), load average:$(uptime | sed 's/.*load average://')"
echo "== wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION --latency (after a 1 s warm-up), loopback"
echo
echo "| target | server threads | req/s | p99 |"
echo "|---|---|---|---|"

# The ceiling is measured before and after Corkboard (the mean is used), so a machine that is
# busier during one half shows up as two different nginx figures rather than a skewed ratio.
run_nginx() {
    "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
    PIDS+=($!)
    for _ in $(seq 50); do
        (exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null && break
        sleep 0.1
    done
    read -r rps p99 < <(measure "http://127.0.0.1:$NGINX_PORT/")
    NGINX_RUNS+=("$rps")
    echo "| nginx fixed response (ceiling, $1) | $THREADS_N workers | $rps | $p99 |"
    stop_last
}
NGINX_RUNS=()
run_nginx before

declare -A RPS
for threads in 1 "$THREADS_N"; do
    start_corkboard "$threads"
    for path in /health /api/v1/server-info /ready; do
        read -r rps p99 < <(measure "http://127.0.0.1:$PORT$path")
        RPS["$path-$threads"]=$rps
        echo "| corkboard $path | $threads | $rps | $p99 |"
    done
    # A real data endpoint: JWT check, then the user's row from SQLite.
    TOKEN="$(curl -sf -H 'Content-Type: application/json' \
        -d '{"email":"bench@example.com","password":"bench password 123","display_name":"Bench"}' \
        "http://127.0.0.1:$PORT/api/v1/auth/register" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
    if [ -z "$TOKEN" ]; then
        echo "could not register the bench account" >&2
        exit 1
    fi
    read -r rps p99 < <(measure "http://127.0.0.1:$PORT/api/v1/users/me" -H "Authorization: Bearer $TOKEN")
    RPS["/api/v1/users/me-$threads"]=$rps
    echo "| corkboard /api/v1/users/me (JWT + SQLite) | $threads | $rps | $p99 |"
    stop_last
done

run_nginx after
NGINX_RPS="$(awk -v a="${NGINX_RUNS[0]}" -v b="${NGINX_RUNS[1]}" 'BEGIN { print (a + b) / 2 }')"

echo
awk -v h="${RPS[/health-$THREADS_N]}" -v n="$NGINX_RPS" \
    'BEGIN { printf "/health with %s threads: %.0f%% of nginx (target >= 70%%)\n", "'"$THREADS_N"'", 100 * h / n }'
for path in /api/v1/users/me /ready; do
    awk -v a="${RPS[$path-$THREADS_N]}" -v b="${RPS[$path-1]}" -v p="$path" -v n="$THREADS_N" \
        'BEGIN { printf "%s (SQLite) %s threads vs 1 thread: %.2fx (target >= 1.5x)\n", p, n, a / b }'
done
