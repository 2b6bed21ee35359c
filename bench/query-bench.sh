#!/usr/bin/env bash
# C-FIND benchmark: netdicom's Query/Retrieve SCP (H2 index) against DCMTK's dcmqrscp in the same
# run, on 127.0.0.1, with the ratio.
#
#   bench/query-bench.sh                       3,000 instances (300 studies of 30 patients), 1,000 queries
#   ROUNDS=5 N_INSTANCES=2000 N_QUERIES=2000 bench/query-bench.sh
#
# Why not 10,000 instances: dcmqrscp keeps its index in a file of fixed-size records (about 10 KB an
# instance) that may not grow past 32 MiB, so one of its storage areas holds about 3,200 instances
# at most (dcmqridx then reports "DB ALERT: attempt to seek beyond 33554432 bytes"). Our index is
# not limited that way: QueryBench alone (scp, then findscu) runs with any N_INSTANCES.
#
# Both SCPs hold the same Part 10 files: dcmqrscp's index is filled with dcmqridx, ours by the
# driver (QueryBench scp: H2 file database, every file read and put). DCMTK findscu then sends all
# N_QUERIES Study Root STUDY level identifiers over one association to each SCP (a quarter each by
# Patient ID, Patient Name prefix with a wildcard, Study Date range, Accession Number; the same six
# return keys); the best of ROUNDS runs counts, findscu's start included for both. The number of
# matches must be the same on both sides. Our SCP gets one untimed run first, as a server would be warm.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

ROUNDS=${ROUNDS:-3}
N_INSTANCES=${N_INSTANCES:-3000}
N_QUERIES=${N_QUERIES:-1000}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
export TCP_NODELAY=1

for tool in findscu dcmqrscp dcmqridx; do
  command -v "$tool" >/dev/null || { echo "DCMTK's $tool is missing: apt-get install -y dcmtk" >&2; exit 1; }
done
CP=$(bench_classpath)
# shellcheck disable=SC2206
JAVA=(java $JAVA_OPTS -cp "$CP" org.netdicom.bench.QueryBench)

base=$(scratch_base)
work=$(mktemp -d "$base/query-bench.XXXXXX")
pids=()
trap stop_all EXIT

echo "== generating $N_INSTANCES instances and $N_QUERIES queries in $work"
"${JAVA[@]}" generate "$work/archive" "$N_INSTANCES"
"${JAVA[@]}" queries "$work/queries" "$N_QUERIES" "$N_INSTANCES"

echo "== filling dcmqrscp's index with dcmqridx"
echo "dcmqridx: $(index_for_dcmqrscp "$work/dcmqrscp-db" "$work/archive") s"
DCMTK_PORT=$(free_port)
start_dcmqrscp "$work/dcmqrscp-db" "$DCMTK_PORT"

OUR_PORT=$(free_port)
"${JAVA[@]}" scp "$OUR_PORT" "$work/archive" "$work/index" >"$work/scp.log" 2>&1 &
pids+=($!)
wait_port "$DCMTK_PORT" && wait_port "$OUR_PORT" \
  || { echo "a server did not start" >&2; cat "$work"/*.log >&2; exit 1; }
grep INDEXED "$work/scp.log" | awk '{printf "netdicom index: %d instances put in %s s\n", $2, $3}'

# Seconds for one findscu run of every query over one association; matches counted into $work/matches-$1.
findscu_time() {  # name port
  local t0 t1; t0=$(now)
  findscu -v -S -aec QRSCP 127.0.0.1 "$2" "$work"/queries/*.dcm >"$work/findscu-$1.log" 2>&1
  t1=$(now)
  grep -c "(Pending)" "$work/findscu-$1.log" >"$work/matches-$1" || true
  python3 -c "print($t1 - $t0)"
}

findscu_time warmup "$OUR_PORT" >/dev/null
dcmtk=(); ours=()
for _ in $(seq "$ROUNDS"); do
  dcmtk+=("$(findscu_time dcmtk "$DCMTK_PORT")")
  ours+=("$(findscu_time ours "$OUR_PORT")")
done
d=$(best "${dcmtk[@]}"); o=$(best "${ours[@]}")
echo
printf "%-34s %10s %10s %8s\n" "$N_QUERIES C-FINDs, $N_INSTANCES instances" "seconds" "queries/s" "matches"
printf "%-34s %10.3f %10.0f %8s\n" "findscu -> dcmqrscp" "$d" "$(python3 -c "print($N_QUERIES / $d)")" "$(cat "$work/matches-dcmtk")"
printf "%-34s %10.3f %10.0f %8s\n" "findscu -> netdicom qr (H2)" "$o" "$(python3 -c "print($N_QUERIES / $o)")" "$(cat "$work/matches-ours")"
printf "ratio (dcmqrscp time / netdicom time): %.2fx\n" "$(python3 -c "print($d / $o)")"
if [[ "$(cat "$work/matches-dcmtk")" != "$(cat "$work/matches-ours")" ]]; then
  echo "WARNING: the numbers of matches differ" >&2
fi
