#!/usr/bin/env bash
# Prints the table-layout benchmark figures (medians of 5 runs) for 1,000 and 10,000 rows, the
# certificates figures (1,000 participants, combined and separate, with the phases), the time to
# build the whole annual report (median of 5 runs, hyperfine when installed), then the scaling
# figures: generated reports of 10 to 5,000 pages against the floor (scale_bench).
# Run it on an otherwise quiet machine: the figures are wall times.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/build}
cmake --build "$build" --target table_bench compiler_bench merge_bench scale_bench watch_bench reportc -j "$(nproc)" >/dev/null
echo "== table layout (block layout + page breaking), medians of 5 repetitions"
"$build/tests/bench/table_bench" --benchmark_filter='BM_TableLayout' 2>/dev/null | grep -E 'median|Benchmark' || true
echo
echo "== whole report build in one process: cold (new compiler) and warm (resident compiler), medians of 5;"
echo "   BM_ReportKerning/1 with the fonts' kerning (the default), /0 with kerning=\"false\" on every font family"
echo "   BM_ReportTypography/N: the features on (bits: 1 kerning, 2 protrusion, 4 expansion, 8 ties and break rules);"
echo "   /15 as the layout says, /0 none, the others all but one (issue 13: /15 at most 25 % above /0)"
"$build/tests/bench/compiler_bench" 2>/dev/null | grep -E 'median|Benchmark' || true
echo
echo "== certificates: 1,000 participants into one combined PDF and into 1,000 PDFs (medians; peak_MB is the process's)"
"$build/tests/bench/merge_bench" 2>/dev/null | grep -E 'median|Benchmark' || true
echo
echo "== whole report build, the command line (SOURCE_DATE_EPOCH pinned)"
cd "$root"
cmd="SOURCE_DATE_EPOCH=0 $build/compiler/cli/reportc build sources/rocb-ap-annual-report-2020-21/report.xml -o /tmp/reportc-bench.pdf"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 5 --style basic "$cmd" 2>/dev/null | grep -E 'Time|Range'
else
  for i in 1 2 3 4 5; do /usr/bin/time -f "%e s" bash -c "$cmd 2>/dev/null"; done
fi

echo
echo "== watch mode: a cold \`reportc build\` process against a warm rebuild after one cell of Annex I changed (medians of 7)"
"$build/tests/bench/watch_bench" --reportc "$build/compiler/cli/reportc" --runs 7

echo
echo "== scaling: time and peak memory of \`reportc build\` against the floor (frames through the PDF module alone)"
"$build/tests/bench/scale_bench" --reportc "$build/compiler/cli/reportc" --runs 3
