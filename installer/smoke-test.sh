#!/usr/bin/env bash
# Smoke tests of what the Linux installer scripts made, as IT would meet it: no Maven, no JDK.
#
#   installer/smoke-test.sh app-image     the app image under target/installer/image/
#   installer/smoke-test.sh deb           the .deb: control fields, scripts, desktop entry, and the
#                                         unpacked package's deid
#   installer/smoke-test.sh deb-install   installs the .deb with apt-get (root), runs deid from the
#                                         PATH, removes the package again
#   installer/smoke-test.sh rpm           the .rpm: fields, file list, and the unpacked package's deid
#
# The app runs with an empty PATH (one empty folder) and a minimal environment: no java, no mvn,
# no JAVA_HOME can help it. Where a JDK is on the caller's PATH, the image's results are also
# compared with the same jars on that JDK: the trimmed runtime must not change a single byte.
set -euo pipefail
# shellcheck source=installer/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

passphrase=smoke-test-passphrase
image="$image_dest/$package_name"
max_image_mb=150
passes=0
failures=0
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/empty-path" "$scratch/home"

pass() { printf 'ok    %s\n' "$*"; passes=$((passes + 1)); }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }
check() { local what="$1"; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

# Runs a deid binary with nothing from the caller's environment but the passphrase.
bare() {
  env -i PATH="$scratch/empty-path" HOME="$scratch/home" LANG=C.UTF-8 \
    DEID_PASSPHRASE="$passphrase" "$@"
}

# --version, run on sample-data/csv (exit code, manifest), init (PBKDF2 and CMS via Bouncy
# Castle), keyfile inspect, and the same run on the JDK for comparison.
exercise() {
  local deid="$1" label="$2" out="$scratch/$2" version app
  app="$(dirname "$(dirname "$(readlink -f "$deid")")")/lib/app"   # the jars under test
  check "$label: no java, mvn or JAVA_HOME in the environment deid runs in" \
    bare /bin/sh -c '! command -v java && ! command -v mvn && test -z "${JAVA_HOME:-}"'
  version="$(bare "$deid" --version)" || { fail "$label: deid --version exited $?"; return; }
  check "$label: deid --version prints 'deid-workbench $(meta version)'" \
    grep -qx "deid-workbench $(meta version)" <<< "$version"

  local rc=0
  (cd "$scratch" && bare "$deid" run "$root/sample-data/csv" --out "$out/run" > "$out.log" 2>&1) || rc=$?
  check "$label: deid run sample-data/csv exits 0" test "$rc" -eq 0
  [ "$rc" -eq 0 ] || tail -5 "$out.log"
  check "$label: deid-manifest.sha256 verifies with sha256sum -c" \
    sh -c "cd '$out/run' && sha256sum -c --quiet deid-manifest.sha256"
  check "$label: deid run wrote the report and the key file" \
    test -s "$out/run/deid-report.json" -a -s "$out/run.deidkey"
  check "$label: deid run names every input file in its summary" grep -q "De-identified 4 of 4 files" "$out.log"

  rc=0
  bare "$deid" init "$out/init.deidkey" > /dev/null 2>&1 || rc=$?
  check "$label: deid init exits 0" test "$rc" -eq 0
  local inspect
  inspect="$(bare "$deid" keyfile inspect "$out/init.deidkey" 2>&1)" || true
  check "$label: deid keyfile inspect shows PBKDF2-HMAC-SHA256, 600000 iterations" \
    grep -q 'PBKDF2, prf HMAC-SHA256, iterations 600000' <<< "$inspect"

  if command -v java > /dev/null 2>&1; then
    local cp="$app/$(meta main-jar):$app/lib/*"
    (cd "$scratch" && DEID_PASSPHRASE="$passphrase" java -cp "$cp" "$(meta main-class)" run \
      "$root/sample-data/csv" --out "$out/jdk-run" --keyfile "$out/run.deidkey" > /dev/null 2>&1) || true
    check "$label: same output files as the same jars on the full JDK ($(java -version 2>&1 | head -1))" \
      diff -r -x deid-report.json "$out/run" "$out/jdk-run"
    # DICOM Specific Character Sets (jdk.charsets): pydicom's files, where python3-pydicom is installed
    local dcm name
    for name in chrH31 chrKoreanMulti chrX2 chrArab; do
      dcm="/usr/lib/python3/dist-packages/pydicom/data/charset_files/$name.dcm"
      [ -f "$dcm" ] || continue
      check "$label: deid dicom dump $name.dcm as on the full JDK" \
        diff <(bare "$deid" dicom dump "$dcm" 2>&1) <(java -cp "$cp" "$(meta main-class)" dicom dump "$dcm" 2>&1)
    done
  fi
}

test_app_image() {
  [ -x "$image/bin/$cli_launcher" ] || die "no app image: run installer/linux-app-image.sh"
  check "app image: bin/$cli_launcher and bin/$package_name" test -x "$image/bin/$package_name"
  check "app image: LICENSE and THIRD-PARTY.txt bundled" \
    test -s "$image/lib/app/LICENSE" -a -s "$image/lib/app/THIRD-PARTY.txt"
  check "app image: THIRD-PARTY.txt lists every bundled jar" check_third_party "$image/lib/app"
  local missing
  missing="$(comm -23 <(tr ',' '\n' < "$build/modules.txt" | sort) \
    <(sed -n 's/^MODULES="\(.*\)"/\1/p' "$image/lib/runtime/release" | tr ' ' '\n' | sort))"
  check "app image: runtime has every module of modules.txt ($(cat "$build/modules.txt"))" test -z "$missing"
  local mb
  mb="$(du -sm "$image" | cut -f1)"
  check "app image: ${mb} MB, under ${max_image_mb} MB" test "$mb" -lt "$max_image_mb"
  exercise "$image/bin/$cli_launcher" app-image
}

deb_file() {
  local deb
  deb="$(ls "$dist/${package_name}_"*.deb 2>/dev/null | head -1)"
  [ -n "$deb" ] || die "no .deb in $dist: run installer/linux-deb.sh"
  printf '%s\n' "$deb"
}

test_deb() {
  local deb unpacked="$scratch/deb" field
  deb="$(deb_file)"
  field() { dpkg-deb --field "$deb" "$1"; }
  check "deb: Package is $package_name" test "$(field Package)" = "$package_name"
  check "deb: Version is $(numeric_version)-$(package_release) (from desktop.xml $(meta version))" \
    test "$(field Version)" = "$(numeric_version)-$(package_release)"
  check "deb: Depends has libgtk-3-0 (JavaFX loads GTK itself; jpackage cannot see it)" \
    grep -Eq '(^|, *)libgtk-3-0(,|$| )' <<< "$(field Depends)"
  check "deb: Depends has xdg-utils (menu entry, file type)" grep -Eq '(^|, *)xdg-utils(,|$| )' <<< "$(field Depends)"
  mkdir -p "$unpacked/control"
  dpkg-deb --extract "$deb" "$unpacked/root"
  dpkg-deb --control "$deb" "$unpacked/control"
  local app="$unpacked/root$linux_install_parent/$package_name"
  check "deb: postinst puts /usr/bin/$cli_launcher on the PATH" \
    grep -q "update-alternatives --install /usr/bin/$cli_launcher $cli_launcher $linux_install_parent/$package_name/bin/$cli_launcher" \
    "$unpacked/control/postinst"
  check "deb: postinst is valid sh" sh -n "$unpacked/control/postinst"
  check "deb: prerm is valid sh" sh -n "$unpacked/control/prerm"
  local desktop="$app/lib/$package_name-$package_name.desktop"
  check "deb: desktop entry passes opened files (%F), has icon, category and profile type" \
    sh -c "grep -q '^Exec=.*/bin/$package_name %F$' '$desktop' && grep -q '^Icon=/' '$desktop' \
      && grep -q '^Categories=Science;MedicalSoftware;$' '$desktop' \
      && grep -qx 'MimeType=$profile_mime_type' '$desktop'"
  check "deb: the $cli_launcher launcher's entry is hidden from menus" \
    grep -qx 'NoDisplay=true' "$app/lib/$package_name-$cli_launcher.desktop"
  check "deb: *.$profile_extension registered as $profile_mime_type" \
    grep -q "<glob pattern=\"\*.$profile_extension\"" "$app/lib/$package_name-$package_name-MimeInfo.xml"
  check "deb: copyright file" test -s "$app/share/doc/copyright"
  exercise "$app/bin/$cli_launcher" deb-unpacked
}

test_rpm() {
  local rpm_file unpacked="$scratch/rpm"
  rpm_file="$(ls "$dist/$package_name-"*.rpm 2>/dev/null | head -1)"
  [ -n "$rpm_file" ] || die "no .rpm in $dist: run installer/linux-rpm.sh"
  check "rpm: Version $(numeric_version), Release $(package_release)" \
    test "$(rpm -qp --queryformat '%{VERSION}-%{RELEASE}' "$rpm_file" 2>/dev/null)" = "$(numeric_version)-$(package_release)"
  check "rpm: Requires gtk3 and xdg-utils" \
    sh -c "rpm -qpR '$rpm_file' 2>/dev/null | grep -qx gtk3 && rpm -qpR '$rpm_file' 2>/dev/null | grep -qx xdg-utils"
  check "rpm: owns /usr/bin/$cli_launcher and no system folder" \
    sh -c "rpm -qpl '$rpm_file' 2>/dev/null | grep -qx /usr/bin/$cli_launcher \
      && ! rpm -qpl '$rpm_file' 2>/dev/null | grep -Eqx '/opt|/usr|/usr/bin|/usr/share'"
  mkdir -p "$unpacked"
  rpm2archive - < "$rpm_file" | tar -xzf - -C "$unpacked"
  check "rpm: /usr/bin/$cli_launcher links to $linux_install_parent/$package_name/bin/$cli_launcher" \
    test "$(readlink "$unpacked/usr/bin/$cli_launcher")" = "$linux_install_parent/$package_name/bin/$cli_launcher"
  exercise "$unpacked$linux_install_parent/$package_name/bin/$cli_launcher" rpm-unpacked
}

test_deb_install() {
  local deb
  deb="$(deb_file)"
  [ "$(id -u)" -eq 0 ] || die "deb-install needs root (it runs apt-get install)"
  # ./ path: apt-get installs a local file only when it looks like a path
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$(readlink -f "$deb")" \
      > "$scratch/apt.log" 2>&1; then
    pass "deb-install: apt-get install exits 0"
  else
    fail "deb-install: apt-get install failed:"; tail -20 "$scratch/apt.log"; return
  fi
  check "deb-install: /usr/bin/$cli_launcher -> $linux_install_parent/$package_name/bin/$cli_launcher" \
    test "$(readlink -f /usr/bin/$cli_launcher)" = "$linux_install_parent/$package_name/bin/$cli_launcher"
  local version
  version="$(env -i PATH=/usr/bin:/bin HOME="$scratch/home" "$cli_launcher" --version 2>&1)" || true
  check "deb-install: '$cli_launcher --version' found on the PATH" \
    grep -qx "deid-workbench $(meta version)" <<< "$version"
  exercise "/usr/bin/$cli_launcher" deb-installed
  if DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "$package_name" > "$scratch/apt.log" 2>&1; then
    pass "deb-install: apt-get purge exits 0"
  else
    fail "deb-install: apt-get purge failed:"; tail -20 "$scratch/apt.log"
  fi
  check "deb-install: /usr/bin/$cli_launcher and $linux_install_parent/$package_name gone after purge" \
    test ! -e /usr/bin/$cli_launcher -a ! -e "$linux_install_parent/$package_name"
}

case "${1:-}" in
  app-image) test_app_image ;;
  deb) test_deb ;;
  deb-install) test_deb_install ;;
  rpm) test_rpm ;;
  *) echo "usage: $0 app-image|deb|deb-install|rpm" >&2; exit 2 ;;
esac

echo "smoke-test-$1: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
