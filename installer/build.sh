#!/usr/bin/env bash
# Builds the one-folder bundle into build/installer/dist/OutletDesk.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -x .venv/bin/pyinstaller ] || bash scripts/venv.sh installer
.venv/bin/python -m pip install -q -e ".[installer]" 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/pyinstaller --noconfirm --log-level WARN \
  --workpath build/installer/work --distpath build/installer/dist installer/outletdesk.spec
echo "Bundle: $root/build/installer/dist/OutletDesk"
