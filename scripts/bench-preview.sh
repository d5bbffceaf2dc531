#!/usr/bin/env bash
# Latency of the page's live preview: one client posts samples/tam-ky-2022.json to
# /v1/documents/report REQUESTS times, one request after the other, for page 1 as SVG (the
# preview), as a 96-dpi PNG, and for the whole PDF, and reports p50, p95 and max over HTTP
# (curl's time_total: connect, send, render, receive).
#
#   scripts/bench-preview.sh            # 300 requests per format
#   REQUESTS=500 scripts/bench-preview.sh
#
# Run it on a quiet machine: no cargo build, no other benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."

requests=${REQUESTS:-300}
target=${CARGO_TARGET_DIR:-target}
sample=$PWD/samples/tam-ky-2022.json

cargo build --release --quiet --bin vanban
if pgrep -x rustc >/dev/null || pgrep -x cargo >/dev/null; then
  echo "warning: a cargo build is running; the figures will be high" >&2
fi

work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$((20000 + RANDOM % 20000))
"$target/release/vanban" serve --addr "127.0.0.1:$port" 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 200); do
  curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break
  sleep 0.05
done

# Posts the sample to QUERY REQUESTS times (after 10 to warm up) and prints the percentiles.
measure() {
  local name=$1 query=$2 url="http://127.0.0.1:$port/v1/documents/report$2"
  for _ in $(seq 1 10); do
    curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary "@$sample" "$url"
  done
  : >"$work/times"
  for _ in $(seq 1 "$requests"); do
    curl -s -o "$work/body" -w '%{http_code} %{time_total}\n' \
      -H 'Content-Type: application/json' --data-binary "@$sample" "$url" >>"$work/times"
  done
  local bytes
  bytes=$(wc -c <"$work/body")
  sort -k2 -g "$work/times" | awk -v name="$name" -v bytes="$bytes" '
    $1 != 200 { failed += 1 }
    { t[NR] = $2 * 1000 }
    END {
      p50 = t[int(NR * 0.50 + 0.5)]; p95 = t[int(NR * 0.95 + 0.5)]
      printf "%-22s %d requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms; %d KB; non-200 %d\n",
        name, NR, p50, p95, t[NR], bytes / 1024, failed
    }'
}

echo "vanban serve, one client, the sample report ($(nproc) cores):"
measure "page 1 as SVG" "?format=svg&page=1"
measure "page 1 as PNG, 96 dpi" "?format=png&page=1&dpi=96"
measure "the PDF (7 pages)" ""
