#!/usr/bin/env bash
# Open a `coopie show` page in headless Chromium: it must render, log no console error, and
# every claim row must find its evidence in the text (the page's #selftest). Writes a
# screenshot beside the page. Usage: scripts/check_show.sh [PAGE]  (Debian's chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:-eval/show/seeds.html}
[ -f "$page" ] || .venv/bin/coopie show seeds/ -o "$page" 2>/dev/null
page=$(realpath "$page")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile")
log=$(mktemp)
dom=$(chromium "${flags[@]}" --enable-logging=stderr --v=0 --virtual-time-budget=3000 \
      --dump-dom "file://$page#selftest" 2>"$log")
chromium "${flags[@]}" --screenshot="${page%.html}.png" --window-size=1400,1000 \
  "file://$page" >/dev/null 2>&1 || true
grep -q "<h1>coopie show</h1>" <<<"$dom" || { echo "page did not render"; exit 1; }
if grep -E "CONSOLE.*(Uncaught|Error)" "$log"; then echo "console errors"; exit 1; fi
result=$(grep -o 'data-selftest="[^"]*"' <<<"$dom" || echo 'data-selftest="did not run"')
echo "page renders: $(grep -o '<mark class="entity"' <<<"$dom" | wc -l) entities," \
     "$(grep -o '<tr class="claim"' <<<"$dom" | wc -l) claims; evidence $result;" \
     "screenshot ${page%.html}.png"
[[ $result == 'data-selftest="ok '* ]]
