#!/usr/bin/env bash
# Collects every translatable string (self.tr in ui/, QT_TRANSLATE_NOOP("core", ...) in core/) into
# the zh_CN .ts file, then compiles the .qm the application loads. Edit the .ts with pyside6-linguist.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${VENV_BIN:-.venv/bin}"
ts=resources/translations/outletdesk_zh_CN.ts
mapfile -t sources < <(find outletdesk -name '*.py' -not -path '*/migrations/*' | sort)
"$bin/pyside6-lupdate" -no-obsolete -locations none "${sources[@]}" -ts "$ts"
"$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
