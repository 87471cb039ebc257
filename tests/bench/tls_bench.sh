#!/usr/bin/env bash
#   tests/bench/tls_bench.sh <corkboard binary>      (CARDS=200 by default)
# Needs openssl, wrk (built with TLS, as Debian's is), curl, python3.
# Measures on loopback: full TLS handshakes/s (openssl s_time -new) and board snapshot req/s over
# HTTPS vs HTTP (wrk keep-alive), against one corkboard --serve each.
set -euo pipefail
BIN="$1"; W="$(mktemp -d)"; CARDS="${CARDS:-200}"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$W"; }
trap cleanup EXIT
start() { # name extra-args...
    local name="$1"; shift
    env CORKBOARD_LOG_LEVEL=warning CORKBOARD_RATE_LIMIT_RPS=1000000 CORKBOARD_RATE_LIMIT_BURST=1000000 \
        CORKBOARD_START_WORKER=false "$BIN" --serve --host 127.0.0.1 --port 0 --threads 2 \
        --data-dir "$W/$name" "$@" >"$W/$name.out" 2>"$W/$name.err" &
    pids+=($!)
    for _ in $(seq 1 100); do grep -q "serving on" "$W/$name.out" 2>/dev/null && break; sleep 0.1; done
    sed -n 's/.*serving on \(https\?:\/\/[^ ]*\).*/\1/p' "$W/$name.out"
}
seed() { # url → prints "token board_id"
    local url="$1" tok board col
    tok=$(curl -ksf -H 'Content-Type: application/json' -d '{"email":"b@example.org","password":"bench passphrase 42","display_name":"B"}' "$url/api/v1/auth/register" | python3 -c 'import sys,json;print(json.load(sys.stdin)["data"]["tokens"]["access_token"])')
    read -r board col < <(curl -ksf -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' -d '{"name":"Bench"}' "$url/api/v1/boards" | python3 -c 'import sys,json;d=json.load(sys.stdin)["data"];print(d["board"]["id"], d["columns"][0]["id"])')
    for i in $(seq 1 "$CARDS"); do
        curl -ksf -o /dev/null -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' -d "{\"column_id\":\"$col\",\"title\":\"Card $i\"}" "$url/api/v1/boards/$board/cards"
    done
    echo "$tok $board"
}
HTTPS=$(start tls --tls on); HTTP=$(start plain)
echo "https: $HTTPS  http: $HTTP"
port=${HTTPS##*:}
echo "== full TLS handshakes (openssl s_time -new, 5 s, one at a time)"
openssl s_time -connect "127.0.0.1:$port" -new -time 5 2>/dev/null | grep -E "connections in|connections/user" || true
for url in "$HTTPS" "$HTTP"; do
    read -r tok board < <(seed "$url")
    echo "== snapshot ($CARDS cards) $url"
    wrk -t2 -c10 -d5s --latency -H "Authorization: Bearer $tok" "$url/api/v1/boards/$board" | grep -E "Requests/sec|99%|Non-2xx" || true
done
