#!/usr/bin/env bash
# Builds the bundle, moves it elsewhere (it must be relocatable) and runs it: command line, then the
# window offscreen for a few seconds. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/installer/build.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -a "$root/build/installer/dist/OutletDesk" "$work/moved-bundle"
app="$work/moved-bundle/OutletDesk"
export OUTLETDESK_HOME="$work/home" QT_QPA_PLATFORM=offscreen
db="sqlite:///$work/home/check.sqlite3"
"$app" --version
"$app" --db "$db" demo --customers 20
"$app" --db "$db" export customers -o "$work/customers.xlsx"
"$app" --db "$db" backup -o "$work/backup.sqlite3"
test -s "$work/customers.xlsx" && test -s "$work/backup.sqlite3"
# The window: it must still be running (waiting at sign-in) after 8 seconds, with no error logged.
"$app" --db "$db" > "$work/window.log" 2>&1 &
pid=$!
sleep 8
if ! kill -0 "$pid" 2>/dev/null; then
  echo "The bundled window exited early:"; cat "$work/window.log"; exit 1
fi
kill "$pid"; wait "$pid" 2>/dev/null || true
if grep -qE "ERROR|Traceback" "$work/window.log" "$work/home/logs/outletdesk.log" 2>/dev/null; then
  echo "Errors while starting the bundled window:"; cat "$work/window.log"; exit 1
fi
echo "installer check passed: bundle relocated to $work/moved-bundle, command line and window work"
