# Shared by the loopback HTTP benchmarks (sourced, not run): the tools they need and the server
# binary they start. Needs ROOT (the source tree) set by the caller.

# require_tools TOOL…: stops with the apt-get line for whatever is missing (/usr/sbin counts).
require_tools() {
    local missing=() packages=() tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] && continue
        missing+=("$tool")
        case "$tool" in
        nginx) packages+=(nginx-light) ;;
        psql) packages+=(postgresql) ;;
        *) packages+=("$tool") ;;
        esac
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "missing ${missing[*]}: sudo apt-get install -y ${packages[*]}" >&2
    exit 1
}

# bench_binary: sets BIN to CORKBOARD_BENCH_BINARY, or to a Release server-only build in
# build/bench (built first when missing).
bench_binary() {
    BIN="${CORKBOARD_BENCH_BINARY:-$ROOT/build/bench/app/corkboard}"
    [ -x "$BIN" ] && return 0
    echo "== building a release corkboard in build/bench (server only) =="
    cmake -S "$ROOT" -B "$ROOT/build/bench" -DCMAKE_BUILD_TYPE=Release \
        -DCORKBOARD_BUILD_GUI=OFF -DCORKBOARD_BUILD_TESTS=OFF >/dev/null
    cmake --build "$ROOT/build/bench" --target corkboard -j "$(nproc)"
    BIN="$ROOT/build/bench/app/corkboard"
}
