#!/usr/bin/env bash
# C-STORE benchmark: netdicom against DCMTK in the same run, on 127.0.0.1, with ratios.
#
#   bench/store-bench.sh                 (a) 500 instances of 0.5 MiB, (b) 4 instances of 200 MiB
#   ROUNDS=5 N_SMALL=1000 N_LARGE=8 bench/store-bench.sh
#
# Each row sends all instances of a set over one association; rounds run every row in turn (best of
# ROUNDS runs; ratios are the median of the rounds' own ratios, which cancels the machine's drift):
#   DCMTK storescu -> DCMTK storescp    (the baseline)
#   DCMTK storescu -> netdicom SCP      (our SCP; ratio to the baseline)
#   netdicom SCU   -> DCMTK storescp    (our SCU: the engine's Association.store in a running JVM,
#                                        then in a fresh JVM as the command-line tool starts one)
# and, for (a), our SCP with spoolStoreDataSets(false): data sets up to 1 MiB kept in memory and
# written when stored (the default spools every C-STORE data set as it arrives, so that storing
# it is a rename; all of (b) is spooled either way).
# Both SCPs write Part 10 files to a folder on tmpfs (/dev/shm if present, else /tmp), storescp with
# +B (the data set written as received, without parsing it: its fastest mode), ours with storePart10
# (the spool file forced and renamed into place, or the data set written from memory).
# Our SCPs and the warm SCU run as long-running processes do: their JIT done compiling (untimed
# passes of (a) first, until two passes in a row cost the JIT less than 20 ms: warm_until_steady in
# lib.sh for the SCPs, the same rule inside the SCU, whose passes go to a sink SCP that keeps
# nothing; WARM_MIN to WARM_MAX passes, on the 2-core VM
# about 20, 10,000 instances; with at least 4, the SCPs were declared warm after 10 passes in some
# runs and measured 0.84-0.91x instead of 0.94-0.96x) and their heap committed and touched at
# start (LONG_RUNNING_OPTS, default -Xms256m -XX:+AlwaysPreTouch: on this VM every first touch of a
# page costs about 9 us, and a heap that grows into new pages while it is measured cost our SCU a
# quarter of its rate). The fresh SCU is a new JVM every run started as bin/netdicom starts one
# (-XX:TieredStopAtLevel=1 and a class data sharing archive, recorded by an untimed first run), no
# warm-up and no pre-touched heap; both SCUs are timed from reading the files' headers to the
# release (JVM start not included). The warm SCU's received files are freed after its warm-up, just
# before its measured run (StoreBench waits for a go), as every other row's are just before it.
# JAVA_OPTS (default -Xmx256m, the heap of issue 5's large-instance test) applies to our SCPs and SCUs.
# DCMTK runs with TCP_NODELAY=1 on both sides. For (b) the resident memory of the SCP processes
# (VmRSS now, VmHWM peak since start) is printed before and after its rows.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

ROUNDS=${ROUNDS:-3}
N_SMALL=${N_SMALL:-500}
N_LARGE=${N_LARGE:-4}
WARM_MIN=${WARM_MIN:-16}            # untimed passes of (a), into our SCPs and by the warm SCU: at least these,
WARM_MAX=${WARM_MAX:-40}            # at most these, until the JIT is quiet
LARGE_FRAMES=${LARGE_FRAMES:-100}   # 1024 x 1024 x 16 bit: 2 MiB a frame
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
LONG_RUNNING_OPTS=${LONG_RUNNING_OPTS:--Xms256m -XX:+AlwaysPreTouch}
export TCP_NODELAY=1

for tool in storescu storescp; do
  command -v "$tool" >/dev/null || { echo "DCMTK's $tool is missing: apt-get install -y dcmtk" >&2; exit 1; }
done
CP=$(bench_classpath)
# shellcheck disable=SC2206
JAVA=(java $JAVA_OPTS -cp "$CP" org.netdicom.bench.StoreBench)
# shellcheck disable=SC2206
SERVER=(java $JAVA_OPTS $LONG_RUNNING_OPTS -cp "$CP" org.netdicom.bench.StoreBench)

base=$(scratch_base)
work=$(mktemp -d "$base/store-bench.XXXXXX")
pids=()
trap stop_all EXIT

