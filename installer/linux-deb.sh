#!/usr/bin/env bash
# Debian/Ubuntu package, made from the app image (installer/linux-app-image.sh runs first unless
# the image is there). Installs to /opt/deid-workbench, puts /usr/bin/deid on the PATH
# (update-alternatives), adds the menu entry (Science > DeID Workbench) and the .deidprofile
# file type where the machine has a desktop, and depends on libgtk-3-0 for the coming window.
#
#   installer/linux-deb.sh               build the app image first if it is missing
#   installer/linux-deb.sh --rebuild     always rebuild the app image first
#
# Needs: dpkg-deb, fakeroot, objcopy (binutils). Output: target/installer/dist/*.deb
set -euo pipefail
# shellcheck source=installer/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_app_image "$@"
for tool in dpkg-deb fakeroot objcopy; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found (Debian packages: dpkg, fakeroot, binutils)"
done

jdk="$(jdk_home)"
stage_linux_resources deb
mkdir -p "$dist"
rm -f "$dist/${package_name}_"*.deb
log "jpackage: .deb"
linux_package_options
"$jdk/bin/jpackage" --type deb "${linux_options[@]}" \
  --linux-app-category science \
  --linux-package-deps libgtk-3-0

deb="$(ls "$dist/${package_name}_"*.deb)"
log ".deb: $(du -h "$deb" | cut -f1) $deb ($(elapsed))"
dpkg-deb --field "$deb" Package Version Depends Installed-Size >&2
