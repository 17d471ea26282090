#!/usr/bin/env bash
# Issue 11's measure (performance.md, decision 0109): `deid bench verify --cold` of a tree under a 512 MB heap with the
# throughput collector, timed as a whole by /usr/bin/time, with the load before and after.
# usage: DEID_PASSPHRASE=... tools/bench/verify-5g.sh JAR TREE KEYFILE
set -euo pipefail
jar="$1"; tree="$2"; key="$3"
echo "$(date -u +%H:%M:%S) $jar load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "process: %e s wall, %U + %S s CPU, max RSS %M KB" \
  java -XX:+UseParallelGC -Xmx512m -jar "$jar" bench verify --input "$tree" --keyfile "$key" --rounds 1 --cold
echo "$(date -u +%H:%M:%S) end load $(cut -d' ' -f1-3 /proc/loadavg)"
