#!/usr/bin/env bash
# Spark resource discovery script for GPUs (spark.worker.resource.gpu.discoveryScript on a standalone cluster,
# spark.executor.resource.gpu.discoveryScript on YARN or Kubernetes). Prints {"name": "gpu", "addresses": [...]}
# where every address is the index of a usable GPU among this machine's OpenCL devices, in the order
# `margin-sim devices` lists them (the numbers `--device N` takes): a task that Spark assigns address "2" runs on
# OpenCL device 2. These are not nvidia-smi indices, whose order can differ from OpenCL's. No OpenCL, or no GPU:
# no addresses (the reason on standard error). `--allow-cpu-devices` lists CPU OpenCL devices too, for clusters
# without GPUs run with spark.marginsim.gpu.allowCpuDevices=true (tests on PoCL).
# Needs JDK 25+ (JAVA_HOME, else java on PATH), and the spark module built (target/margin-sim-spark.jar or
# target/classes) with its SPARK_HOME (SPARK_HOME, else target/spark-home) beside this script.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/java}"
jars="${SPARK_HOME:-$here/target/spark-home}/jars"
exec "${java:-java}" --enable-native-access=ALL-UNNAMED -Xmx64m \
  -cp "$here/target/margin-sim-spark.jar:$here/target/classes:$jars/*" io.marginsim.spark.GpuAddresses "$@"
