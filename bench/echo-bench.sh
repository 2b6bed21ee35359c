#!/usr/bin/env bash
# C-ECHO benchmark: netdicom against DCMTK in the same run, on 127.0.0.1, with ratios.
#
#   bench/echo-bench.sh                 N_ECHO=20000 echoes on one association, N_ASSOC=1000 associations
#   N_ECHO=50000 bench/echo-bench.sh
#
# Measures (best of ROUNDS runs each):
#   C-ECHO round trips per second on one association:
#     DCMTK echoscu --repeat -> DCMTK storescp     (the baseline)
#     DCMTK echoscu --repeat -> netdicom SCP       (our SCP; ratio to the baseline)
#     netdicom SCU           -> DCMTK storescp     (our SCU; ratio to the baseline)
#   Associations per second (open, one C-ECHO, release):
#     netdicom SCU -> DCMTK storescp vs netdicom SCU -> netdicom SCP   (our SCP against DCMTK's)
#     one echoscu process per association -> storescp vs netdicom SCU  (DCMTK has no looping SCU:
#     its number includes process start-up, so this ratio flatters us and is printed as such)
# Our side is measured warm, as a running node or application is: before the rows, our SCP serves
# WARMUP_ASSOC (15,000) associations and WARMUP_ECHO (20,000) echoes untimed (its JIT compiles the
# accept and echo paths within about that many), and each SCU run first makes 20,000 echoes or 2,000
# associations untimed (EchoBench). The rows "fresh JVM" show the same SCU without any warm-up.
# DCMTK runs with TCP_NODELAY=1: Debian's build leaves Nagle's algorithm on otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

N_ECHO=${N_ECHO:-20000}
N_ASSOC=${N_ASSOC:-1000}
N_SPAWN=${N_SPAWN:-200}
WARMUP_ASSOC=${WARMUP_ASSOC:-15000}
WARMUP_ECHO=${WARMUP_ECHO:-20000}
ROUNDS=${ROUNDS:-3}
export TCP_NODELAY=1

for tool in echoscu storescp; do
  command -v "$tool" >/dev/null || { echo "DCMTK's $tool is missing: apt-get install -y dcmtk" >&2; exit 1; }
done
CP=$(bench_classpath)
JAVA=(java -XX:+UseParallelGC -cp "$CP" org.netdicom.bench.EchoBench)

rate() { python3 -c "print(f'{$1/($3-$2):.1f}')"; }

work=$(mktemp -d)
pids=()
trap stop_all EXIT

DCMTK_PORT=$(free_port)
(cd "$work" && exec storescp --aetitle STORESCP "$DCMTK_PORT") >/dev/null 2>&1 &
pids+=($!)
OUR_PORT=$(free_port)
"${JAVA[@]}" scp "$OUR_PORT" >"$work/scp.log" 2>&1 &
pids+=($!)
wait_port "$DCMTK_PORT" && wait_port "$OUR_PORT" || { echo "a server did not start" >&2; cat "$work/scp.log" >&2; exit 1; }

echoscu_rate() {  # port
  local t0 t1; t0=$(now); echoscu --repeat "$N_ECHO" -aec ANY "127.0.0.1" "$1"; t1=$(now)
  rate "$N_ECHO" "$t0" "$t1"
}
ours() { "${JAVA[@]}" "$@" | sed -n 's/^RESULT //p'; }
cold() { java -XX:+UseParallelGC -Dnetdicom.bench.warmup=0 -cp "$CP" org.netdicom.bench.EchoBench "$@" | sed -n 's/^RESULT //p'; }
spawn_rate() {  # port
  local t0 t1; t0=$(now)
  for _ in $(seq "$N_SPAWN"); do echoscu -aec ANY 127.0.0.1 "$1"; done
  t1=$(now); rate "$N_SPAWN" "$t0" "$t1"
}
# Rounds interleave the rows (baseline, then ours, in each round), so that a slow moment of the
# machine hits both; each figure is the best of ROUNDS, each ratio the median of the rounds' ratios.
rounds() {  # name command... : appends one result per call to the array named
  local -n into=$1; shift; into+=("$("$@")")
}
best_of() { python3 -c "import sys; print(max(float(x) for x in sys.argv[1:]))" "$@"; }
paired() {  # "ours..." "theirs..." -> median ratio
  python3 -c "import statistics, sys; o, t = (list(map(float, a.split())) for a in sys.argv[1:]); print(f'{statistics.median(x / y for x, y in zip(o, t)):.2f}x')" "$1" "$2"
}

