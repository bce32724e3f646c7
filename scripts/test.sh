#!/usr/bin/env bash
# Set up a virtual environment (if needed) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[dev]"
# -rs lists every skipped test with its reason (the quality gate needs ../shared: see README)
exec .venv/bin/python -m pytest -rs "$@"
