package io.jenkins.plugins.safelambdaupdate;

import java.util.Objects;

/**
 * The request is invalid; nothing was sent to AWS. The message always starts with the parameter name,
 * for example {@code "memorySize must be between 128 and 10240 MB, was 64"}.
 */
public class InvalidRequestException extends DeploymentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * Creates an exception for one parameter.
     *
     * @param parameter the parameter name as the user knows it (for example {@code functionName}), not null
     * @param message the message; when it does not start with the parameter name, {@code "parameter: "} is prepended
     * @throws NullPointerException if an argument is null
     */
    public InvalidRequestException(String parameter, String message) {
        super(FailureKind.INVALID_REQUEST, prefixed(parameter, message));
        this.parameter = parameter;
    }

    private static String prefixed(String parameter, String message) {
        Objects.requireNonNull(parameter, "parameter cannot be null");
        Objects.requireNonNull(message, "message cannot be null");
        return message.startsWith(parameter) ? message : parameter + ": " + message;
    }

    /** @return the name of the offending parameter, never null */
    public String parameter() {
        return parameter;
    }
}
