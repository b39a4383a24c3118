#!/usr/bin/env bash
# Installs OutletDesk, fills the embedded SQLite database with demo data and opens the window.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh app
bash scripts/venv.sh
.venv/bin/outletdesk demo || echo "Demo data was not added (see above); opening the existing database."
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No screen found: starting OutletDesk on a virtual X server (xvfb-run)."
  exec xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/outletdesk "$@"
fi
exec .venv/bin/outletdesk "$@"
