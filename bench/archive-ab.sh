#!/usr/bin/env bash
# A/B runs of archive nodes (the distribution) that differ in some bundles, against DCMTK storescp,
# in one run: the method behind the archive's "what moved the numbers" (docs/benchmarks.md).
#
#   bench/archive-ab.sh "" "--bundles=/tmp/old/org.netdicom.index-0.1.0-SNAPSHOT.jar"
#   REGIME=freed ROUNDS=12 bench/archive-ab.sh "" "--bundles=/tmp/a.jar:/tmp/b.jar"
#   bench/archive-ab.sh "" "--java=-Dnetdicom.readSpinMicros=0"     a JVM option for one node
#
# One node per argument, each a copy of distribution/target/assembly whose bundles named in
# --bundles= (jars, matched to the node's system/ folder by their Bundle-SymbolicName) are replaced
# and whose JVM gets the options of each --java= (after EXTRA_JAVA_OPTS); an empty argument is the
# build as it is. All nodes and storescp +B (at the nodes' maximum PDU)
# get the same new set of N instances of 0.5 MB each round, in an order that turns every round.
# The nodes are warmed first (sets of new instances, their files deleted after each) until their
# JIT is quiet: WARM_MIN to WARM_MAX sets.
#
# REGIME says what memory the rounds write into, which on the 2-core development VM changes the
# figures threefold (docs/benchmarks.md, the archive section):
#   new    (default) every server keeps what it received, as an archive does: every round writes
#          into memory never used before. The sets are made before the warm-up, and an untimed
#          round, kept, takes the memory the warm-up freed. Needs about
#          ((ROUNDS + 1) x (servers + 1) + 1) x N x 0.5 MB of the scratch folder; checked first.
#   freed  every round deletes what the servers received: each writes into memory just freed.
# Prints each round's seconds (storescp, then each node), then per node its best time and the
# median over the rounds of storescp's time / the node's.
set -uo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

