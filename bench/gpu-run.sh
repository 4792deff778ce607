#!/usr/bin/env bash
# Every GPU figure the project still lacks, in one run on a machine with an OpenCL GPU and no Java of its own.
#
# Here (a machine with Maven and JDK 25): build the jars and a small JDK,
#   mvn -B -q install -DskipTests -DskipModules && mvn -B -q -f bench/pom.xml package -DskipTests
#   bash ../shared/tools/device-jdk.sh            # writes .device/ (a jlink'd JDK 25 and OpenCL loader packages)
# There (from the project root, with .device, target/margin-sim.jar and bench/target/benchmarks.jar copied over):
#   bash ../shared/tools/device-opencl.sh && bash bench/gpu-run.sh "$OUT"
#
# Writes one log per question into the folder given (default: gpu-results/):
#   devices.txt         the OpenCL devices seen
#   bench-1.txt/-8.txt  `margin-sim bench` on the issue's standard workload: 16,777,216 paths x 256 steps, float32
#   models.txt          JMH OpenClEngineBenchmark: Student-t, Merton and GARCH against GBM, with and without the
#                       liquidation mechanics, one and eight assets
#   batch.txt           JMH CellBatchBenchmark: small sweep cells batched into one launch against one at a time
#   sweep-10k.txt       examples/sweep-10k.json end to end on the OpenCL engine (cells/s, path-steps/s)
# GPU=N picks OpenCL device N (default: the first GPU) and lets the JMH runs take a CPU device; PATHS (bench),
# MODEL_PATHS (paths per JMH invocation of OpenClEngineBenchmark) and JMH_FLAGS shorten a trial run on a CPU device:
#   GPU=0 PATHS=65536 MODEL_PATHS=16384 JMH_FLAGS='-wi 0 -i 1 -r 1s -p assets=1 -p model=gbm -p cells=16' \
#     bash bench/gpu-run.sh /tmp/trial
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-gpu-results}
mkdir -p "$out"
java=${JAVA:-.device/jdk/bin/java}
[ -x "$java" ] || java=$(command -v java)
flags=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)
paths=${PATHS:-16777216}
model_paths=${MODEL_PATHS:-4194304}
device=()
jmh_device=()
if [ -n "${GPU:-}" ]; then
  device=(--device "$GPU")
  jmh_device=(-jvmArgsAppend "-Dmarginsim.bench.allowCpu=true")
fi
jmh=(${JMH_FLAGS:--wi 2 -w 2s -i 3 -r 3s})

run() {  # run NAME COMMAND...: the command's output to NAME.txt and, shortened, here
  echo "== $1: ${*:2}" | tee "$out/$1.txt"
  "${@:2}" 2>&1 | tee -a "$out/$1.txt" | tail -n 12
}

run devices "$java" "${flags[@]}" -jar target/margin-sim.jar devices
run bench-1 "$java" "${flags[@]}" -jar target/margin-sim.jar bench --engines opencl --paths "$paths" "${device[@]}"
run bench-8 "$java" "${flags[@]}" -jar target/margin-sim.jar bench --engines opencl --assets 8 \
  --paths "$((paths / 8))" "${device[@]}"
run models "$java" "${flags[@]}" -jar bench/target/benchmarks.jar OpenClEngineBenchmark "${jmh[@]}" \
  -p paths="$model_paths" -jvmArgsAppend "--enable-native-access=ALL-UNNAMED" "${jmh_device[@]}"
run batch "$java" "${flags[@]}" -jar bench/target/benchmarks.jar CellBatchBenchmark "${jmh[@]}" \
  -jvmArgsAppend "--enable-native-access=ALL-UNNAMED" "${jmh_device[@]}"
run sweep-10k bash -c "time '$java' ${flags[*]} -jar target/margin-sim.jar sweep examples/sweep-10k.json \
  --engine opencl ${device[*]} --out '$out/sweep-10k'"
echo "results in $out/"
