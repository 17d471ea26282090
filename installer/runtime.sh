#!/usr/bin/env bash
# Makes the trimmed Java runtime the installers bundle: the modules jdeps finds in the real jars
# (re-run after any dependency change: when JavaFX arrives the list grows by itself) plus the
# modules the app loads by name at run time, which jdeps cannot see. Writes
# target/installer/modules.txt and target/installer/runtime/.
#
#   installer/runtime.sh            (needs target/installer/input: run linux-app-image.sh, or
#                                    call after build_input)
#
# Environment: JAVA_HOME (else the JDK of javac on the PATH); DEID_JLINK_COMPRESS, jlink's
# --compress level (default 2: keeps the installed image under the 150 MB target now that the
# workbench's JavaFX and FHIR's HAPI are bundled; see installer/README.md).
set -euo pipefail
# shellcheck source=installer/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Loaded by name, so invisible to jdeps: installer/extra-modules.txt says which and why.
extra_modules="$(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$installer_dir/extra-modules.txt")"

jdk="$(jdk_home)"
[ -f "$input/$(meta main-jar)" ] || die "$input is not staged: run installer/linux-app-image.sh"

log "jdeps: finding the modules the jars use"
# Every jar as input (not only what the main jar reaches): libraries are also found by
# ServiceLoader (slf4j-simple) and reflection. Multi-release jars (Bouncy Castle) read as Java 17.
# The app runs on the class path, so the jars are analysed as class-path jars: copies without their
# module descriptors, or jdeps would resolve descriptors the class path never uses (okhttp requires a
# module "okio" that two Kotlin jars both claim to be).
plain="$build/jdeps-input"
rm -rf "$plain"
mkdir -p "$plain"
python3 - "$plain" "$input/$(meta main-jar)" "$input"/lib/*.jar <<'PY'
import os, sys, zipfile
out = sys.argv[1]
for jar in sys.argv[2:]:
    with zipfile.ZipFile(jar) as src, zipfile.ZipFile(os.path.join(out, os.path.basename(jar)), "w",
                                                      zipfile.ZIP_STORED) as dst:
        for item in src.infolist():
            if not item.filename.endswith("module-info.class"):
                dst.writestr(item, src.read(item.filename))
PY
found="$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$plain"/*.jar)"
rm -rf "$plain"
[ -n "$found" ] || die "jdeps printed no modules"
modules="$(printf '%s\n' "${found//,/$'\n'}" "$extra_modules" | sort -u | paste -sd, -)"
printf '%s\n' "$modules" > "$build/modules.txt"
log "modules: $modules (jdeps: $found)"

compress="${DEID_JLINK_COMPRESS:-2}"
rm -rf "$runtime"
"$jdk/bin/jlink" --add-modules "$modules" --output "$runtime" \
  --strip-debug --no-man-pages --no-header-files --strip-native-commands --compress="$compress"
log "runtime: $(du -sh "$runtime" | cut -f1) in $runtime ($(elapsed))"
