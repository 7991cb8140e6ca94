#!/usr/bin/env bash
# Renders every HTML report under a folder in headless Chromium, saves a screenshot next to each
# (report.png) and fails if the browser logs a console error or a failed resource load.
# Usage: scripts/check-reports.sh [DIR]   (default: elbo4j-out, as written by ./elbo4j demo --all)
# Installs Debian's chromium when it is missing (needs root and the Debian package mirrors).
set -euo pipefail
dir="${1:-elbo4j-out}"
if ! command -v chromium >/dev/null 2>&1; then
  echo "check-reports: installing Debian's chromium..." >&2
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
status=0
while IFS= read -r -d '' page; do
  shot="${page%.html}.png"
  profile="$(mktemp -d)"
  log="$(mktemp)"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 \
    --window-size=1100,2400 --screenshot="$shot" "file://$(realpath "$page")" 2>"$log" >/dev/null || true
  if grep -E 'CONSOLE|Uncaught|Failed to load resource|net::ERR_' "$log" | grep -v 'ERR_INTERNET_DISCONNECTED' >/dev/null; then
    echo "FAIL $page"; grep -E 'CONSOLE|Uncaught|Failed to load resource|net::ERR_' "$log" | head -5
    status=1
  elif [ ! -s "$shot" ]; then
    echo "FAIL $page: no screenshot"; status=1
  else
    echo "ok   $page -> $shot"
  fi
  rm -rf "$profile" "$log"
done < <(find "$dir" -name '*.html' -print0 | sort -z)
exit $status
