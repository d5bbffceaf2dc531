#!/usr/bin/env bash
# Process-level figures: a cold `vanban render` (process start to PDF written), compared with the
# official Typst CLI compiling the same generated source when `typst` is on PATH. Then the
# in-process benchmarks (criterion) and the memory run.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq hyperfine >/dev/null
fi
cargo build --release --locked
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bin=target/release/vanban
sample=samples/tam-ky-2022.json

# The typst CLI needs the main file inside its root, so the source goes into a copy of templates/.
cp -r templates "$out/root"
$bin render report "$sample" -f typ -o "$out/root/report.typ"

commands=("$bin render report $sample -o $out/vanban.pdf")
if command -v typst >/dev/null; then
  commands+=("typst compile --root $out/root --font-path fonts --ignore-system-fonts $out/root/report.typ $out/typst.pdf")
fi
hyperfine -N --warmup 5 --runs 100 --export-json "$out/cold.json" "${commands[@]}"
python3 - "$out/cold.json" <<'PY'
import json, statistics, sys
for result in json.load(open(sys.argv[1]))["results"]:
    times = [t * 1000 for t in result["times"]]
    print(f"median {statistics.median(times):5.1f} ms  p90 {statistics.quantiles(times, n=10)[-1]:5.1f} ms  {result['command'].split()[0]}")
PY

cargo bench --locked --bench render
cargo bench --locked --bench memory

# Instruction counts do not depend on how busy the machine is: the first render (engine setup
# included) and each warm render after it, from the memory run under callgrind.
if command -v valgrind >/dev/null; then
  memory=$(cargo bench --locked --no-run --bench memory 2>&1 | grep -o 'target/release/deps/memory-[0-9a-f]*' | head -1)
  count() { VANBAN_RENDERS=$1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$memory" 2>&1 | awk '/refs:/ {gsub(",", "", $4); print $4}'; }
  one=$(count 1); many=$(count 21)
  echo "instructions: first render $one, each warm render $(( (many - one) / 20 ))"
fi
