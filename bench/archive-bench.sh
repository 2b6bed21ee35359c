#!/usr/bin/env bash
# Archive benchmark: the netdicom distribution (the Karaf container a user runs, default
# configuration: storage with fsync, H2 index, Query/Retrieve) against DCMTK in the same run, on
# 127.0.0.1, with ratios.
#
#   bench/archive-bench.sh                        (1) store 500 x 0.5 MB, (2) 1,000 C-FINDs, 10,000 instances
#   ROUNDS=5 BENCH_DIR=/var/tmp bench/archive-bench.sh     the same on a disk folder instead of tmpfs
#   PARTS=store EXTRA_JAVA_OPTS=-Xmx512m bench/archive-bench.sh   only (1), the node's JVM with a heap limit
#
# (1) C-STORE: DCMTK storescu -R +sd sends N_STORE CT images of 512 x 512 (524,846 bytes) over one
#     association, in turn to DCMTK storescp +B (the data set written as received: its fastest mode,
#     no fsync; with --max-pdu set to the node's max.pdu, so that both get PDUs of one size) and to the distribution (every instance a Part 10 file, spooled as it arrives, fsync'd,
#     renamed into place, its folder fsync'd, and indexed in H2, committed, before Success).
#     Each round sends a new set of instances (new UIDs: an archive stores new instances, it does not
#     overwrite), the same set to both, and both keep what they received: a folder that is emptied
#     between rounds is written into memory the kernel (and, on a VM, the host) already handed out,
#     while a growing one is not, which on this VM halves storescp's rate on tmpfs. The node gets
#     untimed sets first, as a server is warm: new sets until two in a row cost its JIT less than
#     20 ms of compiling (warm_until_steady in lib.sh), WARM_MIN (14) to WARM_MAX (40) of them (its
#     C2 compiler was still busy after 3,500 instances: it kept a CPU and made the scheduler stack
#     storescu on the node's CPU).
#     Both write to the same kind of folder, BENCH_DIR (default /dev/shm, tmpfs; on tmpfs fsync costs
#     nothing, on a disk it costs us and not storescp). Best of ROUNDS, storescu's start included,
#     and the median of the rounds' ratios (each round sends the same set to both, back to back, in
#     turn first).
# (2) C-FIND: the Part 10 files of bench/query-bench.sh (CT images of 64 x 64, 10 per study, 10
#     studies per patient), N_INDEX of them. DCMTK's dcmqrscp can hold N_DCMQR = 3,000 of them at
#     most (its index file may not grow past 32 MiB; docs/benchmarks.md), so the ratio is taken at
#     3,000 instances: dcmqridx indexes the first 3,000 files, storescu sends the same files to the
#     distribution, and findscu sends N_QUERIES Study Root STUDY identifiers (by Patient ID, Patient
#     Name prefix with a wildcard, Study Date range, Accession Number; six return keys) over one
#     association to each; the numbers of matches must be equal. Then storescu sends the other
#     7,000 files to the distribution and findscu runs N_QUERIES queries over all 10,000.
#
# The node is a copy of distribution/target/assembly in BENCH_DIR with NETDICOM_DATA in it, started
# with bin/karaf server (Karaf's default JVM options; EXTRA_JAVA_OPTS passes more). DCMTK runs with
# TCP_NODELAY=1.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

ROUNDS=${ROUNDS:-4}
N_STORE=${N_STORE:-500}
N_INDEX=${N_INDEX:-10000}
N_DCMQR=${N_DCMQR:-3000}
N_QUERIES=${N_QUERIES:-1000}
BENCH_DIR=${BENCH_DIR:-/dev/shm}
PARTS=${PARTS:-store find}   # which of (1) store and (2) find to run
WARM_MIN=${WARM_MIN:-14}     # untimed sets stored into the node first: at least these,
WARM_MAX=${WARM_MAX:-40}     # at most these, until its JIT is quiet
[[ -d $BENCH_DIR && -w $BENCH_DIR ]] || BENCH_DIR=/tmp
export TCP_NODELAY=1

