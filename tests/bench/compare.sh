#!/bin/bash
# Before/after benchmark (issue 17): builds the baseline commit (default 45a2596) in a temporary
# git worktree and the current tree, both Release, seeds ONE data directory (tests/bench/bench_seed:
# a 200-card and a 5,000-card board, 8 columns, 10 labels, 10 members, labels/assignees/due
# dates/checklists/comments), and runs both builds on fresh copies of it, alternating per round
# (ABBA order), for:
#   - GET the 200-card board, wrk -c50: snapshot cache off; cache on; cache on + If-None-Match
#   - POST a card, wrk -c16 (req/s and p99)
#   - one GET of the 5,000-card board, median of 15 (curl, loopback) + server CPU per GET
#   - /health, wrk -c50, next to a fixed-response nginx (the ceiling) when nginx is installed
#   - fan-out: bench_live, 1,000 WebSockets on one board, writer at 50 creates/s for 10 s, read
#     by the Qt client (QWebSockets on Qt's event loop) and by the epoll client (bench_live.cpp):
#     the same server work, two receivers; the client's CPU is recorded next to the server's
# and prints medians per build. Before measuring it checks that both builds answer the same
# bytes for the same board (GET 200 and 5,000 cards, with and without archived cards).
#
# Usage: tests/bench/compare.sh            (ROUNDS=3 BENCH_DURATION=5 FANOUT_ROUNDS=3 by default)
# Env: BASE_COMMIT, BENCH_BASE_DIR (reuse a baseline worktree), FANOUT_ROUNDS=0 to skip the
#      fan-out bench, FANOUT_CLIENTS ("qt epoll" by default; metrics fanout_* and fanout_epoll_*), BENCH_PRESET (build both trees with this CMake preset instead of Release,
#      e.g. headless = RelWithDebInfo: on a shared machine another engineer's ccache objects make
#      that build minutes instead of an hour; put BENCH_BASE_DIR at the same depth as this tree
#      and keep their CCACHE_BASEDIR), BENCH_NEW_PRESET (the current tree with another preset than
#      the baseline, e.g. ci for a tree already built for its tests; both RelWithDebInfo).
# Rate limits are lifted only here, in the benchmark's own server configuration.
set -euo pipefail

ROOT="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
BASE_COMMIT="${BASE_COMMIT:-45a2596}"
ROUNDS="${ROUNDS:-3}"
FANOUT_ROUNDS="${FANOUT_ROUNDS:-3}"
FANOUT_CLIENTS="${FANOUT_CLIENTS:-qt epoll}"
DURATION="${BENCH_DURATION:-5}"
BASE_DIR="${BENCH_BASE_DIR:-$(mktemp -d /tmp/cbbase.XXXXXX)}"
PRESET="${BENCH_PRESET:-}"
BUILD_SUBDIR="build/${PRESET:-bench}"
NEW_PRESET="${BENCH_NEW_PRESET:-$PRESET}"
NEW_BUILD="$ROOT/build/${NEW_PRESET:-bench}"
WORK="$(mktemp -d /tmp/cbcmp.XXXXXX)"
PORT="${BENCH_PORT:-18610}"
NGINX_PORT=$((PORT + 1))
URL="http://127.0.0.1:$PORT"
RESULTS="$WORK/results.tsv"
SERVER_PID=""
NGINX_PID=""

for tool in wrk curl python3 cmake; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done

cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- builds (ccache shares objects between the two trees: same depth, same base dir) ----------
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-/}" CCACHE_NOHASHDIR=1
build() { # source dir, preset (empty: Release), targets...
    local src="$1" preset="$2" dir="$1/build/${2:-bench}"
    shift 2
    if [ -n "$preset" ]; then
        (cd "$src" && cmake --preset "$preset" -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null)
    else
        cmake -S "$src" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCORKBOARD_BUILD_TESTS=ON \
            -DCORKBOARD_BUILD_GUI=OFF -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
    fi
    cmake --build "$dir" -j2 --target "$@" >"$WORK/build.log" 2>&1 || {
        tail -30 "$WORK/build.log" >&2
        exit 1
    }
}
if [ ! -e "$BASE_DIR/.git" ]; then
    git -C "$ROOT" worktree add --detach "$BASE_DIR" "$BASE_COMMIT" >/dev/null
