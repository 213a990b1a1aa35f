#!/usr/bin/env bash
# Checks the Linux bundle that `make package` built: it lists it, then fails
# with the reason unless it holds a binary that runs and prints the version
# in FyneApp.toml, a menu entry (.desktop) that names that binary and the
# icon, and the icon as a square PNG of at least 256 pixels.
#   scripts/check_package.sh [build/package/Throughline.tar.xz]
set -euo pipefail
cd "$(dirname "$0")/.."

tarball=${1:-build/package/Throughline.tar.xz}
detail() {
  sed -n '/^\[Details\]/,/^\[/s/^'"$1"' *= *"\(.*\)"$/\1/p' FyneApp.toml
}
version=$(detail Version)
name=$(detail Name)
app_id=$(detail ID)
exe=$(sed -n 's,^module .*/,,p' go.mod)

fail() { echo "bundle check failed: $*" >&2; exit 1; }

[ -f "$tarball" ] || fail "no bundle at $tarball: run make package first."
echo "$tarball:"
tar -tvJf "$tarball"

unpacked=$(mktemp -d "${TMPDIR:-/tmp}/throughline-check.XXXXXX")
trap 'rm -rf "$unpacked"' EXIT
tar -xJf "$tarball" -C "$unpacked"

# fyne puts files under usr/local when the building machine has /usr/local,
# else under usr.
find_one() {
  local found
  found=$(find "$unpacked" -path "*/$1" -print -quit)
  [ -n "$found" ] || fail "it holds no $1."
  echo "$found"
}

bin=$(find_one "bin/$exe")
[ -f "$bin" ] && [ -x "$bin" ] || fail "bin/$exe is not an executable file."
out=$("$bin" version 2>&1) || fail "bin/$exe version failed: $out"
[[ $out == *"$version"* ]] || fail "bin/$exe version printed \"$out\", not version $version from FyneApp.toml."
echo "bin/$exe version: $out"

desktop=$(find_one "share/applications/$app_id.desktop")
want() {
  grep -qx -- "$1" "$desktop" || fail "$app_id.desktop has no line matching $1:
$(cat "$desktop")"
}
want '\[Desktop Entry\]'
want 'Type=Application'
want "Name=$name"
want "Exec=$exe\( .*\)\{0,1\}"
want "Icon=$app_id"
want 'Comment=.\{1,\}'
want 'Categories=\(.*;\)\{0,1\}Office;.*'
echo "$app_id.desktop:"
cat "$desktop"

icon=$(find_one "share/pixmaps/$app_id.png")
# A PNG starts with its 8-byte signature; IHDR's width and height follow
# at bytes 16 to 23, big-endian.
[ "$(od -An -tx1 -N8 "$icon" | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$app_id.png is not a PNG."
read -r width height < <(od -An -tu1 -j16 -N8 "$icon" |
  awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
[ "$width" = "$height" ] && [ "$width" -ge 256 ] ||
  fail "$app_id.png is ${width}x${height}; menus want a square icon of at least 256 pixels."

grep -q '^user-install:' "$(find_one Makefile)" || fail "its Makefile has no user-install target."

echo "bundle OK: $exe $version, $app_id.desktop, ${width}x${height} icon"
