#!/usr/bin/env bash
# The worst shapes of year data the limits allow (tests/vanban/worst_shapes.rs): renders each
# with the release binary, once cold, and reports its time and peak memory, then the slowest
# render and the largest peak RSS over the corpus. The budget is under 2 s for every shape.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked --bin vanban --example worst_shapes
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
target/release/examples/worst_shapes "$out/shapes"

printf '%-40s %8s %10s\n' shape seconds "peak MB"
for input in "$out"/shapes/*.json; do
  name=$(basename "$input" .json)
  kind=${name%%--*}
  /usr/bin/time -f '%e %M' -o "$out/time" \
    target/release/vanban render "$kind" "$input" -o "$out/$name.pdf" >/dev/null
  read -r seconds kb <"$out/time"
  printf '%-40s %8s %10.1f\n' "$name" "$seconds" "$(awk "BEGIN { print $kb / 1024 }")"
  echo "$name $seconds $kb" >>"$out/all"
done
sort -k2 -n -r "$out/all" | head -1 | awk '{printf "slowest render: %s s (%s)\n", $2, $1}'
sort -k3 -n -r "$out/all" | head -1 | awk '{printf "largest peak RSS: %.1f MB (%s)\n", $3 / 1024, $1}'