fi
echo "== building $BASE_COMMIT in $BASE_DIR (${PRESET:-Release}) and" \
    "$(git -C "$ROOT" describe --always --dirty) (${NEW_PRESET:-Release})"
build "$BASE_DIR" "$PRESET" corkboard
build "$ROOT" "$NEW_PRESET" corkboard bench_seed bench_live
declare -A BIN=([base]="$BASE_DIR/$BUILD_SUBDIR/app/corkboard" [new]="$NEW_BUILD/app/corkboard")

# --- one data directory for both ---------------------------------------------------------------
echo "== seeding"
"$NEW_BUILD/tests/bench_seed" "$WORK/seed" >"$WORK/seed.env"
# shellcheck disable=SC1091
. "$WORK/seed.env"

start_server() { # build, extra env assignments...
    local build="$1"
    shift
    rm -rf "$WORK/run"
    cp -a "$WORK/seed" "$WORK/run"
    env CORKBOARD_RATE_LIMIT_RPS=1000000 CORKBOARD_RATE_LIMIT_BURST=1000000 \
        CORKBOARD_AUTH_RATE_LIMIT=1000 CORKBOARD_LOG_LEVEL=warning CORKBOARD_START_WORKER=false \
        "$@" "${BIN[$build]}" --serve --host 127.0.0.1 --port "$PORT" --threads 2 \
        --data-dir "$WORK/run" >"$WORK/server-$build.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 100); do
        curl -fs "$URL/health" >/dev/null 2>&1 && break
        sleep 0.1
    done
    TOKEN="$(curl -fs -H 'Content-Type: application/json' \
        -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$URL/api/v1/auth/login" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["tokens"]["access_token"])')"
}
stop_server() {
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# wrk → "req/s p99_ms"; stops on any 4xx/5xx or socket error.
measure() { # connections, url, extra wrk args...
    local c="$1" url="$2"
    shift 2
    local out
    out="$(wrk -t2 -c"$c" -d"${DURATION}s" --latency --timeout 10s "$@" "$url")"
    if grep -q "Non-2xx" <<<"$out" || grep -q "Socket errors" <<<"$out"; then
        echo "wrk saw errors for $url:" >&2
        echo "$out" >&2
        exit 1
    fi
    awk '/Requests\/sec/ {rps = $2}
         $1 == "99%" { v = $2; u = v; gsub(/[0-9.]/, "", u); gsub(/[a-z]/, "", v);
                       p = (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : (u == "m") ? v * 60000 : v }
         END { printf "%.0f %.2f\n", rps, p }' <<<"$out"
}
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$RESULTS"; }

AUTH=()
auth() { AUTH=(-H "Authorization: Bearer $TOKEN"); }

# --- same bytes --------------------------------------------------------------------------------
echo "== checking both builds answer the same bytes for the same boards"
for build in base new; do
    start_server "$build" CORKBOARD_SNAPSHOT_CACHE_MS=0
    auth
    for q in "$BOARD200" "$BOARD200?include_archived=true" "$BOARD5000"; do
        curl -fs "${AUTH[@]}" "$URL/api/v1/boards/$q" -o "$WORK/body-$build-${q//[?=]/_}.json"
    done
    stop_server
done
# The card fields issue 14 added since the baseline (API_CHANGELOG.md: attachment_count,
# cover_attachment_id) are taken out of the new build's bodies, and only those: every other byte
# must be the same. (The new build still computes and sends them in every measured request.)
strip_new_fields() {
    sed -E 's/,"attachment_count":[0-9]+,"cover_attachment_id":(null|"[^"]*")//g' "$1"
}
for f in "$WORK"/body-base-*.json; do
    n="${f/body-base-/body-new-}"
    if ! cmp -s "$f" "$n" && ! cmp "$f" <(strip_new_fields "$n"); then
        echo "bodies differ: $f" >&2
        exit 1
    fi
done
echo "   identical: $(ls "$WORK"/body-base-*.json | wc -l) bodies ($(stat -c %s "$WORK/body-base-$BOARD200.json") and $(stat -c %s "$WORK/body-base-$BOARD5000.json") bytes;" \
    "the new build sends $(stat -c %s "$WORK/body-new-$BOARD200.json") and $(stat -c %s "$WORK/body-new-$BOARD5000.json") with the two added card fields)"

cat >"$WORK/create.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"column_id":"$COLUMN200","title":"created by wrk"}'
LUA

if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then
    NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
    mkdir -p "$WORK/nginx/logs"
    cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
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
        location / { default_type application/json; return 200 '{"status":"ok"}'; }
    }
}
CONF
else
    NGINX=""