for tool in storescu storescp findscu dcmqrscp dcmqridx; do
  command -v "$tool" >/dev/null || { echo "DCMTK's $tool is missing: apt-get install -y dcmtk" >&2; exit 1; }
done
if [[ ! -x distribution/target/assembly/bin/karaf ]]; then
  mvn -B -q install -DskipTests -pl distribution -am
fi
CP=$(bench_classpath)
STORE_BENCH=(java -Xmx256m -cp "$CP" org.netdicom.bench.StoreBench)
QUERY_BENCH=(java -Xmx512m -cp "$CP" org.netdicom.bench.QueryBench)

work=$(mktemp -d "$BENCH_DIR/archive-bench.XXXXXX")
pids=()
node_pid=
cleanup() {
  # the node runs in a process group of its own (setsid): end the group, i.e. bin/karaf and its JVM
  if [[ -n $node_pid ]]; then kill -- "-$node_pid" 2>/dev/null || true; fi
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  # the JVM is a child of bin/karaf, not of this script: wait (bounded) until the group is gone,
  # else it writes into the folder while it is deleted
  for _ in $(seq 100); do
    [[ -z $node_pid ]] || ! kill -0 -- "-$node_pid" 2>/dev/null && break
    sleep 0.1
  done
  rm -rf "$work"
}
trap cleanup EXIT

count_files() { find "$1" -type f -name '*.dcm' ! -name '.*' | wc -l; }

echo "== C-STORE and C-FIND into the netdicom distribution, $(nproc) cores, DCMTK $(storescu --version | sed -n 's/.*storescu v\([^ ]*\).*/\1/p'), $(java -version 2>&1 | sed -n 1p)"
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg); folder: $BENCH_DIR ($(df --output=fstype "$BENCH_DIR" | tail -1))"

# -- the node: a copy of the distribution, ports of its own, data in the bench folder
cp -a distribution/target/assembly "$work/node"
rm -rf "$work/node/data"
sed -i "s/^sshPort *=.*/sshPort = $(free_port)/" "$work/node/etc/org.apache.karaf.shell.cfg"
NODE_PORT=$(free_port)
(cd "$work/node" && NETDICOM_PORT=$NODE_PORT NETDICOM_BIND=127.0.0.1 NETDICOM_DATA="$work/data" \
  exec setsid bin/karaf server) >"$work/node.log" 2>&1 &
node_pid=$!
DCMTK_PORT=$(free_port)
mkdir -p "$work/to-dcmtk"
# storescp gets the maximum PDU the node announces (its shipped configuration: 128 KiB): storescu
# sends PDUs of the receiver's size, and larger PDUs make storescp, too, faster (1.5x at 128 KiB)
NODE_MAX_PDU=$(sed -n 's/^max\.pdu *= *\([0-9]*\).*/\1/p' "$work/node/etc/org.netdicom.node.cfg")
NODE_MAX_PDU=${NODE_MAX_PDU:-16384}
(cd "$work/to-dcmtk" && exec storescp --aetitle STORESCP +B --max-pdu "$NODE_MAX_PDU" -od "$work/to-dcmtk" "$DCMTK_PORT") \
  >/dev/null 2>&1 &
pids+=($!)
t0=$(now)
wait_port "$NODE_PORT" && wait_port "$DCMTK_PORT" || { echo "a server did not start" >&2; cat "$work/node.log" >&2; exit 1; }
echo "== both announce a maximum PDU of $NODE_MAX_PDU bytes"
echo "== node listening after $(python3 -c "print(round($(now) - $t0, 1))") s (bin/karaf server, first start)"

# Seconds for one storescu run of a folder's files over one association.
storescu_time() {  # folder port aet
  local t0 t1; t0=$(now)
  storescu -R +sd -aec "$3" 127.0.0.1 "$2" "$1" >/dev/null
  t1=$(now); python3 -c "print($t1 - $t0)"
}

