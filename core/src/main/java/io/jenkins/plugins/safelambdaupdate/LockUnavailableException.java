package io.jenkins.plugins.safelambdaupdate;

/**
 * The lock cannot be used at all, as opposed to being held by someone else: for example a lock file that is a
 * symbolic link, not a regular file, or not writable by this user, or a lock directory that cannot be created. An
 * environment problem for an administrator to fix; nothing was changed. Thrown by {@link LockProvider#acquire}.
 */
public class LockUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what cannot be used, why, and what to do about it
     * @param cause the underlying error, or null
     */
    public LockUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
