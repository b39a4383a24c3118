#!/usr/bin/env bash
# Creates .venv beside the checkout (once) and installs OutletDesk into it with the given extras.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -m pip install -q -e ".${extras:+[$extras]}" 2>&1 | grep -vE '^WARNING: Location|^\s*$' || true
.venv/bin/python -c "import outletdesk, PySide6, sqlalchemy, reportlab, openpyxl" 