# -- (1) C-STORE
if [[ " $PARTS " == *" store "* ]]; then
echo "== generating $ROUNDS sets of $N_STORE instances"
for r in $(seq 1 "$ROUNDS"); do "${STORE_BENCH[@]}" generate "$work/set$r" "$N_STORE" 0 "$r"; done
warm_sets=0
# one untimed set of new instances into the node (its UIDs after the rounds' sets)
warm_set() {
  warm_sets=$((warm_sets + 1))
  "${STORE_BENCH[@]}" generate "$work/warm" "$N_STORE" 0 "$((ROUNDS + warm_sets))" >/dev/null
  storescu_time "$work/warm" "$NODE_PORT" NETDICOM
  rm -rf "$work/warm"
}
node_jvm=$(pgrep -f -- "-Dkaraf.base=$work/node" | head -1)
warmed=$(warm_until_steady "$node_jvm" warm_set)
echo "== node warm after $warmed"
warm_sets=${warmed%% *}
# Each warm-up pass deleted its set of files: the next 250 MB written land on pages freed just
# before, which on this VM are much cheaper to write into than new ones (a round of storescp in
# 0.25 s instead of 0.85 s), and round 1 gave them to storescp every time. An untimed set written
# and kept now takes them, so every round writes into new pages, whoever goes first.
"${STORE_BENCH[@]}" generate "$work/settle" "$N_STORE" 0 "$((ROUNDS + warm_sets + 1))" >/dev/null
storescu_time "$work/settle" "$DCMTK_PORT" STORESCP >/dev/null
dcmtk=(); ours=()
for r in $(seq 1 "$ROUNDS"); do
  # who goes first alternates: the first writer after memory was freed (a deleted set) gets pages
  # that are still backed on the host, and on this VM such a round of storescp took 0.4 s, not 1.1 s
  if (( r % 2 )); then
    dcmtk+=("$(storescu_time "$work/set$r" "$DCMTK_PORT" STORESCP)")
    ours+=("$(storescu_time "$work/set$r" "$NODE_PORT" NETDICOM)")
  else
    ours+=("$(storescu_time "$work/set$r" "$NODE_PORT" NETDICOM)")
    dcmtk+=("$(storescu_time "$work/set$r" "$DCMTK_PORT" STORESCP)")
  fi
done
stored=$(count_files "$work/data/storage")
[[ $stored == $((N_STORE * (ROUNDS + warm_sets))) ]] || echo "WARNING: $stored files stored, expected $((N_STORE * (ROUNDS + warm_sets)))" >&2
b=$(best "${dcmtk[@]}"); o=$(best "${ours[@]}")
size=$(du -b "$work/set1/00000.dcm" | cut -f1)
echo "-- (1) $N_STORE instances of $size bytes, one association, a new set each round, best of $ROUNDS"
python3 - "$N_STORE" "$size" "$b" "$o" <<'PYEOF'
import sys
n, size, b, o = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
print(f"{'DCMTK storescu -> DCMTK storescp +B':42} {n / b:8.1f} inst/s {n * size / b / 1e6:7.1f} MB/s")
print(f"{'DCMTK storescu -> netdicom distribution':42} {n / o:8.1f} inst/s {n * size / o / 1e6:7.1f} MB/s   ratio {b / o:.2f}x")
PYEOF
echo "   rounds (s): storescp ${dcmtk[*]}; netdicom ${ours[*]}"
python3 - "${dcmtk[*]}" "${ours[*]}" <<'PYEOF'
import statistics, sys
d, o = [float(x) for x in sys.argv[1].split()], [float(x) for x in sys.argv[2].split()]
r = [a / b for a, b in zip(d, o)]
print(f"   ratio of each round (storescp's time / ours, same set, back to back): median {statistics.median(r):.2f}x, "
      f"from {min(r):.2f}x to {max(r):.2f}x")
PYEOF
fi

