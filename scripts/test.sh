#!/usr/bin/env bash
# Runs the whole test suite. The tests read the PDFs the way a person's tools do, with
# poppler's pdftotext/pdfinfo/pdffonts, so this installs poppler-utils first when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pdftotext >/dev/null || ! command -v pdffonts >/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq poppler-utils >/dev/null
fi

cargo test --release --locked "$@"
