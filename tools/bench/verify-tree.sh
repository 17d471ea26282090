#!/usr/bin/env bash
# Rebuilds the "real run's output" of performance.md, section "Leak verifier (issue #11)" (decision 0109):
#   OUTDIR/in   the generator input: corpus/ (generate_corpus.py --patients 5000, ~82 MB), dicom/
#               (generate_dicom.py --bench DIR 150 30, ~102 MB), fhir/ (the sample FHIR files plus a ~150 MB
#               Observation NDJSON and its Patients from FhirBenchmark.generate, seed 42)
#   OUTDIR/out  `deid run` of the three (~420 MB, ~184 files), key file OUTDIR/out.deidkey
#   OUTDIR/tree5g (only with COPIES=N, e.g. 12): N real copies of out in c01..cNN (~5 GB for 12)
# usage: DEID_PASSPHRASE=... tools/bench/verify-tree.sh OUTDIR [JAR]   (JAR default: target/deid.jar)
# Fake data only (the generators' invented patients). Needs python3 and Java 17; about 4 min on 2 cores at load 5, plus
# a minute for the copies.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?usage: verify-tree.sh OUTDIR [JAR]}"
jar="${2:-$here/target/deid.jar}"
: "${DEID_PASSPHRASE:?set DEID_PASSPHRASE (any value; it seals the new key file)}"
mkdir -p "$out/in"
in="$(cd "$out/in" && pwd)"
[ -d "$in/corpus" ] || python3 "$here/sample-data/generate_corpus.py" --patients 5000 --out "$in/corpus"
[ -d "$in/dicom" ] || python3 "$here/sample-data/generate_dicom.py" --bench "$in/dicom" 150 30
if [ ! -f "$in/fhir/Observation.ndjson" ]; then
  mkdir -p "$in/fhir"
  cp -r "$here/sample-data/fhir/." "$in/fhir/"
  gen="$(mktemp -d)/GenFhir.java"
  cat > "$gen" <<'JAVA'
public class GenFhir {
    public static void main(String[] a) throws Exception {
        org.deidworkbench.job.FhirBenchmark.generate(java.nio.file.Path.of(a[0]), Long.parseLong(a[1]), 0);
    }
}
JAVA
  java -cp "$jar" "$gen" "$in/fhir" 150000000
fi
if [ ! -d "$out/out" ]; then
  # exits non-zero when a file is withheld (the ultrasound loop, by the profile); the output is complete
  java -XX:+UseParallelGC -jar "$jar" run -o "$out/out" "$in/corpus" "$in/dicom" "$in/fhir" > "$out/run.log" \
    || echo "deid run exited with status $? (see $out/run.log)"
fi
du -sm "$in" "$out/out"; find "$out/out" -type f | wc -l
if [ -n "${COPIES:-}" ] && [ ! -d "$out/tree5g" ]; then
  for i in $(seq -w 1 "$COPIES"); do mkdir -p "$out/tree5g"; cp -r "$out/out" "$out/tree5g/c$i"; done
  sync
  du -sm "$out/tree5g"
fi
