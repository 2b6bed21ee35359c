#!/usr/bin/env bash
# A/B runs of our C-STORE SCP under different JVM options, against DCMTK storescp, in one run.
#
#   bench/store-ab.sh "-Dnetdicom.readSpinMicros=0" ""        the spin off against the default
#   ROUNDS=16 N=1000 STORESCP_OPTS="--max-pdu 131072" bench/store-ab.sh "-Dnetdicom.bench.maxPdu=131072"
#   bench/store-ab.sh "--jars=/tmp/old/core.jar:/tmp/old/data.jar" ""   an earlier build (its jars first) against this one
#
# Starts storescp +B and one of our SCPs (StoreBench scp) per argument, each argument being extra
# JVM options of that SCP (an empty one: the defaults). Every round, storescu -R +sd sends the same
# N instances of 0.5 MB over one association to storescp and to each SCP, in an order that turns
# every round (the one right after storescp gained 3-5 % from its place when the order was fixed);
# the SCPs are first warmed up until their JIT is quiet (warm_until_steady in lib.sh: WARM_MIN,
# WARM_MAX passes). Prints each round's seconds (storescp's first, then the SCPs' in the order
# given), then per SCP the best time and the median over the rounds of storescp's time / the
# SCP's. On the 2-core development VM one configuration's median ranges over about +-7 % from one
# run to the next: compare variants within one run.
set -uo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

ROUNDS=${ROUNDS:-10}
N=${N:-500}
export TCP_NODELAY=1
(( $# > 0 )) || { echo "usage: $0 \"JVM options of SCP 1\" [\"... of SCP 2\" ...]" >&2; exit 1; }
CP=$(bench_classpath)

base=$(scratch_base)
work=$(mktemp -d "$base/store-ab.XXXXXX")
pids=()
trap stop_all EXIT

java -cp "$CP" org.netdicom.bench.StoreBench generate "$work/small" "$N" 0
mkdir -p "$work/dcmtk"
DCMTK_PORT=$(free_port)
# shellcheck disable=SC2086
(cd "$work/dcmtk" && exec storescp ${STORESCP_OPTS:-} --aetitle STORESCP +B -od "$work/dcmtk" "$DCMTK_PORT") \
  >/dev/null 2>&1 &
pids+=($!)
ports=(); scp_pids=()
for i in $(seq 0 $(($# - 1))); do
  opts=("$@"); mkdir -p "$work/scp$i"; port=$(free_port)
  jvm_opts=${opts[$i]}; cp=$CP
  if [[ $jvm_opts =~ --jars=([^ ]+) ]]; then  # jars that come before this build's on the class path
    cp="${BASH_REMATCH[1]}:$CP"; jvm_opts=${jvm_opts/--jars=${BASH_REMATCH[1]}/}
  fi
  # shellcheck disable=SC2086
  java -Xmx256m -Xms256m -XX:+AlwaysPreTouch $jvm_opts -cp "$cp" org.netdicom.bench.StoreBench scp "$port" \
    "$work/scp$i" >"$work/scp$i.log" 2>&1 &
  pids+=($!); ports+=("$port"); scp_pids+=($!)
done
wait_port "$DCMTK_PORT" || { echo "storescp did not start" >&2; exit 1; }
for port in "${ports[@]}"; do wait_port "$port" || { echo "an SCP did not start" >&2; cat "$work"/scp*.log >&2; exit 1; }; done

seconds() {  # port aet
  local t0; find "$work/dcmtk" "$work"/scp* -maxdepth 1 -type f -delete; t0=$(now)
  storescu -R +sd -aec "$2" 127.0.0.1 "$1" "$work/small" >/dev/null
  python3 -c "print($(now) - $t0)"
}
for i in "${!ports[@]}"; do
  echo "== SCP $((i + 1)) warm after $(warm_until_steady "${scp_pids[$i]}" seconds "${ports[$i]}" NETDICOM)"
done
echo "== $N instances of 0.5 MB, $ROUNDS rounds; seconds: storescp, then each SCP"
servers=("$DCMTK_PORT" "${ports[@]}"); aets=(STORESCP); for _ in "${ports[@]}"; do aets+=(NETDICOM); done
count=${#servers[@]}
for r in $(seq "$ROUNDS"); do
  # the order turns every round: whoever runs right after storescp gains a few percent from it
  times=()
  for k in $(seq 0 $((count - 1))); do
    i=$(( (k + r) % count ))
    times[$i]=$(seconds "${servers[$i]}" "${aets[$i]}")
  done
  echo "${times[*]}"
done | tee "$work/rounds.txt"
ab_summary "$work/rounds.txt" SCP "(defaults)" "$@"
