#!/bin/sh
# Builds the libFuzzer targets of tests/fuzz (clang, AddressSanitizer and UndefinedBehaviorSanitizer)
# in build-asan/ and runs each for a given time, one job each, with seed corpora made from the
# repository's documents and a dictionary of the schemas' element and attribute names.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]      (defaults: all, 60)
#   scripts/fuzz.sh configure                   (only configures build-asan/, for make test-asan)
#
# One build serves `make test-asan` and fuzzing: every library carries the sanitizers and the
# fuzzer's coverage instrumentation (-fsanitize=fuzzer-no-link; outside a fuzz target it costs
# only a little time), and -Werror keeps the clang build warning-free.
# Targets: source_reader layout_reader csv_data xml_data chart pipeline. The corpus a run grows is
# kept in build-asan/corpus/TARGET (the next run starts from it); crashes, leaks and timeouts are
# written to build-asan/findings/TARGET/ and end the run with a non-zero status.
set -eu
cd "$(dirname "$0")/.."
TARGETS="source_reader layout_reader csv_data xml_data chart pipeline"
WHICH=${1:-all}
SECONDS_EACH=${2:-60}
BUILD=${ASAN_BUILD_DIR:-build-asan}
[ "$WHICH" = all ] && WHICH=$TARGETS

if ! command -v clang++ >/dev/null; then
    echo "fuzz.sh: clang++ is missing (scripts/install-dev-deps.sh installs it)" >&2
    exit 1
fi
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    launcher=""
    command -v ccache >/dev/null && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
    sanitize="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
    cmake -S . -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREPORTC_FUZZ=ON $launcher \
        -DCMAKE_CXX_FLAGS="$sanitize -fsanitize=fuzzer-no-link -Werror" -DCMAKE_EXE_LINKER_FLAGS="$sanitize"
fi
[ "$WHICH" = configure ] && exit 0
for t in $WHICH; do
    cmake --build "$BUILD" --target "${t}_fuzz"
done
python3 scripts/fuzz-seeds.py "$BUILD" >/dev/null

# As for make test-asan: instrumented frames carry a red zone around every local, and the inline
# reader's depth limit (1,000 levels) needs between 8 and 16 MiB of stack in this build.
ulimit -s 65536
status=0
for t in $WHICH; do
    mkdir -p "$BUILD/corpus/$t" "$BUILD/findings/$t"
    echo "== $t: $SECONDS_EACH s"
    # The pipeline target builds a whole document per input: its inputs stay small (its seeds are
    # at most 4 KiB), and its leaks are checked once, when the run ends (LeakSanitizer at exit), not
    # after every input: the resident compiler's caches grow with each new word, so libFuzzer would
    # run most inputs twice and scan the heap again and again (a third of the time).
    flags="-max_len=16384"
    [ "$t" = pipeline ] && flags="-max_len=4096 -detect_leaks=0"
    # -rss_limit_mb: the build's own limits (256 MiB per file) stay far below it.
    # shellcheck disable=SC2086  # $flags is a list of options
    if ! "$BUILD/tests/fuzz/${t}_fuzz" -max_total_time="$SECONDS_EACH" -dict="$BUILD/xml.dict" $flags \
            -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$BUILD/findings/$t/" \
            "$BUILD/corpus/$t" "$BUILD/seeds/$t" 2>"$BUILD/findings/$t/log.txt"; then
        status=1
        echo "   finding: see $BUILD/findings/$t/ (log.txt)"
    fi
    grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$BUILD/findings/$t/log.txt" | sed 's/^/   /'
done
exit $status
