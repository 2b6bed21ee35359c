#!/usr/bin/env bash
# Build the netdicom container and run it in the foreground (Ctrl-C stops it).
#
#   ./netdicom.sh                          AE NETDICOM on 0.0.0.0:11112
#   NETDICOM_PORT=11113 ./netdicom.sh      environment overrides, see etc/org.netdicom.node.cfg:
#                                          NETDICOM_AET, NETDICOM_PORT, NETDICOM_BIND
#   NETDICOM_SKIP_BUILD=1 ./netdicom.sh    run the last build as it is
#
# Needs only Java 17 and Maven. The container lives in distribution/target/assembly;
# its log is data/log/karaf.log there, and bin/client -u karaf -p karaf opens its console.
set -euo pipefail
cd "$(dirname "$0")"

if [[ "${NETDICOM_SKIP_BUILD:-}" != 1 ]]; then
  # Only the distribution and what it is made of; tests run with `mvn -B install`.
  mvn -B -q install -DskipTests -pl distribution -am
fi

# Karaf's scripts warn without JAVA_HOME; take it from the java on PATH.
if [[ -z "${JAVA_HOME:-}" ]] && command -v java >/dev/null; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  export JAVA_HOME
fi

# NETDICOM_* variables reach the node through the environment that exec keeps.
exec distribution/target/assembly/bin/karaf server "$@"