fi

run_round() { # build, round
    local build="$1" round="$2" rps p99
    # Cache off: every GET reads the board.
    start_server "$build" CORKBOARD_SNAPSHOT_CACHE_MS=0
    auth
    measure 50 "$URL/api/v1/boards/$BOARD200" "${AUTH[@]}" >/dev/null # warm-up
    read -r rps p99 < <(measure 50 "$URL/api/v1/boards/$BOARD200" "${AUTH[@]}")
    record "$build" "$round" snapshot200_cache_off_rps "$rps"
    record "$build" "$round" snapshot200_cache_off_p99_ms "$p99"
    local before after times
    before="$(cpu_ticks "$SERVER_PID")"
    times="$(for _ in $(seq 15); do
        curl -fs -o /dev/null -w '%{time_total}\n' "${AUTH[@]}" "$URL/api/v1/boards/$BOARD5000"
    done)"
    after="$(cpu_ticks "$SERVER_PID")"
    record "$build" "$round" get5000_median_ms \
        "$(sort -n <<<"$times" | sed -n 8p | awk '{printf "%.1f", $1 * 1000}')"
    record "$build" "$round" get5000_server_cpu_ms \
        "$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t * 1000 / hz / 15}')"
    read -r rps p99 < <(measure 50 "$URL/health")
    record "$build" "$round" health_rps "$rps"
    if [ -n "$NGINX" ]; then
        "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
        NGINX_PID=$!
        sleep 0.3
        read -r rps p99 < <(measure 50 "http://127.0.0.1:$NGINX_PORT/")
        record "$build" "$round" nginx_ceiling_rps "$rps"
        kill "$NGINX_PID" && wait "$NGINX_PID" 2>/dev/null || true
        NGINX_PID=""
    fi
    read -r rps p99 < <(measure 16 "$URL/api/v1/boards/$BOARD200/cards" "${AUTH[@]}" -s "$WORK/create.lua")
    record "$build" "$round" create_c16_rps "$rps"
    record "$build" "$round" create_c16_p99_ms "$p99"
    stop_server

    # Cache on (the default): repeated GETs, then clients that hold the board (If-None-Match).
    start_server "$build"
    auth
    local etag
    etag="$(curl -fs -D - -o /dev/null "${AUTH[@]}" "$URL/api/v1/boards/$BOARD200" |
        awk -F': ' 'tolower($1) == "etag" {sub(/\r$/, "", $2); print $2}')"
    read -r rps p99 < <(measure 50 "$URL/api/v1/boards/$BOARD200" "${AUTH[@]}")
    record "$build" "$round" snapshot200_cache_on_rps "$rps"
    read -r rps p99 < <(measure 50 "$URL/api/v1/boards/$BOARD200" "${AUTH[@]}" -H "If-None-Match: $etag")
    record "$build" "$round" snapshot200_if_none_match_rps "$rps"
    times="$(for _ in $(seq 15); do
        curl -fs -o /dev/null -w '%{time_total}\n' "${AUTH[@]}" "$URL/api/v1/boards/$BOARD5000"
    done)"
    record "$build" "$round" get5000_cache_on_median_ms \
        "$(sort -n <<<"$times" | sed -n 8p | awk '{printf "%.1f", $1 * 1000}')"
    stop_server
}

