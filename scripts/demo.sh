#!/usr/bin/env bash
# Set up a virtual environment (if needed) and run the main job on the bundled sample:
# ingest, extract, assess, and write out/report.html.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
exec .venv/bin/foothold demo --out out "$@"
