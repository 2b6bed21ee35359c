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
scratch_base() { if [[ -d /dev/shm && -w /dev/shm ]]; then echo /dev/shm; else echo /tmp; fi; }
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
