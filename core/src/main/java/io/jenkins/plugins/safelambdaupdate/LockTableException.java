package io.jenkins.plugins.safelambdaupdate;

import java.util.Objects;

/**
 * The DynamoDB lock table cannot be used: it does not exist, access to it is denied, its key schema is not the lock
 * table's, or DynamoDB refused a call for another reason. The message names the table and says what to do. A
 * deployment that meets it stops with {@link FailureKind#LOCK_UNAVAILABLE} before any change to the function.
 */
public class LockTableException extends LockUnavailableException {
    private static final long serialVersionUID = 1L;

    private final String tableName;

    /**
     * @param tableName the lock table, not null
     * @param message what went wrong, naming the table, not null
     * @param cause the SDK's exception, or null
     * @throws NullPointerException if tableName or message is null
     */
    public LockTableException(String tableName, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message cannot be null"), cause);
        this.tableName = Objects.requireNonNull(tableName, "tableName cannot be null");
    }

    /** @return the lock table's name, never null */
    public String tableName() {
        return tableName;
    }
}
