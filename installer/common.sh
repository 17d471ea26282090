# Sourced by the Linux and macOS installer scripts: where things are, the pom's metadata, the JDK
# tools. Not a script of its own.
# shellcheck shell=bash

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
installer_dir="$root/installer"
build="$root/target/installer"        # everything the installer scripts make goes below here
input="$build/input"                  # what jpackage bundles: the jar, lib/, LICENSE, THIRD-PARTY.txt
runtime="$build/runtime"              # the trimmed Java runtime (runtime.sh)
image_dest="$build/image"             # the app image (linux-app-image.sh, macos.sh)
dist="$build/dist"                    # the files to ship: .tar.gz, .deb, .rpm, .dmg, .pkg
package_name=deid-workbench           # Linux package, app image folder and GUI launcher name
cli_launcher=deid                     # the command-line launcher, on the PATH after installing
profile_extension=deidprofile         # file association: rule profiles saved as NAME.deidprofile
profile_mime_type=application/x-deid-profile+yaml

log() { printf 'installer: %s\n' "$*" >&2; }
die() { printf 'installer: %s\n' "$*" >&2; exit 1; }

# The JDK whose jdeps, jlink and jpackage we use: $JAVA_HOME, else (macOS) java_home's JDK 17,
# else the one javac belongs to.
jdk_home() {
  local home="${JAVA_HOME:-}"
  if [ -z "$home" ] && [ -x /usr/libexec/java_home ]; then
    home="$(/usr/libexec/java_home -v 17 2>/dev/null || true)"
  fi
  if [ -z "$home" ]; then
    local javac
    javac="$(command -v javac)" || die "no JDK: set JAVA_HOME or put javac on the PATH (Java 17+)"
    home="$(dirname "$(dirname "$(readlink -f "$javac")")")"
  fi
  [ -x "$home/bin/jpackage" ] || die "$home/bin/jpackage not found: jpackage needs JDK 17 or later"
  [ -f "$home/jmods/java.base.jmod" ] \
    || die "$home/jmods not found: jlink needs the JDK's jmods (Debian: openjdk-17-jdk-headless)"
  printf '%s\n' "$home"
}