memory() { awk '/^VmRSS|^VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$1/status"; }

echo "== generating instances in $work"
"${JAVA[@]}" generate "$work/small" "$N_SMALL" 0
"${JAVA[@]}" generate "$work/large" "$N_LARGE" "$LARGE_FRAMES"

mkdir -p "$work/to-dcmtk" "$work/to-ours" "$work/to-memory"
DCMTK_PORT=$(free_port)
(cd "$work/to-dcmtk" && exec storescp --aetitle STORESCP +B -od "$work/to-dcmtk" "$DCMTK_PORT") >/dev/null 2>&1 &
DCMTK_PID=$!
pids+=("$DCMTK_PID")
OUR_PORT=$(free_port)
"${SERVER[@]}" scp "$OUR_PORT" "$work/to-ours" >"$work/scp.log" 2>&1 &
OUR_PID=$!
pids+=("$OUR_PID")
MEMORY_PORT=$(free_port)
"${SERVER[@]}" scp "$MEMORY_PORT" "$work/to-memory" 1048576 >"$work/scp-memory.log" 2>&1 &
MEMORY_PID=$!
pids+=("$MEMORY_PID")
# where the warm SCU sends its warm-up passes: one of our SCPs that keeps the data sets in memory
# and then drops them, so that the warm-up writes no files (written next to the measured run's, a
# few GB of them left the warm SCU's 200 MB row at 0.41-0.77x, against 0.92-1.05x alone)
SINK_PORT=$(free_port)
java $JAVA_OPTS -Dnetdicom.bench.discard=true -cp "$CP" org.netdicom.bench.StoreBench scp "$SINK_PORT" "$work/sink" 1048576 \
  >"$work/scp-sink.log" 2>&1 &
pids+=($!)
wait_port "$DCMTK_PORT" && wait_port "$OUR_PORT" && wait_port "$MEMORY_PORT" && wait_port "$SINK_PORT" \
  || { echo "a server did not start" >&2; cat "$work"/scp*.log >&2; exit 1; }

clear_received() { find "$work/to-dcmtk" "$work/to-ours" "$work/to-memory" -maxdepth 1 -type f -delete; }
# Seconds for one run of storescu against a port, all files of a set over one association.
storescu_time() {  # set port aet
  local t0 t1; clear_received; t0=$(now)
  storescu -R +sd -aec "$3" 127.0.0.1 "$2" "$work/$1" >/dev/null
  t1=$(now); python3 -c "print($t1 - $t0)"
}
# The fresh SCU starts its JVM as bin/netdicom does: the JIT's first tier only, and the class data
# sharing archive the launcher keeps (docs/tools.md), recorded here by one untimed run of (a). The
# archive takes jars only, so this JVM gets the bench module's jar instead of its class folder.
compgen -G 'bench/target/netdicom-bench-*.jar' >/dev/null || mvn -B -q package -DskipTests -pl bench >&2
FRESH_CP=$(echo "$CP" | sed "s|^bench/target/classes:|$(compgen -G 'bench/target/netdicom-bench-*.jar' | head -1):|")
FRESH_ARCHIVE=$work/fresh-scu.jsa
FRESH_CDS=(-XX:SharedArchiveFile="$FRESH_ARCHIVE" -Xlog:cds=off,cds+dynamic=off)
record_fresh_archive() {  # port aet
  java $JAVA_OPTS -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$FRESH_ARCHIVE" -Xlog:cds=off,cds+dynamic=off \
    -cp "$FRESH_CP" org.netdicom.bench.StoreBench scu 127.0.0.1 "$1" "$2" "$work/small" >/dev/null
  [[ -f $FRESH_ARCHIVE ]] || { echo "== no class archive recorded: the fresh SCU runs without one" >&2; FRESH_CDS=(); }
  clear_received
}
ours_time() {  # set port aet [--warm]
  # fresh: as the command-line tools start a JVM (above); warm: a long-running application's JVM,
  # untimed passes of (a) first until its JIT is quiet
  if [[ ${4:-} != --warm ]]; then
    clear_received
    java $JAVA_OPTS -XX:TieredStopAtLevel=1 "${FRESH_CDS[@]}" -cp "$FRESH_CP" org.netdicom.bench.StoreBench scu \
      127.0.0.1 "$2" "$3" "$work/$1" | sed -n 's/^RESULT //p'
    return
  fi
  # The warm SCU's received files are freed after its warm-up, right before its measured run, as
  # they are for every other row: freed before, the memory its JVM and warm-up touched (a heap of
  # 256 MB, touched at start) was taken from the freed pages, which on this VM are the cheap ones
  # to write into again, and storescp wrote the 800 MB of (b) into costlier new ones.
  local go out=$work/warm-scu.out fifo=$work/warm-scu.go pid
  rm -f "$fifo" "$out"; mkfifo "$fifo"
  # shellcheck disable=SC2086
  java $JAVA_OPTS $LONG_RUNNING_OPTS -Dnetdicom.bench.waitForGo=true -cp "$CP" org.netdicom.bench.StoreBench scu \
    --warm "$WARM_MIN-$WARM_MAX" "$work/small@$SINK_PORT/NETDICOM" 127.0.0.1 "$2" "$3" "$work/$1" <"$fifo" >"$out" &
  pid=$!
  exec {go}>"$fifo"
  while ! grep -q '^WARM' "$out" 2>/dev/null && kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  clear_received
  echo go >&"$go"
  exec {go}>&-
  wait "$pid" || true
  sed -n 's/^RESULT //p' "$out"
}
row() {  # label set "seconds of each round" ["baseline seconds of each round" label]
  python3 - "$@" "$(ls "$work/$2" | wc -l)" "$(du -sb "$work/$2" | cut -f1)" <<'PYEOF'
import statistics, sys
label, _, secs, *rest = sys.argv[1:]
n, size = int(rest[-2]), int(rest[-1])
ours = [float(x) for x in secs.split()]
best = min(ours)
line = f"{label:34} {n / best:9.1f} inst/s {size / best / 1e6:8.1f} MB/s"
if len(rest) == 4:
    theirs = [float(x) for x in rest[0].split()]
    line += f"   {rest[1]} ratio {statistics.median(t / o for t, o in zip(theirs, ours)):.2f}x"
print(line)
PYEOF
}

echo "== C-STORE, $(nproc) cores, DCMTK $(storescu --version | sed -n 's/.*storescu v\([^ ]*\).*/\1/p'), $(java -version 2>&1 | sed -n 1p)"
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg); folder: $base ($(df --output=fstype "$base" | tail -1)); JAVA_OPTS $JAVA_OPTS; long-running: $LONG_RUNNING_OPTS"
# a running server is warm: its JIT is done compiling
echo "== SCP warm after $(warm_until_steady "$OUR_PID" storescu_time small "$OUR_PORT" NETDICOM)"
echo "== SCP (memory) warm after $(warm_until_steady "$MEMORY_PID" storescu_time small "$MEMORY_PORT" NETDICOM)"
record_fresh_archive "$DCMTK_PORT" STORESCP
for set in small large; do
  if [[ $set == small ]]; then
    echo "-- (a) $N_SMALL instances of $(du -b "$work/small/00000.dcm" | cut -f1) bytes, one association, best of $ROUNDS; ratio: median of the rounds'"
  else
    echo "-- (b) $N_LARGE instances of $(du -b "$work/large/00000.dcm" | cut -f1) bytes, one association, best of $ROUNDS; ratio: median of the rounds'"
    echo "   SCP memory before: netdicom $(memory "$OUR_PID")| storescp $(memory "$DCMTK_PID")"
  fi
  # each round runs every row once, so a slow moment of the machine hits them alike, in an order
  # that turns every round (a row run right after storescp's gained a few percent from its place,
  # bench/store-ab.sh); a figure is the best of ROUNDS, a ratio the median of the rounds' own ratios
  b=(); s=(); z=(); u=(); w=()
  rows=(b s z u w); [[ $set == small ]] || rows=(b s u w)
  for r in $(seq "$ROUNDS"); do
    for k in "${!rows[@]}"; do
      case ${rows[$(( (k + r) % ${#rows[@]} ))]} in
        b) b+=("$(storescu_time "$set" "$DCMTK_PORT" STORESCP)") ;;
        s) s+=("$(storescu_time "$set" "$OUR_PORT" NETDICOM)") ;;
        z) z+=("$(storescu_time "$set" "$MEMORY_PORT" NETDICOM)") ;;
        u) u+=("$(ours_time "$set" "$DCMTK_PORT" STORESCP)") ;;
        w) w+=("$(ours_time "$set" "$DCMTK_PORT" STORESCP --warm)") ;;
      esac
    done
  done
  row "DCMTK storescu -> DCMTK storescp" "$set" "${b[*]}"
  row "DCMTK storescu -> netdicom SCP" "$set" "${s[*]}" "${b[*]}" SCP
  if [[ $set == small ]]; then
    row "  same, data sets kept in memory" "$set" "${z[*]}" "${b[*]}" SCP
  fi
  row "netdicom SCU   -> DCMTK storescp" "$set" "${w[*]}" "${b[*]}" SCU  # the engine, in a running JVM
  row "  same, fresh command-line JVM" "$set" "${u[*]}" "${b[*]}" SCU
  if [[ $set == large ]]; then
    echo "   SCP memory after:  netdicom $(memory "$OUR_PID")| storescp $(memory "$DCMTK_PID")"
  fi
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
