#!/usr/bin/env bash
# Builds Throughline's Linux bundle with the fyne tool, and installs it for
# the current user.
#   scripts/package.sh build      build/package/Throughline.tar.xz
#   scripts/package.sh install    the bundle into ~/.local (no sudo)
#   scripts/package.sh uninstall  exactly the files install put there
# The name, app ID, version and icon come from FyneApp.toml; the fyne tool
# is installed at FYNE_TOOL_VERSION into build/tools/ the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

GO=${GO:-go}
FYNE_TOOL_VERSION=${FYNE_TOOL_VERSION:-v1.7.4}
tool_dir=$root/build/tools/fyne-$FYNE_TOOL_VERSION
fyne=$tool_dir/fyne
tarball=$root/build/package/Throughline.tar.xz

# detail KEY reads a string from FyneApp.toml's [Details].
detail() {
  sed -n '/^\[Details\]/,/^\[/s/^'"$1"' *= *"\(.*\)"$/\1/p' FyneApp.toml
}
VERSION=${VERSION:-$(detail Version)}
app_id=$(detail ID)
# fyne names the binary after the last element of the module path.
exe=$(sed -n 's,^module .*/,,p' go.mod)

bin_file=$HOME/.local/bin/$exe
desktop_file=$HOME/.local/share/applications/$app_id.desktop
icon_file=$HOME/.local/share/icons/$app_id.png

die() { echo "$*" >&2; exit 1; }

build() {
  [[ $VERSION =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] ||
    die "FyneApp.toml's Version is \"$VERSION\"; the fyne tool wants x, x.y or x.y.z."
  command -v xz >/dev/null ||
    die "The fyne tool packs the bundle with xz, which is missing: sudo apt-get install -y xz-utils"

  if [ ! -x "$fyne" ]; then
    echo "Installing the fyne tool $FYNE_TOOL_VERSION into ${tool_dir#"$root"/}"
    GOBIN=$tool_dir "$GO" install "fyne.io/tools/cmd/fyne@$FYNE_TOOL_VERSION"
  fi

  # The fyne tool writes into the folder it packages: it adds a Go file for
  # the build and, afterwards, rewrites FyneApp.toml with Build one higher.
  # It works on a copy of the sources (tracked and new files, not ignored
  # ones) so the work tree is left as it was.
  stage=$(mktemp -d "${TMPDIR:-/tmp}/throughline-package.XXXXXX")
  trap 'rm -rf "$stage"' EXIT
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard |
      while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
      tar --null -T - -cf - | tar -xf - -C "$stage"
  else
    tar --exclude=./.git --exclude=./build --exclude=./bin -cf - . | tar -xf - -C "$stage"
  fi

  rm -f "$tarball"
  mkdir -p "$(dirname "$tarball")"
  echo "Packaging Throughline $VERSION: fyne package --os linux --release (about 3 minutes the first time)"
  # fyne passes -ldflags found in GOFLAGS on to go build; keep the rest.
  (cd "$stage" &&
    GOFLAGS="$("$GO" env GOFLAGS) -ldflags=-X=main.version=$VERSION" \
      "$fyne" package --os linux --release)
  mv "$stage/Throughline.tar.xz" "$tarball"
  echo "Bundle: ${tarball#"$root"/}"
}

install_bundle() {
  [ -f "$tarball" ] || die "There is no bundle at ${tarball#"$root"/} yet: run make package first."
  unpacked=$(mktemp -d "${TMPDIR:-/tmp}/throughline-install.XXXXXX")
  trap 'rm -rf "$unpacked"' EXIT
  tar -xJf "$tarball" -C "$unpacked"
  # The bundle's own Makefile installs into ~/.local and points the menu
  # entry's Exec= at the installed binary.
  env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$unpacked/$exe" user-install DESTDIR=
  echo "Installed Throughline for $(id -un):"
  echo "  program     $bin_file"
  echo "  menu entry  $desktop_file"
  echo "  icon        $icon_file"
  case ":$PATH:" in
    *":$HOME/.local/bin:"*) ;;
    *) echo "$HOME/.local/bin is not on your PATH: the menu entry works anyway; add it to PATH to type $exe in a terminal." ;;
  esac
}

uninstall_bundle() {
  for f in "$bin_file" "$desktop_file" "$icon_file"; do
    if [ -e "$f" ]; then
      rm -f "$f"
      echo "Removed $f"
    else
      echo "Not there: $f"
    fi
  done
  echo "Your journal and its backups are kept (by default in ~/.local/share/throughline)."
}

case "${1:-}" in
  build)     build ;;
  install)   install_bundle ;;
  uninstall) uninstall_bundle ;;
  *)         echo "usage: $0 build|install|uninstall" >&2; exit 2 ;;
esac
