#!/usr/bin/env bash
# Load test of `vanban serve`: wrk posts samples/tam-ky-2022.json to /v1/documents/report from
# CONNECTIONS connections for DURATION seconds, and reports PDFs a second, latency (p50, p99),
# errors (non-2xx answers and socket errors) and the resident memory of the server and its
# render workers each second.
# Then the same against the naive service (examples/naive_service.rs: a `vanban render`
# process per request), and the ratio of the two.
#
#   scripts/bench-server.sh            # 16 connections, 20 s each
#   CONNECTIONS=32 DURATION=30 scripts/bench-server.sh
#
# Run it on a quiet machine: no cargo build (it checks), no other benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."

connections=${CONNECTIONS:-16}
duration=${DURATION:-20}
target=${CARGO_TARGET_DIR:-target}
sample=$PWD/samples/tam-ky-2022.json

if ! command -v wrk >/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi
cargo build --release --quiet --bin vanban --example naive_service
if pgrep -x rustc >/dev/null || pgrep -x cargo >/dev/null; then
  echo "warning: a cargo build is running; the figures will be low" >&2
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.body = file:read("*a")
file:close()

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "result: %d PDFs in %.1f s = %.1f PDFs/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; non-2xx %d, socket errors %d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
LUA

# Waits until PORT answers on /healthz (or accepts connections).
wait_for() {
  for _ in $(seq 1 200); do
    if curl -s -o /dev/null "http://127.0.0.1:$1/"; then return 0; fi
    sleep 0.05
  done
  echo "nothing listens on port $1" >&2
  return 1
}

# Samples the resident memory of PID and its children (vanban serve's render workers) once a
# second, DURATION times, into FILE.
sample_rss() {
  local pid=$1 file=$2
  for second in $(seq 1 "$duration"); do
    sleep 1
    local statuses=("/proc/$pid/status")
    for child in $(pgrep -P "$pid"); do statuses+=("/proc/$child/status"); done
    awk -v s="$second" '/^VmRSS:/ { kb += $2 } END { printf "%d %.1f\n", s, kb / 1024 }' \
      "${statuses[@]}" >>"$file" 2>/dev/null || true
  done
}

# Warns when another process is busy: the machine has two cores, and the figures are only
# worth what the quiet of the machine is.
check_quiet() {
  ps -eo pcpu=,pid=,comm= --sort=-pcpu | awk -v self="$1" '
    $2 != self && $1 > 20 { printf "warning: %s (pid %s) uses %s%% CPU; the figures will be low\n", $3, $2, $1 }
  ' >&2
}

# Runs wrk against PORT (server PID) and prints its result line and the memory series.
run() {
  local name=$1 port=$2 pid=$3
  check_quiet "$pid"
  : >"$work/rss-$name"
  sample_rss "$pid" "$work/rss-$name" &
  local sampler=$!
  BODY_FILE=$sample wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s \
    -s "$work/post.lua" "http://127.0.0.1:$port/v1/documents/report" >"$work/wrk-$name"
  wait "$sampler"
  local result
  result=$(grep '^result:' "$work/wrk-$name")
  echo "$name: ${result#result: }"
  awk -v name="$name" '
    { rss[$1] = $2; series = series sprintf(" %d", $2) }
    $1 >= 5 { if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2 }
    END { printf "%s: RSS (MB) each second:%s\n%s: RSS from the 5th to the %dth second: %.1f to %.1f MB\n", name, series, name, NR, min, max }
  ' "$work/rss-$name"
  echo "$result" | sed -E 's/.*= ([0-9.]+) PDFs\/s.*/\1/' >"$work/rate-$name"
}

port=$((20000 + RANDOM % 20000))
"$target/release/vanban" serve --addr "127.0.0.1:$port" 2>"$work/serve.log" &
pids+=($!)
server=$!
wait_for "$port"
# Warm up: the first render loads Typst's caches.
for _ in 1 2 3 4; do
  curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary "@$sample" \
    "http://127.0.0.1:$port/v1/documents/report"
done
echo "vanban serve (concurrency = cores = $(nproc), $connections connections, ${duration} s):"
run "vanban serve" "$port" "$server"
kill "$server"
wait "$server" 2>/dev/null || true

naive_port=$((port + 1))
"$target/release/examples/naive_service" "127.0.0.1:$naive_port" "$target/release/vanban" 2>/dev/null &
pids+=($!)
naive=$!
wait_for "$naive_port"
echo "naive service (a vanban render process per request; RSS is the service's, not its children's):"
run "naive" "$naive_port" "$naive"

awk -v served="$(cat "$work/rate-vanban serve")" -v naive="$(cat "$work/rate-naive")" \
  'BEGIN { printf "ratio: vanban serve renders %.1f times as many PDFs a second as the naive service\n", served / naive }'