ROUNDS=${ROUNDS:-8}
N=${N:-500}
WARM_MIN=${WARM_MIN:-14}
WARM_MAX=${WARM_MAX:-40}
REGIME=${REGIME:-new}
export TCP_NODELAY=1
(( $# > 0 )) || { echo "usage: $0 \"[--bundles=JAR[:JAR...]]\" [\"...\" ...]  (one argument per node)" >&2; exit 1; }
[[ $REGIME == new || $REGIME == freed ]] || { echo "REGIME is new or freed, not $REGIME" >&2; exit 1; }
[[ -x distribution/target/assembly/bin/karaf ]] || mvn -B -q install -DskipTests -pl distribution -am
CP=$(bench_classpath)
GENERATE=(java -Xmx256m -cp "$CP" org.netdicom.bench.StoreBench generate)

base=$(scratch_base)
set_mb=$((N / 2 + 1))
if [[ $REGIME == new ]]; then
  need_mb=$(( ((ROUNDS + 1) * ($# + 2) + 1) * set_mb + 600 * $# ))
  free_mb=$(df -Pm "$base" | awk 'NR == 2 {print $4}')
  if (( need_mb > free_mb * 8 / 10 )); then
    echo "REGIME=new needs about $need_mb MB in $base, $free_mb MB free: fewer ROUNDS or N, or REGIME=freed" >&2
    exit 1
  fi
fi
work=$(mktemp -d "$base/archive-ab.XXXXXX")
pids=(); groups=()
cleanup() {
  for g in "${groups[@]}"; do kill -- "-$g" 2>/dev/null || true; done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for g in "${groups[@]}"; do  # bin/karaf's JVM is not our child: wait until its group is gone
    for _ in $(seq 100); do kill -0 -- "-$g" 2>/dev/null || break; sleep 0.1; done
  done
  rm -rf "$work"
}
trap cleanup EXIT

# -- the nodes
ports=()
for i in $(seq 0 $(($# - 1))); do
  args=("$@"); node=$work/node$i
  cp -a distribution/target/assembly "$node"; rm -rf "$node/data"
  sed -i "s/^sshPort *=.*/sshPort = $(free_port)/" "$node/etc/org.apache.karaf.shell.cfg"
  if [[ ${args[$i]} =~ --bundles=([^ ]+) ]]; then
    IFS=: read -ra jars <<< "${BASH_REMATCH[1]}"
    for jar in "${jars[@]}"; do
      bsn=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Bundle-SymbolicName: *\([^;]*\).*/\1/p')
      target=$(compgen -G "$node/system/org/netdicom/$bsn/*/$bsn-*.jar" | head -1)
      [[ -n $bsn && -n $target ]] || { echo "$jar: no bundle of the distribution has its name (${bsn:-none})" >&2; exit 1; }
      cp "$jar" "$target"
    done
  fi
  java_opts=""
  for token in ${args[$i]}; do [[ $token == --java=* ]] && java_opts+=" ${token#--java=}"; done
  port=$(free_port); ports+=("$port")
  (cd "$node" && NETDICOM_PORT=$port NETDICOM_BIND=127.0.0.1 NETDICOM_DATA="$work/data$i" \
    EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-}$java_opts" exec setsid bin/karaf server) >"$work/node$i.log" 2>&1 &
  groups+=($!)
done
max_pdu=$(sed -n 's/^max\.pdu *= *\([0-9]*\).*/\1/p' "$work/node0/etc/org.netdicom.node.cfg")
mkdir -p "$work/dcmtk"
DCMTK_PORT=$(free_port)
(cd "$work/dcmtk" && exec storescp --aetitle STORESCP +B --max-pdu "${max_pdu:-16384}" -od "$work/dcmtk" "$DCMTK_PORT") \
  >/dev/null 2>&1 &
pids+=($!)
wait_port "$DCMTK_PORT" || { echo "storescp did not start" >&2; exit 1; }
for i in "${!ports[@]}"; do
  wait_port "${ports[$i]}" || { echo "node $((i + 1)) did not start" >&2; cat "$work/node$i.log" >&2; exit 1; }
done

seconds() {  # folder port aet
  local t0; t0=$(now)
  storescu -R +sd -aec "$3" 127.0.0.1 "$2" "$1" >/dev/null
  python3 -c "print($(now) - $t0)"
}
delete_received() { find "$work"/data*/storage "$work/dcmtk" -type f -name '*.dcm' -delete 2>/dev/null; find "$work/dcmtk" -type f -delete; }

if [[ $REGIME == new ]]; then
  for r in $(seq "$ROUNDS"); do "${GENERATE[@]}" "$work/set$r" "$N" 0 "$r" >/dev/null; done
fi
# Warm as a long-running node is: new sets until no node's JIT compiles 20 ms or more in two sets
# in a row (warm_until_steady in lib.sh), WARM_MIN to WARM_MAX sets. A fixed 16 sets left the C2
# compiler working through the measured rounds (48 to 107 compilations, 0.4 to 0.6 s of a core, in
# six rounds after 12 to 24 sets: code run once per instance compiles late).
node_jvms=""
for i in "${!ports[@]}"; do node_jvms+=" $(pgrep -f -- "-Dkaraf.base=$work/node$i" | head -1)"; done
warm_pass=0
warm_set() {
  warm_pass=$((warm_pass + 1))
  "${GENERATE[@]}" "$work/warm" "$N" 0 "$((1000 + warm_pass))" >/dev/null
  for port in "${ports[@]}"; do seconds "$work/warm" "$port" NETDICOM >/dev/null; done
  rm -rf "$work/warm"; delete_received
}
echo "== $# node(s) warm after $(WARM_MIN=$WARM_MIN WARM_MAX=$WARM_MAX warm_until_steady "$node_jvms" warm_set)"
servers=("$DCMTK_PORT" "${ports[@]}"); aets=(STORESCP); for _ in "${ports[@]}"; do aets+=(NETDICOM); done
count=${#servers[@]}
if [[ $REGIME == new ]]; then
  # an untimed round, kept: it takes the memory the warm-up (and its generator JVMs) freed, which
  # would otherwise make round 1 cheap for whoever writes first (one set to storescp alone left
  # round 1 at 0.3-0.5 s against 0.8-0.95 s after)
  "${GENERATE[@]}" "$work/settle" "$N" 0 999 >/dev/null
  for i in "${!servers[@]}"; do seconds "$work/settle" "${servers[$i]}" "${aets[$i]}" >/dev/null; done
fi
echo "== $REGIME memory, $N instances of 0.5 MB, $ROUNDS rounds; seconds: storescp, then each node"
for r in $(seq "$ROUNDS"); do
  set=$work/set$r
  [[ $REGIME == new ]] || { rm -rf "$work/set"; "${GENERATE[@]}" "$work/set" "$N" 0 "$r" >/dev/null; set=$work/set; }
  times=()
  for k in $(seq 0 $((count - 1))); do
    i=$(( (k + r) % count ))
    times[$i]=$(seconds "$set" "${servers[$i]}" "${aets[$i]}")
    [[ $REGIME == new ]] || delete_received
  done
  echo "${times[*]}"
done | tee "$work/rounds.txt"
ab_summary "$work/rounds.txt" node "(this build)" "$@"
