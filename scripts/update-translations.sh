#!/usr/bin/env bash
# Collects every translatable string (self.tr in ui/, QT_TRANSLATE_NOOP("core", ...) in core/) into
# the zh_CN .ts file, then compiles the .qm the application loads. Edit the .ts with pyside6-linguist.
# English is the source language; its .ts holds only the counts (self.tr("%n parts", "", n)), whose
# singular the source text cannot give.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${VENV_BIN:-.venv/bin}"
dir=resources/translations
mapfile -t sources < <(find outletdesk -name '*.py' -not -path '*/migrations/*' | sort)
"$bin/pyside6-lupdate" -no-obsolete -locations none "${sources[@]}" -ts "$dir/outletdesk_zh_CN.ts"
"$bin/pyside6-lupdate" -no-obsolete -locations none -pluralonly -source-language en \
    -target-language en "${sources[@]}" -ts "$dir/outletdesk_en.ts"
for ts in "$dir"/outletdesk_zh_CN.ts "$dir"/outletdesk_en.ts; do
    "$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
