#!/usr/bin/env bash
# Data codec benchmark: JMH (bench/data-jmh) and pydicom on the same three files in the same run,
# printing ops/s, MB/s and the ratio netdicom/pydicom per case.
#   bench/data-bench.sh            # 3 s per measurement
#   SECONDS_PER=10 bench/data-bench.sh
#   HEAP=2g bench/data-bench.sh   # the JMH fork's heap, fixed and touched at start (default 4g)
# Cases: (a) 512x512 16-bit CT image, (b) 10,000 small elements in nested sequences, both parsed
# from and written to memory (and (a) parsed from its file with the pixel data left on disk: netdicom's
# bulk data reference, pydicom's defer_size); (c) header-only parse of a 100 MB multi-frame file up to Pixel Data.
set -euo pipefail
cd "$(dirname "$0")/.."
S=${SECONDS_PER:-3}
# The fork's heap is fixed and touched before the first iteration: a heap that grows while it is
# measured makes the kernel fault its new pages in (the first 3 s of a_parseCt ran at 530 ops/s
# against 38,000 once grown); the JVM's default on this machine grows to 6 GB.
HEAP=${HEAP:-4g}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
if ! "$PY" -c 'import pydicom' 2>/dev/null; then
  apt-get install -y python3-pydicom >/dev/null
  PY=/usr/bin/python3
fi

echo "== build"
mvn -q -o -f bundles/data/pom.xml install -DskipTests
mvn -q -f bench/data-jmh/pom.xml package
JAR=bench/data-jmh/target/benchmarks.jar
DIR=bench/data-jmh/target/bench-data
java -cp "$JAR" org.netdicom.bench.data.SampleFiles "$DIR"

echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
java -jar "$JAR" DataCodecBenchmark -f 1 -wi 2 -w "${S}s" -i 3 -r "${S}s" -p dir="$DIR" \
  -jvmArgsAppend "-Xms$HEAP -Xmx$HEAP -XX:+AlwaysPreTouch" \
  -rf json -rff "$DIR/jmh.json" | grep -E '^(Benchmark|DataCodecBenchmark)' || true
"$PY" bench/data_pydicom.py "$DIR" "$S" > "$DIR/pydicom.json"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"

"$PY" - "$DIR" <<'PYEOF'
import json, os, sys
d = sys.argv[1]
jmh = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["score"] for r in json.load(open(f"{d}/jmh.json"))}
py = json.load(open(f"{d}/pydicom.json"))
size = {"a": os.path.getsize(f"{d}/ct.dcm"), "b": os.path.getsize(f"{d}/elements.dcm"),
        "c": os.path.getsize(f"{d}/multiframe.dcm")}
print(f"pydicom {py['pydicom']}; files: ct {size['a']} B, elements {size['b']} B, multiframe {size['c']} B")
print(f"{'case':28} {'netdicom ops/s':>15} {'MB/s':>9} {'pydicom ops/s':>14} {'MB/s':>9} {'ratio':>7}")
for case, ours in jmh.items():
    theirs = py["results"][case]
    mb = size[case[0]] / 1e6
    note = " (file MB/s; pixel data unread)" if case.startswith("c") or "OnDisk" in case else ""
    print(f"{case:28} {ours:15.1f} {ours * mb:9.1f} {theirs:14.1f} {theirs * mb:9.1f} {ours / theirs:6.1f}x{note}")
PYEOF
