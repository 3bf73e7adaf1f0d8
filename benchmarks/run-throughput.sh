#!/usr/bin/env bash
# Whole-process throughput of the synthlogs CLI, as a user sees it (JVM start included), against a
# hand-written Datafaker + Jackson generator.
#
# Usage:  benchmarks/run-throughput.sh            (from any directory; about 10-15 minutes on 2 cores)
#   REPS=5 benchmarks/run-throughput.sh            repetitions per measurement (default 3); the median is printed
#   LINES=1000000 benchmarks/run-throughput.sh     lines for (a), (b), (c) and (f) (default 5,000,000)
#   STREAM_LINES=5000000 benchmarks/run-throughput.sh   lines for (e) (default 50,000,000)
#   SKIP_BUILD=1 / SKIP_JMH=1                      reuse the jars / leave out (g) and (h)
#
# What it does:
#   build  ./mvnw -B -q -ntp -pl toolkit-cli,benchmarks -am package -DskipTests
#   (a) ./synthlogs --total $LINES --output stdout --seed 1 > /dev/null            JSON with labels
#   (b) the same with --format text
#   (c) --output file with rotation at 10 MB into a fresh temporary directory; page-aligned, as by
#       default (no line crosses a 4 KiB page: whole lines even after kill -9), so its bytes per line
#       are counted from the files it wrote, padding included
#   (c') the same with --no-page-aligned (the files are the stdout bytes)
#   (d) ./synthlogs --total 10 --output stdout                                      wall time, warm
#   (e) --total 0 --interval 0 streaming under SYNTHLOGS_JAVA_OPTS=-Xmx64m, cut by head -n $STREAM_LINES;
#       must finish without OutOfMemoryError (one run: it is long)
#   (f) io.synthlogs.benchmarks.baseline.DatafakerBaseline $LINES > /dev/null      same JVM flags as the launcher;
#       hand-written Datafaker + Jackson lines with the same fields and size as (a)
#   (f') the same baseline writing each line with System.out.println, as most hand-written generators
#       do (System.out flushes every line): a calibration against the figure the performance issue
#       quotes for its baseline; the ratio is computed against (f)
#   (g) JMH: @SyntheticLogs(count = 100_000) LogStream resolution (SyntheticLogsResolutionBenchmark)
#   (h) JMH: one core, engine only: generate (and render) lines (GenerateBenchmark)
# (a), (f) and (f') are timed alternately, run by run, so that their ratios survive drift in machine speed.
# For each: median wall time, lines/s and MB/s (1 MB = 10^6 bytes). Bytes per line are counted once
# per kind on an untimed run of 500,000 lines (the output is a pure function of the seed), so the
# timed runs write to /dev/null exactly as in the commands above. Ends with synthlogs JSON / baseline.
#
# The machine is shared: the load average is printed before and after; compare figures only from
# runs with similar load.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
REPS="${REPS:-3}"
LINES="${LINES:-5000000}"
STREAM_LINES="${STREAM_LINES:-50000000}"
SAMPLE=500000
bench_jar="$root/benchmarks/target/benchmarks.jar"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/synthlogs-throughput.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

echo "== synthlogs throughput, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "   commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), REPS=$REPS LINES=$LINES STREAM_LINES=$STREAM_LINES"
echo "   load before: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -ntp -pl toolkit-cli,benchmarks -am package -DskipTests
fi
# The launcher rebuilds when any toolkit-*/src/main file is newer than its jar, toolkit-junit included,
# which the CLI build neither needs nor rebuilds: after an edit there, every launch would pay a Maven
# build (~5 s). The jar was just built from these sources, so mark it fresh; then check that a launch
# really is fast, so no measurement below times Maven instead of synthlogs.
touch "$root/toolkit-cli/target/synthlogs.jar"
./synthlogs --total 1 --output stdout --seed 1 > /dev/null 2> "$tmp/warm.err"
if grep -q "building" "$tmp/warm.err"; then
  echo "the launcher still rebuilds on every run; aborting"; cat "$tmp/warm.err"; exit 1
fi

now() { date +%s.%N; }

# median of the arguments (numbers)
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# time_runs COMMAND...: runs COMMAND $REPS times (stdout and stderr discarded), prints the median seconds;
# $PREP, if set, is evaluated before each run, untimed
time_runs() {
  local times=() t0 t1
  for ((i = 0; i < REPS; i++)); do
    if [ -n "${PREP:-}" ]; then eval "$PREP"; fi
    t0=$(now)
    "$@" > /dev/null 2>&1
    t1=$(now)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  median "${times[@]}"
}

# report LABEL SECONDS LINES BYTES_PER_LINE
report() {
  awk -v label="$1" -v s="$2" -v n="$3" -v bpl="$4" 'BEGIN {
    printf "%-50s %8.2f s  %10.0f lines/s  %7.1f MB/s  (%.0f B/line)\n", label, s, n / s, n * bpl / s / 1e6, bpl }'
}

bytes_per_line() { # COMMAND... printing $SAMPLE lines to stdout
  local bytes
  bytes=$("$@" 2> /dev/null | wc -c)
  echo "$bytes / $SAMPLE" | bc -l
}

