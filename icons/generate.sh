#!/usr/bin/env bash
# Renders the one source drawing, deid-workbench.svg, into every icon the window and the
# installers use: png/deid-workbench-SIZE.png (16-512), deid-workbench.ico (Windows) and
# deid-workbench.icns (macOS). The output is byte-identical from run to run with Debian 12's tools,
# so the rendered files are committed and `--check` tells whether they still match the drawing.
#
#   icons/generate.sh           re-render into icons/
#   icons/generate.sh --check   render into a scratch folder and compare; exit 1 if they differ
#
# Needs (Debian packages): librsvg2-bin (rsvg-convert), icoutils (icotool), icnsutils (png2icns).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
name=deid-workbench
png_sizes=(16 24 32 48 64 128 256 512)
# .ico: BMP entries up to 128 (what old Windows shells read), 256 stored as PNG (-r) to stay small.
ico_sizes=(16 24 32 48 64 128)
# .icns: png2icns accepts only these sizes ("Bad dimensions" for 24 or 64).
icns_sizes=(16 32 48 128 256 512)

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

for tool in rsvg-convert icotool png2icns; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "icons: $tool not found; install librsvg2-bin icoutils icnsutils" >&2
    exit 1
  fi
done

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/png"
for s in "${png_sizes[@]}"; do
  rsvg-convert --width "$s" --height "$s" --keep-aspect-ratio "$here/$name.svg" -o "$scratch/png/$name-$s.png"
done
ico_inputs=()
for s in "${ico_sizes[@]}"; do ico_inputs+=("$scratch/png/$name-$s.png"); done
icotool --create --output "$scratch/$name.ico" "${ico_inputs[@]}" --raw "$scratch/png/$name-256.png"
icns_inputs=()
for s in "${icns_sizes[@]}"; do icns_inputs+=("$scratch/png/$name-$s.png"); done
png2icns "$scratch/$name.icns" "${icns_inputs[@]}" >/dev/null

outputs=("$name.ico" "$name.icns")
for s in "${png_sizes[@]}"; do outputs+=("png/$name-$s.png"); done

if $check; then
  stale=0
  for f in "${outputs[@]}"; do
    if ! cmp -s "$scratch/$f" "$here/$f"; then
      echo "icons: icons/$f does not match icons/$name.svg; run icons/generate.sh and commit" >&2
      stale=1
    fi
  done
  [ "$stale" -eq 0 ] && echo "icons: ${#outputs[@]} rendered icons match $name.svg"
  exit "$stale"
fi

mkdir -p "$here/png"
for f in "${outputs[@]}"; do cp "$scratch/$f" "$here/$f"; done
echo "icons: wrote ${#outputs[@]} files into $here"
