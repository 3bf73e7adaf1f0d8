#!/usr/bin/env bash
# Server latency benchmark: starts the server (`synthlogs serve --port 0 --seed 1`) on 127.0.0.1, warms up, times
# REQUESTS sequential POST /api/generate {"count": COUNT} requests (p50/p90/p99 in ms), runs the
# 100-SSE-client check, then stops the server. Reproducible: fixed seed, fixed request sequence.
#
#   benchmarks/server/generate-latency.sh                 # 200 requests of 10000 lines, 100 SSE clients
#   REQUESTS=500 WARMUP=100 benchmarks/server/generate-latency.sh
#   SYNTHLOGS_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/serve.jfr' benchmarks/server/generate-latency.sh
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
REQUESTS="${REQUESTS:-200}"
WARMUP="${WARMUP:-50}"
COUNT="${COUNT:-10000}"
SSE_CLIENTS="${SSE_CLIENTS:-100}"
SSE_BATCHES="${SSE_BATCHES:-20}"

log="$(mktemp)"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" && wait "$server" 2>/dev/null || true
  fi
  rm -f "$log"
}
trap cleanup EXIT

# The launcher builds the CLI jar when it is missing or stale. The server runs from that jar with the
# launcher's JVM flags; BenchServer is `serve --port 0 --seed 1` with room for SSE_CLIENTS streams
# (the default limit is 64).
"$root/synthlogs" --help >/dev/null
java @"$root/toolkit-cli/jvm.flags" ${SYNTHLOGS_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$root/toolkit-cli/target/synthlogs.jar" "$here/BenchServer.java" 1 "$((SSE_CLIENTS + 10))" 2>"$log" &
server=$!
for _ in $(seq 1 600); do
  grep -q "listening on" "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)"
[ -n "$url" ] || { echo "server did not start:" >&2; cat "$log" >&2; exit 1; }

echo "server $url (seed 1), $(nproc) cores, $(java -version 2>&1 | head -1)"
java "$here/GenerateLatency.java" "$url" "$REQUESTS" "$WARMUP" "$COUNT" "$SSE_CLIENTS" "$SSE_BATCHES"
