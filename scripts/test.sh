#!/usr/bin/env bash
# Runs the whole test suite. The tests read the PDFs the way a person's tools do, with
# poppler's pdftotext/pdfinfo/pdffonts and qpdf, use DejaVu as an extra font directory, sign a
# PDF with pyHanko, measure a command's peak memory with GNU time, drive the server's page in
# Debian's headless Chromium with playwright-core, check PDF/A with veraPDF, and store data in
# PostgreSQL as well as SQLite. So this installs, when missing, poppler-utils, qpdf, time,
# fonts-dejavu-core, chromium, Node.js, PostgreSQL and Java (in one apt-get run), a Python
# virtualenv with pinned pyHanko and pypdf in target/pyenv, the pinned playwright-core in
# tests/browser/node_modules and veraPDF (scripts/check-pdfa.sh); it starts a PostgreSQL
# cluster of its own. The tests' build needs none of these, so it runs meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."

build_log=$(mktemp)
cargo test --release --locked --no-run >"$build_log" 2>&1 &
build=$!
pg_stop=""
cleanup() {
  kill "$build" 2>/dev/null || true
  rm -f "$build_log"
  if [ -n "$pg_stop" ]; then eval "$pg_stop"; fi
}
trap cleanup EXIT

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
missing=()
need() { missing+=("$@"); }
{ command -v pdftohtml && command -v qpdf && [ -x /usr/bin/time ]; } >/dev/null || need poppler-utils qpdf time
[ -d /usr/share/fonts/truetype/dejavu ] || need fonts-dejavu-core
# Debian's own python3 needs python3-venv (ensurepip) to make a virtualenv.
python3 -c "import ensurepip" 2>/dev/null || need python3-venv
command -v chromium >/dev/null || need chromium
{ command -v node && command -v npm; } >/dev/null || need nodejs npm
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need postgresql
{ [ -f /usr/share/java/jaxb-runtime.jar ] && command -v java; } >/dev/null || need libjaxb-java openjdk-17-jdk-headless
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The Python tools for tests/tools/ (signing with pyHanko, filling a workbook with openpyxl); the venv is rebuilt when the pins change.
pins="pyhanko==0.38.0 pypdf==7.1.0 cryptography==50.0.2 openpyxl==3.1.5"
venv=target/pyenv
if [ "$(cat "$venv/pins" 2>/dev/null)" != "$pins" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  # shellcheck disable=SC2086 # one argument per pin
  "$venv/bin/python" -m pip install -q --disable-pip-version-check $pins
  echo "$pins" >"$venv/pins"
fi
export VANBAN_PYTHON="$PWD/$venv/bin/python"

# The page's browser test (tests/browser, run by tests/vanban/server/page.rs): Debian's
# Chromium, Node.js, and playwright-core as package-lock.json pins it (it uses that Chromium;
# it downloads no browser of its own).
browser=tests/browser
if [ ! -f "$browser/node_modules/.package-lock.json" ] ||
  ! cmp -s <(sed -n '/"node_modules\//,$p' "$browser/package-lock.json") \
    <(sed -n '/"node_modules\//,$p' "$browser/node_modules/.package-lock.json"); then
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error)
fi

# veraPDF, the reference PDF/A validator, for the check that the signed agreement stays
# PDF/A-2b (scripts/check-pdfa.sh fetches it on first use).
scripts/check-pdfa.sh >/dev/null
export VANBAN_VERAPDF="$PWD/scripts/check-pdfa.sh"

# PostgreSQL for the stored-data tests, which run on SQLite and on PostgreSQL alike: Debian's
# server, a throw-away cluster in target/pg on a port of its own, stopped when the tests end.
# initdb refuses to run as root, so as root the cluster belongs to the postgres user (and lives
# in a temporary folder when that user cannot reach target/).
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgport=${VANBAN_TEST_PG_PORT:-55432}
pgdata="$PWD/target/pg"
as_pg=()
mkdir -p "$pgdata"
if [ "$(id -u)" -eq 0 ]; then
  as_pg=(runuser -u postgres --)
  chown postgres "$pgdata"
  # The postgres user must reach target/pg through every folder above it.
  if ! "${as_pg[@]}" test -w "$pgdata"; then
    pgdata=$(mktemp -d /tmp/vanban-pg.XXXXXX)
    chown postgres "$pgdata"
  fi
fi
if [ ! -f "$pgdata/PG_VERSION" ]; then
  "${as_pg[@]}" "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" status >/dev/null; then
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
    -o "-p $pgport -k $pgdata -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
fi
pg_stop='"${as_pg[@]}" "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null'
export VANBAN_TEST_POSTGRES="postgres://postgres@127.0.0.1:$pgport"

if ! wait "$build"; then
  cat "$build_log"
  exit 1
fi
cargo test --release --locked "$@"
