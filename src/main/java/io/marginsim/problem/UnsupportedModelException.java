package io.marginsim.problem;

/** An engine was asked to run a market model it does not implement yet; the message names the engine to use. */
public final class UnsupportedModelException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnsupportedModelException(String message) {
        super(message);
    }
}
