package io.jenkins.plugins.safelambdaupdate;

/** The function lock was not acquired within the allowed time. */
public class LockTimeoutException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message a human-readable message naming the lock */
    public LockTimeoutException(String message) {
        super(message);
    }
}
