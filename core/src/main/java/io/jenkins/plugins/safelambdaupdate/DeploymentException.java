package io.jenkins.plugins.safelambdaupdate;

import java.util.Objects;
import java.util.Optional;

/**
 * A deployment did not complete. {@link #failure()} tells why, {@link #stateLeft()} the state the function
 * was left in when known. Messages never contain secrets or environment variable values.
 */
public class DeploymentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final FailureKind failure;
    private final String functionArn;
    private final transient FunctionStatus stateLeft;

    /**
     * Creates an exception without function details.
     *
     * @param failure why the deployment stopped, not null
     * @param message a human-readable message, not null
     * @throws NullPointerException if an argument is null
     */
    public DeploymentException(FailureKind failure, String message) {
        this(failure, message, null, null, null);
    }

    /**
     * Creates an exception.
     *
     * @param failure why the deployment stopped, not null
     * @param message a human-readable message, not null
     * @param functionArn the canonical function ARN, or null when not resolved yet
     * @param stateLeft the function state when we stopped, or null when unknown
     * @param cause the underlying exception, or null
     * @throws NullPointerException if failure or message is null
     */
    public DeploymentException(FailureKind failure, String message, String functionArn, FunctionStatus stateLeft,
                               Throwable cause) {
        super(Objects.requireNonNull(message, "message cannot be null"), cause);
        this.failure = Objects.requireNonNull(failure, "failure cannot be null");
        this.functionArn = functionArn;
        this.stateLeft = stateLeft;
    }

    /** @return why the deployment stopped, never null */
    public FailureKind failure() {
        return failure;
    }

    /** @return the function state when the deployment stopped, when known */
    public Optional<FunctionStatus> stateLeft() {
        return Optional.ofNullable(stateLeft);
    }

    /** @return the canonical unqualified function ARN, when it had been resolved */
    public Optional<String> functionArn() {
        return Optional.ofNullable(functionArn);
    }
}
