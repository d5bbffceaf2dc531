#!/usr/bin/env bash
# Runs the whole test suite. The tests read the PDFs the way a person's tools do, with
# poppler's pdftotext/pdfinfo/pdffonts, and use DejaVu as an extra font directory, so this
# installs poppler-utils and fonts-dejavu-core first when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pdftohtml >/dev/null || [ ! -d /usr/share/fonts/truetype/dejavu ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq poppler-utils fonts-dejavu-core >/dev/null
fi

cargo test --release --locked "$@"
