/**
 * The OpenCL engine through JOCL: device discovery ({@link OpenClDevices}), kernel programs specialised per problem
 * from {@code kernels/*.cl} ({@link KernelProgram}), host-to-device layouts ({@code *Buffer}), on-device reductions and
 * order statistics ({@link RadixSelect}), batched sweep cells ({@link CellBatch}), and the restore of the JVM signal
 * handlers that OpenCL drivers replace ({@link JvmSignalHandlers}).
 */
package io.marginsim.engine.opencl;