echo "== C-ECHO, $(nproc) cores, DCMTK $(echoscu --version | sed -n 's/.*echoscu v\([^ ]*\).*/\1/p'), $(java -version 2>&1 | sed -n 1p)"
# our SCP, warm as a running server is (untimed)
ours associations 127.0.0.1 "$OUR_PORT" NETDICOM "$WARMUP_ASSOC" >/dev/null
echoscu --repeat "$WARMUP_ECHO" -aec ANY 127.0.0.1 "$OUR_PORT"
base=(); scp=(); scu=(); scu_cold=(); to_dcmtk=(); to_ours=(); to_dcmtk_cold=(); spawned=()
for _ in $(seq "$ROUNDS"); do
  rounds base echoscu_rate "$DCMTK_PORT"
  rounds scp echoscu_rate "$OUR_PORT"
  rounds scu ours echoes 127.0.0.1 "$DCMTK_PORT" STORESCP "$N_ECHO"
  rounds scu_cold cold echoes 127.0.0.1 "$DCMTK_PORT" STORESCP "$N_ECHO"
  rounds to_dcmtk ours associations 127.0.0.1 "$DCMTK_PORT" STORESCP "$N_ASSOC"
  rounds to_ours ours associations 127.0.0.1 "$OUR_PORT" NETDICOM "$N_ASSOC"
  rounds to_dcmtk_cold cold associations 127.0.0.1 "$DCMTK_PORT" STORESCP "$N_ASSOC"
  rounds spawned spawn_rate "$DCMTK_PORT"
done
echo "-- echoes per second on one association ($N_ECHO echoes; best of $ROUNDS rounds; ratio: median of the rounds')"
printf '%-44s %10s/s\n' "DCMTK echoscu  -> DCMTK storescp" "$(best_of "${base[@]}")"
printf '%-44s %10s/s   SCP ratio %s\n' "DCMTK echoscu  -> netdicom SCP" "$(best_of "${scp[@]}")" "$(paired "${scp[*]}" "${base[*]}")"
printf '%-44s %10s/s   SCU ratio %s\n' "netdicom SCU   -> DCMTK storescp" "$(best_of "${scu[@]}")" "$(paired "${scu[*]}" "${base[*]}")"
printf '%-44s %10s/s   (%s)\n' "  same, fresh JVM, no warm-up" "$(best_of "${scu_cold[@]}")" "$(paired "${scu_cold[*]}" "${base[*]}")"
echo "-- associations per second: open, C-ECHO, release ($N_ASSOC associations; best of $ROUNDS; ratio: median)"
printf '%-44s %10s/s\n' "netdicom SCU   -> DCMTK storescp" "$(best_of "${to_dcmtk[@]}")"
printf '%-44s %10s/s   SCP ratio %s\n' "netdicom SCU   -> netdicom SCP" "$(best_of "${to_ours[@]}")" "$(paired "${to_ours[*]}" "${to_dcmtk[*]}")"
printf '%-44s %10s/s\n' "netdicom SCU, fresh JVM -> DCMTK storescp" "$(best_of "${to_dcmtk_cold[@]}")"
printf '%-44s %10s/s   SCU ratio %s (DCMTK figure includes process start)\n' \
  "echoscu process per association -> storescp" "$(best_of "${spawned[@]}")" "$(paired "${to_dcmtk[*]}" "${spawned[*]}")"
