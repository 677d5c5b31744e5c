#!/usr/bin/env bash
# Render the evaluation HTML report in headless Chromium and fail if it does not load.
# Usage: scripts/check_report.sh [REPORT_DIR]   (needs Debian's chromium: apt-get install chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-eval/seed-report}
[ -f "$report/index.html" ] || .venv/bin/coopie evaluate --gold gold/seeds.jsonl --report "$report" >/dev/null
profile=$(mktemp -d)
dom=$(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --dump-dom "file://$PWD/$report/index.html" 2>/dev/null)
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --user-data-dir="$profile" --screenshot="$report/screenshot.png" --window-size=1400,900 \
  "file://$PWD/$report/index.html" >/dev/null 2>&1 || true
rm -rf "$profile"
grep -q "<h1>coopie evaluation</h1>" <<<"$dom" || { echo "report did not render"; exit 1; }
echo "report renders: $(grep -o '<mark' <<<"$dom" | wc -l) marked spans; screenshot $report/screenshot.png"
