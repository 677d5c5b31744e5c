#!/usr/bin/env bash
# Open the store report in headless Chromium: both charts must be drawn (as SVG), the
# tables present, and no console error logged; a screenshot goes beside the page.
# Usage: scripts/check_store_report.sh [REPORT.html]   (default: a report of the seed
# articles' store; needs Debian's chromium: apt-get install chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:-eval/store/report.html}
if [ ! -f "$page" ]; then
  mkdir -p "$(dirname "$page")"
  work=$(dirname "$page")
  .venv/bin/coopie extract seeds/ -o "$work/seeds.jsonl" --overwrite 2>/dev/null
  rm -f "$work/claims.duckdb"
  .venv/bin/coopie store load "$work/seeds.jsonl" --db "$work/claims.duckdb" 2>/dev/null
  .venv/bin/coopie store report --db "$work/claims.duckdb" -o "$page" 2>/dev/null
fi
page=$(realpath "$page")
profile=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$profile" "$log"' EXIT
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile"
       --virtual-time-budget=10000)
dom=$(chromium "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$page" 2>"$log")
shot="${page%.html}.png"
chromium "${flags[@]}" --screenshot="$shot" --window-size=1400,1400 "file://$page" >/dev/null 2>&1 || true
if grep -E "CONSOLE.*(Uncaught|Error)|Uncaught" "$log"; then echo "console errors"; exit 1; fi
rendered=$(grep -o 'data-rendered="yes"' <<<"$dom" | wc -l)
[ "$rendered" -eq 2 ] || { echo "$rendered of 2 charts rendered"; exit 1; }
points=$(grep -o 'role="graphics-symbol"' <<<"$dom" | wc -l)
echo "renders: 2 charts (SVG), $points chart marks, $(grep -o '<tr' <<<"$dom" | wc -l) table rows, $(grep -o 'class="side"' <<<"$dom" | wc -l) competing reports; screenshot $shot"
