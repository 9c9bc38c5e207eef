package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.util.Map;
import java.util.Objects;

/**
 * A refusal as the simulator sends it: HTTP status, {@code x-amzn-ErrorType}, message and any extra
 * body fields or headers. Created only by {@link Errors}; each refusal is a fresh object.
 */
public final class LambdaError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String messageField;
    private final Map<String, String> bodyFields;
    private final Map<String, String> headers;

    LambdaError(int status, String type, String messageField, String message,
                Map<String, String> bodyFields, Map<String, String> headers) {
        // No stack trace: a refusal is an answer, not a bug, and 429 bursts create many of them.
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.type = type;
        this.messageField = messageField;
        this.bodyFields = Map.copyOf(bodyFields);
        this.headers = Map.copyOf(headers);
    }

    /** @return the HTTP status code */
    public int status() {
        return status;
    }

    /** @return the error type sent in {@code x-amzn-ErrorType}, e.g. {@code ResourceConflictException} */
    public String type() {
        return type;
    }

    /** @return the body key of the message: {@code message}, or {@code Message} for some types */
    public String messageField() {
        return messageField;
    }

    /** @return body fields besides {@code Type} and the message, e.g. {@code Reason} for throttling */
    public Map<String, String> bodyFields() {
        return bodyFields;
    }

    /** @return extra response headers, e.g. {@code Retry-After} */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return {@code Service} for 5xx, else {@code User}, as AWS fills the body's {@code Type} */
    public String faultType() {
        return status >= 500 ? "Service" : "User";
    }
}
