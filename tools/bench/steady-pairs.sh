#!/usr/bin/env bash
# Alternating steady-state runs of two jars (performance.md, decision 0109): ScanSteady.java over TREE with KEYFILE,
# ROUNDS rounds each; prints per run the load before and after and the thread CPU of rounds 3 and later with their median.
# usage: DEID_PASSPHRASE=... tools/bench/steady-pairs.sh TREE KEYFILE PAIRS ROUNDS JAR_A JAR_B
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tree="$1"; key="$2"; pairs="$3"; rounds="$4"; shift 4
for p in $(seq 1 "$pairs"); do
  for jar in "$@"; do
    l0="$(cut -d' ' -f1 /proc/loadavg)"; t0="$(date -u +%H:%M:%S)"
    cpu="$(java -XX:+UseParallelGC -Xmx512m -cp "$jar" "$here/ScanSteady.java" "$tree" "$key" "$rounds" 2>&1 \
      | awk '/^round/ { r = $2 + 0; if (r >= 3) printf "%s ", $3 }')"
    l1="$(cut -d' ' -f1 /proc/loadavg)"
    med="$(echo "$cpu" | tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')"
    echo "$t0 $jar rounds 3+: $cpu median $med load $l0 -> $l1"
  done
done
