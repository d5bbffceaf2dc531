#!/usr/bin/env bash
# Latency of stored data: one client saves samples/tam-ky-2022.json (35 KB) as the next
# revision of 2022 REQUESTS times, one save after the other (PUT /v1/drafts/2022, each from the
# revision the last one made), then reads the latest revision REQUESTS times (GET), and reports
# p50, p95 and max over HTTP (curl's time_total). Then it issues the report ISSUES times (POST
# /v1/register, each time from a new revision with the next number: the render of a PDF/A-2b,
# its signature fields read, the entry and the PDF stored) and downloads the first one
# REQUESTS times (GET /v1/register/1/pdf). The database is a fresh SQLite file, or DATABASE (a
# postgres:// URL of an empty database).
#
#   scripts/bench-store.sh                  # 300 saves, 300 reads, 100 issues, 300 downloads
#   DATABASE=postgres://postgres@127.0.0.1:55432/bench scripts/bench-store.sh
#
# Run it on a quiet machine: no cargo build, no other benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."

requests=${REQUESTS:-300}
issues=${ISSUES:-100}
target=${CARGO_TARGET_DIR:-target}
sample=$PWD/samples/tam-ky-2022.json
vanban=$target/release/vanban

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

database=${DATABASE:-$work/vanban.db}
"$vanban" office add bench --name "Ban CHQS thành phố Tam Kỳ" --database "$database" >/dev/null
echo "mật khẩu của phép đo" | "$vanban" user add clerk --office bench --database "$database" >/dev/null
token=$("$vanban" user token clerk --database "$database")

port=$((20000 + RANDOM % 20000))
"$vanban" serve --addr "127.0.0.1:$port" --database "$database" 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 200); do
  curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break
  sleep 0.05
done
url="http://127.0.0.1:$port/v1/drafts/2022"

# Prints p50, p95 and max of the times in FILE (status, seconds per line).
percentiles() {
  sort -k2 -g "$2" | awk -v name="$1" '
    $1 !~ /^20[01]$/ { failed += 1 }
    { t[NR] = $2 * 1000 }
    END {
      printf "%-28s %d requests: p50 %.2f ms, p95 %.2f ms, max %.2f ms; failed %d\n",
        name, NR, t[int(NR * 0.50 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR], failed
    }'
}

: >"$work/saves"
for revision in $(seq 0 $((requests - 1))); do
  { printf '{"revision":%d,"data":' "$revision"; cat "$sample"; printf '}'; } >"$work/body"
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X PUT \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary "@$work/body" "$url" >>"$work/saves"
done
percentiles "save (PUT, 35 KB)" "$work/saves"

# GETs URL REQUESTS times and prints the figures as NAME.
gets() {
  : >"$work/gets"
  for _ in $(seq 1 "$requests"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' \
      -H "Authorization: Bearer $token" "$2" >>"$work/gets"
  done
  percentiles "$1" "$work/gets"
}

gets "read the latest (GET)" "$url"

: >"$work/issues"
for number in $(seq 1 "$issues"); do
  python3 - "$sample" "$((requests + number - 1))" "$number" >"$work/body" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
data["document"]["number"] = int(sys.argv[3])
print(json.dumps({"revision": int(sys.argv[2]), "data": data}, ensure_ascii=False))
PY
  curl -s -o /dev/null -X PUT -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary "@$work/body" "$url"
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data '{"year": 2022, "kind": "report"}' "http://127.0.0.1:$port/v1/register" >>"$work/issues"
done
percentiles "issue the report (POST)" "$work/issues"

gets "download an issued PDF (GET)" "http://127.0.0.1:$port/v1/register/1/pdf"
