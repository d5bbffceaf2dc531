#!/usr/bin/env bash
# Batch throughput and memory. Generates batches of N wards from the sample (its 13 wards
# repeated with numbered names, so every report differs), runs `vanban batch` on each and
# prints wards, documents, seconds, documents per second and peak RSS; then times a cold
# `vanban render report` of one ward, to compare with the per-document cost in a batch.
#
# Usage: scripts/bench-batch.sh [N...]   (default: 10 100 1000 3321)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq hyperfine time >/dev/null
fi
cargo build --release --locked
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bin=target/release/vanban
sample=samples/tam-ky-wards-2022.json

# Writes a batch of $1 wards to standard output; with "one", writes the first ward's year data
# instead (shared data in its level words, derived issuer, its changes and figures), as `vanban
# render` takes it.
generate() {
  python3 - "$sample" "$1" <<'PY'
import copy, json, sys
batch = json.load(open(sys.argv[1]))
if sys.argv[2] == "one":
    def merge(base, changes):
        for key, value in changes.items():
            if isinstance(value, dict) and isinstance(base.get(key), dict):
                merge(base[key], value)
            else:
                base[key] = value
    ward = batch["wards"][0]
    # The shared data in the ward's level words, as src/batch/ward.rs derives them.
    data = json.loads(json.dumps(batch["shared"]).replace("{level}", "phường"))
    for organization in data["organizations"]:
        organization["name"] += " phường"
    data["partners"] = data.get("partners", "các tổ chức chính trị - xã hội") + " phường"
    merge(data, {"issuer": {"parent": batch["rollup"]["issuer"]["name"],
                            "name": "Ban Chỉ huy Quân sự phường An Mỹ",
                            "short_name": "Ban CHQS phường", "abbreviation": "BCHQS",
                            "place": "An Mỹ"}})
    merge(data, ward["overrides"])
    for organization in data["organizations"]:
        kept = []
        for activity in organization["activities"]:
            quantities = activity.get("quantities", [])
            for quantity in quantities:
                field = "amount" if "amount" in quantity else "count"
                quantity[field] = ward["figures"].get(quantity["key"], 0)
            if not quantities or any(q.get("amount", q.get("count")) for q in quantities):
                kept.append(activity)
        organization["activities"] = kept
    data["organizations"] = [o for o in data["organizations"] if o["activities"]]
    json.dump(data, sys.stdout, ensure_ascii=False)
else:
    wards = batch["wards"]
    batch["wards"] = [
        dict(copy.deepcopy(wards[i % len(wards)]), name=f"{wards[i % len(wards)]['name']} {i + 1}")
        for i in range(int(sys.argv[2]))
    ]
    for i, ward in enumerate(batch["wards"]):
        for key in ward["figures"]:
            ward["figures"][key] += i % 7
    json.dump(batch, sys.stdout, ensure_ascii=False)
PY
}

printf '%8s %10s %9s %10s %12s\n' wards documents seconds "docs/s" "peak RSS MB"
for n in ${@:-10 100 1000 3321}; do
  generate "$n" >"$out/wards.json"
  /usr/bin/time -f "%e %M" -o "$out/time" \
    $bin batch "$out/wards.json" -o "$out/wards.zip" --quiet --allow-partial
  read -r seconds kb <"$out/time"
  docs=$((n + 1))
  python3 -c "print(f'{$n:8d} {$docs:10d} {$seconds:9.2f} {$docs / $seconds:10.0f} {$kb / 1024:12.0f}')"
done

generate one >"$out/ward.json"
hyperfine -N --warmup 3 --runs 40 "$bin render report $out/ward.json -o $out/ward.pdf"
