/**
 * Sweeps run as Apache Spark tasks: the plan split into batched cells and path ranges ({@link TaskPlan}), one task's
 * work ({@link SparkTask}), ranges merged back into rows ({@link RangeMerger}), GPUs assigned by Spark
 * ({@link GpuAddresses}), and the driver, which journals rows as the plain sweep does ({@link SparkSweep}).
 */
package io.marginsim.spark;
