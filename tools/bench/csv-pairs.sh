#!/usr/bin/env bash
# Alternating `deid bench csv` runs of two or more jars on one realistic multi-table export (performance.md, decision
# 0148): a change to the scrubber or to a CSV method is measured on a whole export's notes and columns, not only on the
# folder it was written for. Generates the export (generate_corpus.py --patients PATIENTS, truth files moved aside) into
# DIR on first use. Prints per run the load before and after and the pipeline's wall and CPU seconds.
# usage: DEID_PASSPHRASE=... tools/bench/csv-pairs.sh DIR PAIRS THREADS JAR_A JAR_B...   (PATIENTS=6500: ~111 MB)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="$1"; pairs="$2"; threads="$3"; shift 3
: "${DEID_PASSPHRASE:?set DEID_PASSPHRASE (any value; it seals a throwaway key file)}"
if [ ! -d "$dir/export" ]; then
  python3 "$here/sample-data/generate_corpus.py" --patients "${PATIENTS:-6500}" --out "$dir/export"
  mkdir -p "$dir/truth"
  for t in "$dir"/export/*/truth.tsv; do mv "$t" "$dir/truth/$(basename "$(dirname "$t")").tsv"; done
fi
for p in $(seq 1 "$pairs"); do
  for jar in "$@"; do
    l0="$(cut -d' ' -f1 /proc/loadavg)"; t0="$(date -u +%H:%M:%S)"
    all="$(java -XX:+UseParallelGC -XX:FreqInlineSize=150 -XX:InlineSmallCode=1500 -jar "$jar" bench csv \
      --input "$dir/export" --rounds 2 --threads "$threads" 2>&1 || true)"
    line="$(echo "$all" | awk '/^pipeline:|^ratio:/ { $1 = $1; printf "%s ", $0 }')"
    [ -n "$line" ] || line="FAILED: $(echo "$all" | tail -1)"
    echo "$t0 $jar load $l0 -> $(cut -d' ' -f1 /proc/loadavg): $line"
  done
done
