#!/usr/bin/env bash
# Linux app image: a self-contained folder (trimmed Java runtime included) with bin/deid (the
# command line) and bin/deid-workbench (the desktop launcher; the window arrives with the GUI),
# plus the same folder as a .tar.gz for per-user installs. The .deb and .rpm are made from it.
#
#   installer/linux-app-image.sh               Maven build, jdeps + jlink, jpackage
#   installer/linux-app-image.sh --no-build    reuse target/installer/input and runtime
#
# Output: target/installer/image/deid-workbench/ and
#         target/installer/dist/deid-workbench-VERSION-linux-ARCH.tar.gz
set -euo pipefail
# shellcheck source=installer/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build_first=true
case "${1:-}" in
  --no-build) build_first=false ;;
  "") ;;
  *) echo "usage: $0 [--no-build]" >&2; exit 2 ;;
esac

jdk="$(jdk_home)"
mkdir -p "$build"
if $build_first; then
  build_input
  "$installer_dir/runtime.sh"
fi
[ -d "$runtime" ] || die "$runtime is missing: run without --no-build"

rm -rf "${image_dest:?}/$package_name"
mkdir -p "$image_dest" "$dist"
log "jpackage: app image"
"$jdk/bin/jpackage" --type app-image \
  --name "$package_name" \
  --app-version "$(numeric_version)" \
  --vendor "$(meta vendor)" \
  --copyright "$(copyright)" \
  --description "$(meta description)" \
  --icon "$root/icons/png/deid-workbench-256.png" \
  --input "$input" \
  --main-jar "$(meta main-jar)" \
  --main-class "$(meta main-class)" \
  --add-launcher "$cli_launcher=$(write_cli_launcher)" \
  --runtime-image "$runtime" \
  --dest "$image_dest"

image="$image_dest/$package_name"
[ -x "$image/bin/$cli_launcher" ] || die "$image/bin/$cli_launcher was not made"

arch="$(uname -m)"
tarball="$dist/$package_name-$(meta version)-linux-${arch/x86_64/x64}.tar.gz"
# Fixed owner, order and times: the same image gives the same archive.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' \
  -C "$image_dest" -cf - "$package_name" | gzip -n > "$tarball"

log "app image: $(du -sh "$image" | cut -f1) in $image (runtime $(du -sh "$image/lib/runtime" | cut -f1))"
log "archive:   $(du -h "$tarball" | cut -f1) $tarball ($(elapsed))"
