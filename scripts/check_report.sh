#!/usr/bin/env bash
# Open the evaluation report in headless Chromium: the index and the page of the document
# with the most errors must render and log no console error; screenshots go beside them.
# Usage: scripts/check_report.sh [REPORT_DIR]   (needs Debian's chromium: apt-get install chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-eval/seed-report}
[ -f "$report/index.html" ] || .venv/bin/coopie evaluate --gold gold/seeds.jsonl --report "$report" >/dev/null 2>&1
report=$(realpath "$report")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile")
worst=$(grep -o "href='docs/[0-9]*.html'" "$report/index.html" | head -1 | cut -d"'" -f2)
for page in index.html "$worst"; do
  log=$(mktemp)
  dom=$(chromium "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$report/$page" 2>"$log")
  shot="$report/${page%.html}.png"
  chromium "${flags[@]}" --screenshot="$shot" --window-size=1400,1000 "file://$report/$page" >/dev/null 2>&1 || true
  grep -q "<h1>" <<<"$dom" || { echo "$page did not render"; exit 1; }
  if grep -E "CONSOLE.*(Uncaught|Error)" "$log"; then echo "$page: console errors"; exit 1; fi
  echo "$page renders: $(grep -o '<mark' <<<"$dom" | wc -l) marked spans, $(grep -o '<tr' <<<"$dom" | wc -l) table rows, $(grep -o '<svg' <<<"$dom" | wc -l) charts; screenshot $shot"
  rm -f "$log"
done