# Builds the jar, target/lib/, and the pom's metadata and THIRD-PARTY listing (profile
# "installer"), then stages jpackage's input folder. Tests are not run here: CI runs them first.
build_input() {
  log "building the jar with Maven (profile installer, no tests)"
  (cd "$root" && mvn -B -q -Dstyle.color=never -f desktop.xml -Pinstaller -DskipTests package) || die "the Maven build failed"
  rm -rf "$input"
  mkdir -p "$input/lib"
  cp "$root/target/$(meta main-jar)" "$input/"
  cp "$root"/target/lib/*.jar "$input/lib/"
  cp "$root/LICENSE" "$build/THIRD-PARTY.txt" "$input/"
  check_third_party "$input" || die "THIRD-PARTY.txt misses bundled jars (see above)"
}

# Every bundled jar must be listed in THIRD-PARTY.txt (groupId:artifactId:version); a jar the
# listing misses would ship without its licence.
check_third_party() {
  local folder="$1" jar name entry listed found missing=0
  # "- group:artifact:version (Name)" -> "artifact-version", the name copy-dependencies gives; a
  # classified jar (javafx-base-21.0.11-linux.jar, xmlresolver-6.0.23-data.jar) is the same artifact
  listed="$(sed -n 's/^- [^:]*:\([^:]*\):\([^ ]*\).*/\1-\2/p' "$folder/THIRD-PARTY.txt")"
  for jar in "$folder"/lib/*.jar; do
    name="$(basename "$jar" .jar)"
    found=0
    while IFS= read -r entry; do
      if [ -n "$entry" ] && { [ "$name" = "$entry" ] || [[ "$name" == "$entry"-* ]]; }; then
        found=1
        break
      fi
    done <<< "$listed"
    if [ "$found" -eq 0 ]; then
      log "THIRD-PARTY.txt does not list $(basename "$jar")"
      missing=1
    fi
  done
  return "$missing"
}

# A value from target/installer/metadata.properties, which Maven filled in from desktop.xml.
meta() {
  local file="$build/metadata.properties" key value
  [ -f "$file" ] || die "$file is missing: run installer/linux-app-image.sh (it runs Maven first)"
  while IFS='=' read -r key value; do
    if [ "$key" = "$1" ]; then
      printf '%s\n' "$value"
      return 0
    fi
  done < "$file"
  die "no '$1' in $file"
}

# jpackage wants a numeric version (1 to 3 numbers): 0.1.0-SNAPSHOT -> 0.1.0.
numeric_version() {
  local v
  v="$(meta version)"
  v="${v%%-*}"
  [[ "$v" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "version '$(meta version)' does not start with 1-3 numbers"
  printf '%s\n' "$v"
}

# The Debian revision / RPM release: 1 for a release, 0.snapshot for a -SNAPSHOT build, so that a
# snapshot package sorts before the release of the same version and does not pass for it.
package_release() {
  case "$(meta version)" in
    *-SNAPSHOT) printf '0.snapshot\n' ;;
    *) printf '1\n' ;;
  esac
}

copyright() { printf 'Copyright %s %s\n' "$(meta inception-year)" "$(meta vendor)"; }

# The file association of rule profiles, written for jpackage with the platform's icon.
write_profile_association() {
  local icon="$1" file="$build/profile-association.properties"
  cat > "$file" <<EOF
extension=$profile_extension
mime-type=$profile_mime_type
description=$(meta name) rule profile
icon=$icon
EOF
  printf '%s\n' "$file"
}

# The command-line launcher: same main class; a console on Windows (ignored elsewhere); the throughput
# collector and less C2 inlining, as the checkout's deid script gives commands (decisions 0045, 0098).
write_cli_launcher() {
  local file="$build/$cli_launcher-launcher.properties"
  cat > "$file" <<EOF
main-class=$(meta main-class)
win-console=true
java-options=-XX:+UseParallelGC -XX:FreqInlineSize=150 -XX:InlineSmallCode=1500
EOF
  printf '%s\n' "$file"
}

# jpackage's --resource-dir for .deb/.rpm: installer/linux/ with this project's names filled in
# (jpackage then fills in its own upper-case words).
linux_install_parent=/opt
linux_resources="$build/resources-linux"
stage_linux_resources() {
  local kind="$1" f extra
  rm -rf "$linux_resources"
  mkdir -p "$linux_resources"
  case "$kind" in
    deb) extra=(postinst prerm) ;;
    rpm) extra=() ;;
    *) die "stage_linux_resources: unknown kind $kind" ;;
  esac
  for f in "$package_name.desktop" "$cli_launcher.desktop" "${extra[@]}"; do
    sed -e "s|@NAME@|$(meta name)|g" -e "s|@CLI@|$cli_launcher|g" \
        -e "s|@INSTALL_DIR@|$linux_install_parent/$package_name|g" \
        "$installer_dir/linux/$f" > "$linux_resources/$f"
  done
}

# For linux-deb.sh and linux-rpm.sh: their argument (none or --rebuild) decides whether the app
# image is (re)built first.
ensure_app_image() {
  case "${1:-}" in
    --rebuild) "$installer_dir/linux-app-image.sh" ;;
    "") [ -x "$image_dest/$package_name/bin/$cli_launcher" ] || "$installer_dir/linux-app-image.sh" ;;
    *) echo "usage: $0 [--rebuild]" >&2; exit 2 ;;
  esac
}

# jpackage options shared by the .deb and the .rpm (each adds its type, category and dependencies).
linux_package_options() {
  linux_options=(
    --app-image "$image_dest/$package_name"
    --name "$package_name"
    --app-version "$(numeric_version)"
    --linux-app-release "$(package_release)"
    --vendor "$(meta vendor)"
    --copyright "$(copyright)"
    --description "$(meta description)"
    --license-file "$root/LICENSE"
    --icon "$root/icons/png/deid-workbench-256.png"
    --install-dir "$linux_install_parent"
    --linux-package-name "$package_name"
    --linux-menu-group "Science;MedicalSoftware"
    --linux-shortcut
    --file-associations "$(write_profile_association "$root/icons/png/deid-workbench-256.png")"
    --resource-dir "$linux_resources"
    --dest "$dist"
  )
}

# Seconds since this script started, for the timings the scripts print.
elapsed() { printf '%ss' "$SECONDS"; }
