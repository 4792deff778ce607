#!/usr/bin/env bash
# Compares, on this machine and the standard workloads (1 asset and 8 correlated assets, 256 steps, flat 5%
# maintenance): the Vector API engine and the scalar reference engine for 1..N threads, and the NumPy reference.
# Prints every throughput and the ratios to NumPy. Sizes and repetitions can be set in the environment:
#   VECTOR_PATHS (default 1048576), SCALAR_PATHS (65536), NUMPY_PATHS (262144), REPEAT (5)
# Usage: bench/compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."

VECTOR_PATHS=${VECTOR_PATHS:-1048576}
SCALAR_PATHS=${SCALAR_PATHS:-65536}
NUMPY_PATHS=${NUMPY_PATHS:-262144}
REPEAT=${REPEAT:-5}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}

if ! python3 -c 'import numpy' 2>/dev/null; then
  echo "# installing python3-numpy" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q python3-numpy >&2; else sudo apt-get install -y -q python3-numpy >&2; fi
fi

mvn -B -q install -DskipTests -DskipModules >&2
mvn -B -q -f bench/pom.xml package -DskipTests >&2

out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "# $(date -u +%FT%TZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# numpy $(python3 -c 'import numpy; print(numpy.__version__)'), $("$JAVA" -version 2>&1 | head -1)"
"$JAVA" --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar io.marginsim.bench.Compare \
  "$VECTOR_PATHS" "$SCALAR_PATHS" "$REPEAT" 2>/dev/null | tee -a "$out"
for assets in 1 8; do
  paths=$NUMPY_PATHS
  [ "$assets" -eq 8 ] && paths=$((NUMPY_PATHS / 8))
  python3 bench/numpy_reference.py --assets "$assets" --paths "$paths" --repeat 3 | tee -a "$out"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "# best throughput (asset-path-steps/s) and ratio to NumPy, per workload"
awk '
  /^assets=/ {
    for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    key = f["assets"] " " f["engine"] " " f["threads"]
    best[key] = f["best"]; order[++n] = key
    if (f["engine"] == "numpy") numpy[f["assets"]] = f["best"]
  }
  END {
    printf "%-7s %-7s %-8s %12s %10s\n", "assets", "engine", "threads", "best", "x NumPy"
    for (i = 1; i <= n; i++) {
      split(order[i], k, " ")
      printf "%-7s %-7s %-8s %12.4g %10.2f\n", k[1], k[2], k[3], best[order[i]], best[order[i]] / numpy[k[1]]
    }
  }' "$out"
