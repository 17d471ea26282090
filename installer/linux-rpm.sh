#!/usr/bin/env bash
# RPM package (Fedora, RHEL, SUSE), made from the app image where rpmbuild exists. Installs to
# /opt/deid-workbench with /usr/bin/deid as a packaged symlink, the menu entry and the
# .deidprofile file type; requires gtk3 (the RPM name of GTK 3) for the coming window.
#
#   installer/linux-rpm.sh               build the app image first if it is missing
#   installer/linux-rpm.sh --rebuild     always rebuild the app image first
#
# Needs: rpmbuild (Debian package: rpm). Output: target/installer/dist/*.rpm
#
# On a Debian build machine jpackage does not look up the RPM's library dependencies
# ("rpm is not the default package type"): gtk3 pulls in what the runtime's AWT libraries need.
set -euo pipefail
# shellcheck source=installer/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_app_image "$@"
command -v rpmbuild >/dev/null 2>&1 || die "rpmbuild not found (Debian package: rpm)"

jdk="$(jdk_home)"
stage_linux_resources rpm

# The spec: jpackage's own template from this JDK with two changes. (1) /usr/bin/deid is added as
# a packaged symlink right after the app folder is copied (the file list then picks it up). (2)
# Where no RPM "filesystem" package is installed (a Debian build machine), the template's
# fallback list of system folders came out as one line plus rpm's error message, so the package
# claimed /opt, /usr/bin and /usr/share as its own; the fallback now is one folder a line.
spec="$linux_resources/$package_name.spec"
template="$build/jpackage-templates"
rm -rf "$template"
"$jdk/bin/jmod" extract --dir "$template" "$jdk/jmods/jdk.jpackage.jmod"
anchor='cp -r %{_sourcedir}APPLICATION_DIRECTORY/* %{buildroot}APPLICATION_DIRECTORY'
src="$template/classes/jdk/jpackage/internal/resources/template.spec"
system_dirs='{ rpm -ql filesystem || echo %{default_filesystem}; } | sort > %{filesystem_filelist}'
for line in "$anchor" "$system_dirs"; do
  grep -qxF "$line" "$src" || die "jpackage's template.spec changed: '$line' not found; update $0"
done
awk -v anchor="$anchor" -v system_dirs="$system_dirs" -v cli="$cli_launcher" '
  $0 == system_dirs {
    print "{ rpm -q --quiet filesystem && rpm -ql filesystem || echo %{default_filesystem} /usr/share /usr/share/licenses | tr \" \" \"\\n\"; } | sort > %{filesystem_filelist}"
    next
  }
  { print }
  $0 == anchor {
    print "install -d -m 755 %{buildroot}/usr/bin"
    print "ln -s APPLICATION_DIRECTORY/bin/" cli " %{buildroot}/usr/bin/" cli
  }' "$src" > "$spec"

mkdir -p "$dist"
rm -f "$dist/$package_name-"*.rpm
log "jpackage: .rpm"
linux_package_options
"$jdk/bin/jpackage" --type rpm "${linux_options[@]}" \
  --linux-app-category "Applications/Science" \
  --linux-rpm-license-type "$(meta licence)" \
  --linux-package-deps gtk3

rpm_file="$(ls "$dist/$package_name-"*.rpm)"
log ".rpm: $(du -h "$rpm_file" | cut -f1) $rpm_file ($(elapsed))"
