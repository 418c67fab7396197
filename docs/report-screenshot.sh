#!/usr/bin/env bash
# Regenerates docs/report.png, the README's picture of the report: the seed document plus
# the shared dirty corpus (../shared/corpus/dirty), gated, saved as jsonl, then
# `scrapelint report`, photographed by headless Chromium (Debian's chromium package).
# Run from anywhere: bash docs/report-screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/scrapelint check seeds/000_a8236eb7391c1bf4.txt ../shared/corpus/dirty \
  --output-format jsonl --output-file "$work/findings.jsonl" --no-progress -q \
  --gate "MC=10%" --gate "SA001=100 per MB" --gate "error=0" >/dev/null || true
.venv/bin/scrapelint report "$work/findings.jsonl" -o "$work/report.html"
.venv/bin/python - "$work/report.html" docs/report.png <<'PY'
import sys
from pathlib import Path

from tests.report.browser import find_browser, screenshot

browser = find_browser()
if browser is None:
    sys.exit("chromium is not installed (apt-get install chromium)")
screenshot(Path(sys.argv[1]), Path(sys.argv[2]), browser, size="1280,1500")
print(f"wrote {sys.argv[2]}")
PY
