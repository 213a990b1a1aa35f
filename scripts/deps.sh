#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Throughline needs, only when missing.
#   scripts/deps.sh run    what building and running the app needs
#   scripts/deps.sh test   that, plus what the real-window tests need
# As root it installs with apt-get; otherwise it prints the sudo line.
set -euo pipefail

build=(gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev
       libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev)
# python3-xlib sends the close request a window manager would; poppler-utils'
# pdftotext reads the session-prep PDF back; xz-utils packs the Linux bundle
# that make test builds and checks; tzdata, mount and util-linux (unshare)
# give the zone, disk-full and no-network tests what they need; syncthing
# runs the two-computer sync test.
window_tests=(xvfb xdotool imagemagick python3-xlib poppler-utils xz-utils tzdata mount util-linux
              syncthing)

case "${1:-run}" in
  run)  wanted=("${build[@]}") ;;
  test) wanted=("${build[@]}" "${window_tests[@]}") ;;
  *)    echo "usage: $0 run|test" >&2; exit 2 ;;
esac

if ! command -v go >/dev/null; then
  echo "Go is not installed. Install Go 1.26 or newer from your package manager or go.dev, then run make again." >&2
  exit 1
fi
if ! command -v dpkg-query >/dev/null; then
  echo "Not a Debian/Ubuntu system: install the equivalents of: ${wanted[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Throughline needs these packages. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