echo "== $ROUNDS rounds, wrk -t2 -d${DURATION}s, server --threads 2, $(nproc) cores"
for round in $(seq "$ROUNDS"); do
    if [ $((round % 2)) -eq 1 ]; then order="base new"; else order="new base"; fi
    for build in $order; do
        echo "   round $round $build, load average:$(uptime | sed 's/.*load average://')"
        run_round "$build" "$round"
    done
done

# --- fan-out -----------------------------------------------------------------------------------
if [ "$FANOUT_ROUNDS" -gt 0 ]; then
    hard=$(ulimit -Hn)
    want=8192
    [ "$hard" != "unlimited" ] && [ "$hard" -lt "$want" ] && want=$hard
    ulimit -n "$want"
    for round in $(seq "$FANOUT_ROUNDS"); do
        if [ $((round % 2)) -eq 1 ]; then order="base new"; else order="new base"; fi
        for client in $FANOUT_CLIENTS; do
            m=fanout
            [ "$client" = qt ] || m="fanout_$client"
            for build in $order; do
                echo "   fan-out round $round $build, $client client, load average:$(uptime | sed 's/.*load average://')"
                out="$(BENCH_LIVE_CLIENT="$client" CORKBOARD_BINARY="${BIN[$build]}" "$NEW_BUILD/tests/bench_live" 1000 50 10 || true)"
                echo "$out" | sed 's/^/      /'
                record "$build" "$round" ${m}_p50_ms "$(sed -n 's/.*p50 \([0-9.]*\).*/\1/p' <<<"$out")"
                record "$build" "$round" ${m}_p99_ms "$(sed -n 's/.*p99 \([0-9.]*\).*/\1/p' <<<"$out")"
                record "$build" "$round" ${m}_missed "$(sed -n 's/^missed \([0-9]*\).*/\1/p' <<<"$out")"
                record "$build" "$round" ${m}_duplicated "$(sed -n 's/.*duplicated \([0-9]*\).*/\1/p' <<<"$out")"
                record "$build" "$round" ${m}_writer_seconds "$(sed -n 's/.*cards created in \([0-9.]*\) s.*/\1/p' <<<"$out")"
                record "$build" "$round" ${m}_server_cpu_s "$(sed -n 's/.*server \([0-9.]*\) s, bench.*/\1/p' <<<"$out")"
                record "$build" "$round" ${m}_client_cpu_s "$(sed -n 's/.*clients+writer \([0-9.]*\) s.*/\1/p' <<<"$out")"
                record "$build" "$round" ${m}_rss_kib_per_conn "$(sed -n 's/.*sockets: \([0-9.]*\) KiB.*/\1/p' <<<"$out")"
            done
        done
    done
fi

# --- medians -----------------------------------------------------------------------------------
echo
echo "== medians over rounds (load average now:$(uptime | sed 's/.*load average://'))"
python3 - "$RESULTS" <<'PY'
import statistics, sys, collections
rows = collections.defaultdict(lambda: collections.defaultdict(list))
order = []
for line in open(sys.argv[1]):
    build, rnd, metric, value = line.rstrip("\n").split("\t")
    if metric not in order:
        order.append(metric)
    if value:
        rows[metric][build].append(float(value))
print("| metric | base (%s) | new | new ÷ base | rounds |" % "45a2596")
print("|---|---|---|---|---|")
for m in order:
    b = statistics.median(rows[m]["base"]) if rows[m]["base"] else float("nan")
    n = statistics.median(rows[m]["new"]) if rows[m]["new"] else float("nan")
    ratio = n / b if b else float("nan")
    print("| %s | %g | %g | %.2f | %s / %s |" % (m, b, n, ratio,
          ",".join("%g" % v for v in rows[m]["base"]), ",".join("%g" % v for v in rows[m]["new"])))
PY
