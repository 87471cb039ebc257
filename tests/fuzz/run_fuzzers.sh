#!/usr/bin/env bash
# Builds every libFuzzer harness in <build-dir> and runs each for <seconds-each> seconds from its
# committed seed corpus: fuzzer fuzz_<name> (tests/fuzz/fuzz_<name>.cpp) starts from
# tests/fuzz/corpus/<name>/, with tests/fuzz/<name>.dict when there is one; fails on the first crash, leak, sanitizer
# report or timeout, leaving the reproducer in <build-dir>/fuzz-artifacts/.
#   tests/fuzz/run_fuzzers.sh build/asan 60
# An unconfigured <build-dir> is configured like the `fuzz` preset (clang, no GUI, no tests).
set -euo pipefail
if [ $# -ne 2 ]; then
    echo "usage: $0 <build-dir> <seconds-each>" >&2
    exit 64
fi
src="$(cd "$(dirname "$0")/../.." && pwd)"
build="$1"
seconds="$2"
jobs="$(nproc 2>/dev/null || echo 2)"

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$src" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
        "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DCORKBOARD_FUZZ=ON -DCORKBOARD_BUILD_GUI=OFF \
        -DCORKBOARD_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target fuzzers -j "$jobs"

artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$src/tests/sanitizers/lsan.supp:print_suppressions=0"
export QT_QPA_PLATFORM=offscreen
status=0
for corpus in "$src"/tests/fuzz/corpus/*/; do
    name="$(basename "$corpus")"
    bin="$build/tests/fuzz/fuzz_$name"
    if [ ! -x "$bin" ]; then
        echo "run_fuzzers: corpus/$name has no fuzzer fuzz_$name" >&2
        status=1
        continue
    fi
    # New inputs go to a scratch directory: the committed corpus changes only by hand.
    work="$(mktemp -d)"
    echo "== fuzz_$name: ${seconds}s from $(find "$corpus" -type f | wc -l) seeds =="
    start=$(date +%s)
    dict=()
    [ -f "$src/tests/fuzz/$name.dict" ] && dict=(-dict="$src/tests/fuzz/$name.dict")
    if ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        "${dict[@]}" -print_final_stats=1 -artifact_prefix="$artifacts/$name-" "$work" "$corpus" \
        >"$artifacts/$name.log" 2>&1; then
        tail -n 60 "$artifacts/$name.log" >&2
        echo "run_fuzzers: $name FAILED (reproducer and log in $artifacts/)" >&2
        status=1
    else
        grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$artifacts/$name.log" || true
    fi
    echo "   $name took $(($(date +%s) - start))s"
    rm -rf "$work"
done
exit $status
