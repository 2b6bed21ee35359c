# Helpers the bench scripts share; sourced, not run. Each script keeps its servers' pids in `pids`.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Waits up to 120 s (a cold container) until something listens on 127.0.0.1:$1.
wait_port() { for _ in $(seq 2400); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }
now() { date +%s.%N; }
# The bench module's class path for java -cp; builds the module (and what it needs) first when
# its classes are missing.
bench_classpath() {
  if [[ ! -f bench/target/classpath.txt || ! -f bench/target/classes/org/netdicom/bench/StoreBench.class
        || ! -f bench/target/classes/org/netdicom/bench/QueryBench.class ]]; then
    mvn -B -q install -DskipTests -pl bench -am >&2
  fi
  echo "bench/target/classes:$(cat bench/target/classpath.txt)"
}
# Where a bench writes its files: tmpfs (/dev/shm) when there is a writable one, else /tmp.
scratch_base() {
  local base=/tmp used
  [[ -d /dev/shm && -w /dev/shm ]] && base=/dev/shm
  # A bench's EXIT trap deletes only its own folder: files left by killed runs stay in memory. In
  # session 13, 10 GB of them in /dev/shm kept the page cache under reclaim and moved every figure.
  used=$(df --output=used -B1M "$base" 2>/dev/null | tail -1 | tr -d ' ')
  if [[ $base == /dev/shm && ${used:-0} -gt 2048 ]]; then
    echo "== warning: $base already holds ${used} MB (files of killed runs?); the figures may suffer:" >&2
    du -sh "$base"/* 2>/dev/null | sort -h | tail -5 | sed 's/^/==   /' >&2
  fi
  echo "$base"
}
best() { python3 -c "import sys; print(min(float(x) for x in sys.argv[1:]))" "$@"; }
# Ends the servers the script started and deletes its work folder.
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }

# Indexes every .dcm file below $2 into a new dcmqrscp database folder $1 with dcmqridx;
# prints the seconds it took.
index_for_dcmqrscp() {
  local t0; mkdir -p "$1"; t0=$(now)
  find "$2" -name '*.dcm' -print0 | sort -z | xargs -0 -n 1000 dcmqridx "$1"
  python3 -c "print(round($(now) - $t0, 1))"
}

# Starts dcmqrscp (AE title QRSCP, 16 KiB PDUs) on port $2 over the database folder $1, its
# configuration and log next to it, and waits until it listens.
start_dcmqrscp() {
  cat > "$1.cfg" <<CFG
NetworkTCPPort = $2
MaxPDUSize = 16384
MaxAssociations = 16
HostTable BEGIN
HostTable END
VendorTable BEGIN
VendorTable END
AETable BEGIN
QRSCP $1 RW (100000, 1024mb) ANY
AETable END
CFG
  dcmqrscp -c "$1.cfg" "$2" >"$1.log" 2>&1 &
  pids+=($!)
  wait_port "$2" || { echo "dcmqrscp did not start" >&2; cat "$1.log" >&2; exit 1; }
}

# Seconds JVM $1 has spent in its JIT compilers so far (jstat's total compile time).
jit_seconds() { jstat -compiler "$1" 2>/dev/null | awk 'NR == 2 {print $4}'; }
# Warms the JVMs $1 (pids, space-separated) up as a server is warm: runs the rest of the arguments
# (one untimed pass of work) until two passes in a row cost each one's JIT less than 20 ms of
# compiling, at least WARM_MIN
# (default 4) and at most WARM_MAX (default 40) times; prints how many passes it took and the
# compile time of the last one. On the 2-core VM the C2 compiler was still busy after 5,000
# C-STOREs of 0.5 MB (openSpoolFile alone took 0.5 s of C2 at 7,000): a fixed warm-up left such
# compiles in the measured rounds, and one took a core from storescu or our reader.
warm_until_steady() {  # "pid [pid...]" command...
  local pids=$1 passes=0 quiet=0 spent=? pid value missing
  local -a before after
  shift
  while (( passes < ${WARM_MAX:-40} )); do
    before=(); for pid in $pids; do before+=("$(jit_seconds "$pid")"); done
    "$@" >/dev/null
    after=(); for pid in $pids; do after+=("$(jit_seconds "$pid")"); done
    passes=$((passes + 1))
    missing=0; for value in "${before[@]}" "${after[@]}"; do [[ -n $value ]] || missing=1; done
    if (( missing )); then  # no jstat (a JRE): a fixed warm-up
      (( passes >= ${WARM_MIN:-4} )) && break
      continue
    fi
    # the JVM that compiled most in this pass decides
    spent=$(python3 -c "import sys; b, a = sys.argv[1].split(), sys.argv[2].split(); print(max(round((float(y) - float(x)) * 1000) for x, y in zip(b, a)))" "${before[*]}" "${after[*]}")
    if (( spent < 20 )); then quiet=$((quiet + 1)); else quiet=0; fi
    (( passes >= ${WARM_MIN:-4} && quiet >= 2 )) && break
  done
  echo "$passes passes, the last compiling ${spent} ms"
}

# The summary of an A/B script: FILE holds one line per round, storescp's seconds first, then one
# column per variant; prints storescp's best, then per variant (LABEL n and its argument, or
# DEFAULT for an empty one) its best and the median over the rounds of storescp's time / its own.
ab_summary() {  # file label default arguments...
  python3 - "$@" <<'PYEOF'
import statistics, sys
path, label, default, variants = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
rounds = [list(map(float, line.split())) for line in open(path) if line.strip()]
storescp = [r[0] for r in rounds]
print(f"{'storescp +B':60} best {min(storescp):.3f} s")
for i, args in enumerate(variants):
    ours = [r[i + 1] for r in rounds]
    ratio = statistics.median(t / o for t, o in zip(storescp, ours))
    print(f"{label + ' ' + str(i + 1) + ' ' + (args or default):60} best {min(ours):.3f} s   median ratio {ratio:.3f}x")
PYEOF
}