cli() { ./synthlogs "$@"; }
baseline() { java @"$root/toolkit-cli/jvm.flags" -cp "$bench_jar" io.synthlogs.benchmarks.baseline.DatafakerBaseline "$@"; }

echo
echo "== results (median of $REPS unless noted)"

# (a), (f) and (f') alternate run by run, so a drift in the machine's speed hits them alike: their
# ratios are the figures to trust on a shared machine.
time_one() { local t0 t1; t0=$(now); "$@" > /dev/null 2>&1; t1=$(now); echo "$t1 - $t0" | bc -l; }
json_times=(); base_times=(); println_times=()
for ((r = 0; r < REPS; r++)); do
  json_times+=("$(time_one cli --total "$LINES" --output stdout --seed 1)")
  base_times+=("$(time_one baseline "$LINES" 1)")
  println_times+=("$(time_one baseline "$LINES" 1 println)")
done
t_json=$(median "${json_times[@]}")
t_base=$(median "${base_times[@]}")
t_println=$(median "${println_times[@]}")

bpl_json=$(bytes_per_line cli --total $SAMPLE --output stdout --seed 1)
report "(a) JSON with labels, stdout" "$t_json" "$LINES" "$bpl_json"

bpl_text=$(bytes_per_line cli --total $SAMPLE --output stdout --seed 1 --format text)
t_text=$(time_runs cli --total "$LINES" --output stdout --seed 1 --format text)
report "(b) text with labels, stdout" "$t_text" "$LINES" "$bpl_text"

# Each run starts from an empty directory; deleting the previous run's 3 GB is not timed.
t_file=$(PREP='rm -rf "$tmp/files" && mkdir -p "$tmp/files"' \
  time_runs cli --total "$LINES" --output file --output-path "$tmp/files" --max-file-size 10MB --seed 1)
files=$(find "$tmp/files" -type f | wc -l)
bpl_aligned=$(echo "$(find "$tmp/files" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s }') / $LINES" | bc -l)
report "(c) JSON to files, rotation at 10 MB ($files files)" "$t_file" "$LINES" "$bpl_aligned"

t_unaligned=$(PREP='rm -rf "$tmp/files" && mkdir -p "$tmp/files"' \
  time_runs cli --total "$LINES" --output file --output-path "$tmp/files" --max-file-size 10MB --seed 1 --no-page-aligned)
rm -rf "$tmp/files"
report "(c') the same, --no-page-aligned" "$t_unaligned" "$LINES" "$bpl_json"

t_small=$(REPS=$((REPS < 5 ? 5 : REPS)) time_runs cli --total 10 --output stdout)
awk -v s="$t_small" 'BEGIN { printf "%-50s %8.0f ms wall (JVM start to exit, warm page cache)\n", "(d) --total 10", s * 1000 }'

echo "(e) streaming $STREAM_LINES lines, --total 0 under -Xmx64m (one run) ..."
t0=$(now)
set +o pipefail
SYNTHLOGS_JAVA_OPTS="-Xmx64m" ./synthlogs --total 0 --interval 0 --output stdout --seed 1 2> "$tmp/stream.err" \
  | head -n "$STREAM_LINES" > /dev/null
set -o pipefail
t1=$(now)
if grep -q "OutOfMemoryError" "$tmp/stream.err"; then
  echo "(e) FAILED: OutOfMemoryError"; cat "$tmp/stream.err"; exit 1
fi
report "(e) --total 0 stream, -Xmx64m, head -n" "$(echo "$t1 - $t0" | bc -l)" "$STREAM_LINES" "$bpl_json"

bpl_base=$(bytes_per_line baseline $SAMPLE 1)
report "(f) Datafaker + Jackson baseline, stdout (runs alternated with (a))" "$t_base" "$LINES" "$bpl_base"
report "(f') the same, System.out.println per line" "$t_println" "$LINES" "$bpl_base"

awk -v a="$t_json" -v f="$t_base" -v p="$t_println" 'BEGIN {
  printf "\nsynthlogs JSON / baseline (f): %.2fx the lines/s (wall time; synthlogs runs on two threads, the baseline on one;\n  lines of the same fields and size; synthlogs adds episodes and consistent fields)\n", f / a
  printf "synthlogs JSON / println baseline (f'"'"'), for calibration only: %.2fx\n", p / a }'

if [ -z "${SKIP_JMH:-}" ]; then
  echo
  echo "== (g) @SyntheticLogs(count = 100_000) LogStream resolution (JMH, ms/op; resolution = withLogStream100k - withoutParameter)"
  java -jar "$bench_jar" SyntheticLogsResolutionBenchmark -rf text -rff "$tmp/jmh.txt" > "$tmp/jmh.log" 2>&1 \
    || { tail -40 "$tmp/jmh.log"; exit 1; }
  cat "$tmp/jmh.txt"

  echo
  echo "== (h) one core, engine only: lines generated (and rendered) per second (JMH GenerateBenchmark, ops/s)"
  java -jar "$bench_jar" GenerateBenchmark -rf text -rff "$tmp/jmh-generate.txt" > "$tmp/jmh-generate.log" 2>&1 \
    || { tail -40 "$tmp/jmh-generate.log"; exit 1; }
  cat "$tmp/jmh-generate.txt"
fi

echo
echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
