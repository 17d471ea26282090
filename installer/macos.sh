#!/usr/bin/env bash
# macOS: "DeID Workbench.app" (trimmed runtime inside), then a .dmg (drag to /Applications or
# ~/Applications: per user) and/or a .pkg (system-wide, puts /usr/local/bin/deid on the PATH).
# Written for macOS 12+ with a JDK 17 and Maven; not run on this project's Linux CI.
#
#   installer/macos.sh [dmg] [pkg]     default: both
#
# Signing and notarization (optional; unsigned packages are for testing only, Gatekeeper
# blocks them on other Macs):
#   DEID_MAC_SIGNING_IDENTITY  "Team Name (TEAMID)": jpackage signs with "Developer ID
#                              Application: ..." and the .pkg with "Developer ID Installer: ..."
#                              from the keychain (hardened runtime, jpackage's JVM entitlements)
#   DEID_MAC_KEYCHAIN          keychain to take them from (default: the search list)
#   DEID_MAC_ENTITLEMENTS      an entitlements .plist instead of jpackage's default
#   DEID_NOTARY_PROFILE        a notarytool keychain profile (xcrun notarytool store-credentials):
#                              each .dmg/.pkg is submitted, waited for and stapled
#   DEID_MAC_APP_VERSION       CFBundleVersion to use when the pom's version starts with 0
#                              (macOS and jpackage refuse a first number of 0; default 1)
set -euo pipefail
# shellcheck source=installer/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ "$(uname -s)" = Darwin ] || die "macos.sh runs on macOS (jpackage builds for the system it runs on)"
types=("$@")
[ "${#types[@]}" -gt 0 ] || types=(dmg pkg)
for t in "${types[@]}"; do
  case "$t" in dmg|pkg) ;; *) echo "usage: $0 [dmg] [pkg]" >&2; exit 2 ;; esac
done

jdk="$(jdk_home)"
mkdir -p "$build" "$dist"
build_input
"$installer_dir/runtime.sh"

app_name="$(meta name)"                                   # DeID Workbench
bundle_id="$(meta group).workbench"                       # org.deidworkbench.workbench
version="$(numeric_version)"
if [ "${version%%.*}" = 0 ]; then
  version="${DEID_MAC_APP_VERSION:-1}"
  log "WARNING: macOS needs a version whose first number is not 0; the bundle says $version," \
      "the file names say $(meta version) (set DEID_MAC_APP_VERSION to choose)"
fi

sign_options=()
if [ -n "${DEID_MAC_SIGNING_IDENTITY:-}" ]; then
  sign_options=(--mac-sign --mac-signing-key-user-name "$DEID_MAC_SIGNING_IDENTITY")
  [ -z "${DEID_MAC_KEYCHAIN:-}" ] || sign_options+=(--mac-signing-keychain "$DEID_MAC_KEYCHAIN")
  [ -z "${DEID_MAC_ENTITLEMENTS:-}" ] || sign_options+=(--mac-entitlements "$DEID_MAC_ENTITLEMENTS")
else
  log "not signing (set DEID_MAC_SIGNING_IDENTITY): for testing only"
fi

common_options=(
  --name "$app_name"
  --app-version "$version"
  --vendor "$(meta vendor)"
  --copyright "$(copyright)"
  --description "$(meta description)"
  --icon "$root/icons/deid-workbench.icns"
)
[ "${#sign_options[@]}" -eq 0 ] || common_options+=("${sign_options[@]}")

log "jpackage: $app_name.app"
rm -rf "${image_dest:?}/$app_name.app"
mkdir -p "$image_dest"
"$jdk/bin/jpackage" --type app-image "${common_options[@]}" \
  --input "$input" \
  --main-jar "$(meta main-jar)" \
  --main-class "$(meta main-class)" \
  --add-launcher "$cli_launcher=$(write_cli_launcher)" \
  --runtime-image "$runtime" \
  --mac-package-identifier "$bundle_id" \
  --mac-package-name "$app_name" \
  --mac-app-category medical \
  --dest "$image_dest"
app="$image_dest/$app_name.app"

# The image must run with no JDK and no Maven: --version and a run on the sample data.
check_dir="$(mktemp -d)"
trap 'rm -rf "$check_dir"' EXIT
mkdir -p "$check_dir/empty"
env -i PATH="$check_dir/empty" HOME="$check_dir" "$app/Contents/MacOS/$cli_launcher" --version \
  | grep -qx "deid-workbench $(meta version)" || die "$app: deid --version failed"
env -i PATH="$check_dir/empty" HOME="$check_dir" DEID_PASSPHRASE=smoke-test-passphrase \
  "$app/Contents/MacOS/$cli_launcher" run "$root/sample-data/csv" --out "$check_dir/out" > /dev/null \
  || die "$app: deid run on sample-data/csv failed"
(cd "$check_dir/out" && shasum -a 256 -c --quiet deid-manifest.sha256) || die "$app: manifest does not verify"
log "app: $(du -sh "$app" | cut -f1) $app, deid --version and deid run work without a JDK"

# .pkg scripts: jpackage's own postinstall from this JDK, plus /usr/local/bin/deid.
resources="$build/resources-macos"
rm -rf "$resources" "$build/jpackage-templates"
mkdir -p "$resources"
"$jdk/bin/jmod" extract --dir "$build/jpackage-templates" "$jdk/jmods/jdk.jpackage.jmod"
template="$build/jpackage-templates/classes/jdk/jpackage/internal/resources/postinstall.template"
{
  if [ -f "$template" ]; then grep -v '^exit 0' "$template"; else echo '#!/usr/bin/env sh'; fi
  sed -e "s|@NAME@|$app_name|g" -e "s|@CLI@|$cli_launcher|g" "$installer_dir/macos/postinstall"
} > "$resources/postinstall"
chmod 755 "$resources/postinstall"

association="$(write_profile_association "$root/icons/deid-workbench.icns")"
for type in "${types[@]}"; do
  rm -f "$dist/$app_name-"*".$type"
  log "jpackage: .$type"
  "$jdk/bin/jpackage" --type "$type" "${common_options[@]}" \
    --app-image "$app" \
    --license-file "$root/LICENSE" \
    --file-associations "$association" \
    --resource-dir "$resources" \
    --dest "$dist"
  built="$(ls "$dist/$app_name-"*".$type")"
  final="$dist/$package_name-$(meta version)-macos-$(uname -m).$type"
  mv "$built" "$final"
  if [ -n "${DEID_NOTARY_PROFILE:-}" ]; then
    log "notarizing $final"
    xcrun notarytool submit "$final" --keychain-profile "$DEID_NOTARY_PROFILE" --wait
    xcrun stapler staple "$final"
  fi
  log ".$type: $(du -h "$final" | cut -f1) $final"
done
log "done ($(elapsed))"