# -- (2) C-FIND
if [[ " $PARTS " == *" find "* ]]; then
echo "== generating $N_INDEX instances and $N_QUERIES queries for $N_DCMQR and for $N_INDEX of them"
"${QUERY_BENCH[@]}" generate "$work/archive" "$N_INDEX"
"${QUERY_BENCH[@]}" queries "$work/queries-small" "$N_QUERIES" "$N_DCMQR"
"${QUERY_BENCH[@]}" queries "$work/queries-all" "$N_QUERIES" "$N_INDEX"
mkdir -p "$work/first" "$work/rest"
find "$work/archive" -name '*.dcm' | sort >"$work/files.txt"  # not piped into head: pipefail would stop on sort's SIGPIPE
head -n "$N_DCMQR" "$work/files.txt" | xargs mv -t "$work/first"
find "$work/archive" -name '*.dcm' -print0 | xargs -0 -r mv -t "$work/rest"

echo "dcmqridx: $N_DCMQR files indexed in $(index_for_dcmqrscp "$work/dcmqrscp-db" "$work/first") s"
QR_PORT=$(free_port)
start_dcmqrscp "$work/dcmqrscp-db" "$QR_PORT"
echo "storescu -> netdicom: $N_DCMQR files stored and indexed in $(storescu_time "$work/first" "$NODE_PORT" NETDICOM | xargs printf '%.1f') s"

findscu_time() {  # name port aet queries
  local t0 t1; t0=$(now)
  findscu -v -S -aec "$3" 127.0.0.1 "$2" "$4"/*.dcm >"$work/findscu-$1.log" 2>&1
  t1=$(now)
  grep -c "(Pending)" "$work/findscu-$1.log" >"$work/matches-$1" || true
  python3 -c "print($t1 - $t0)"
}
findscu_time warmup "$NODE_PORT" NETDICOM "$work/queries-small" >/dev/null
dcmtk=(); ours=()
for _ in $(seq "$ROUNDS"); do
  dcmtk+=("$(findscu_time dcmtk "$QR_PORT" QRSCP "$work/queries-small")")
  ours+=("$(findscu_time ours "$NODE_PORT" NETDICOM "$work/queries-small")")
done
d=$(best "${dcmtk[@]}"); o=$(best "${ours[@]}")

echo "storescu -> netdicom: $((N_INDEX - N_DCMQR)) more files stored and indexed in $(storescu_time "$work/rest" "$NODE_PORT" NETDICOM | xargs printf '%.1f') s"
findscu_time warmup "$NODE_PORT" NETDICOM "$work/queries-all" >/dev/null
all=()
for _ in $(seq "$ROUNDS"); do all+=("$(findscu_time all "$NODE_PORT" NETDICOM "$work/queries-all")"); done
a=$(best "${all[@]}")

echo "-- (2) $N_QUERIES C-FINDs (Study Root, STUDY), one association, best of $ROUNDS"
printf "%-48s %9s %10s %8s\n" "" "seconds" "queries/s" "matches"
printf "%-48s %9.3f %10.0f %8s\n" "findscu -> dcmqrscp, $N_DCMQR instances" "$d" "$(python3 -c "print($N_QUERIES / $d)")" "$(cat "$work/matches-dcmtk")"
printf "%-48s %9.3f %10.0f %8s   ratio %.2fx\n" "findscu -> netdicom distribution, $N_DCMQR instances" "$o" \
  "$(python3 -c "print($N_QUERIES / $o)")" "$(cat "$work/matches-ours")" "$(python3 -c "print($d / $o)")"
printf "%-48s %9.3f %10.0f %8s\n" "findscu -> netdicom distribution, $N_INDEX instances" "$a" "$(python3 -c "print($N_QUERIES / $a)")" "$(cat "$work/matches-all")"
if [[ "$(cat "$work/matches-dcmtk")" != "$(cat "$work/matches-ours")" ]]; then
  echo "WARNING: the numbers of matches differ" >&2
fi
fi
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
