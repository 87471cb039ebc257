#!/bin/sh
# Runs the live-update benchmark: 1,000 WebSocket clients plus as many server sockets need file
# descriptors, so raise the soft limit first (to the hard limit, at most 65536).
set -e
BUILD=${1:-build/bench}
hard=$(ulimit -Hn)
want=8192
[ "$hard" != "unlimited" ] && [ "$hard" -lt "$want" ] && want=$hard
ulimit -n "$want"
echo "ulimit -n: $(ulimit -n)"
CORKBOARD_BINARY="$BUILD/app/corkboard" "$BUILD/tests/bench_live" "${2:-1000}" "${3:-50}" "${4:-10}"
