#!/usr/bin/env bash
# Installs the system packages OutletDesk needs, only those missing.
#   app:  Qt's xcb platform plugin libraries and a virtual X server for machines without a screen
#   test: the above, plus PostgreSQL server binaries and poppler-utils (tests read PDFs back)
set -euo pipefail
want=(libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-xkb1
      libxcb-cursor0 libxcb-shape0 libxcb-randr0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1
      libdbus-1-3 xvfb xauth)
if [ "${1:-app}" = "test" ]; then
  want+=(postgresql poppler-utils)
fi
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
