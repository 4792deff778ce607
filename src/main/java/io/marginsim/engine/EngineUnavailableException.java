package io.marginsim.engine;

/**
 * An engine cannot run here (no OpenCL library, no device, a kernel that does not build...). The message is
 * one sentence meant for the user and the report, saying why.
 */
public final class EngineUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String reason) {
        super(reason);
    }

    public EngineUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
