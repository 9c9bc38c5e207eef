package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.FailureKind;

/** The exit codes of the commands that talk to Lambda, and how the engine's failures map onto them. */
final class ExitCodes {
    /** The command did what was asked. */
    static final int SUCCESS = 0;
    /** The deployment failed, or the function ended in a failed state. */
    static final int FAILED = 1;
    /** Invalid input or usage; nothing was sent to AWS. */
    static final int USAGE = 2;
    /** The function does not exist, or AWS or the SDK reported another error. */
    static final int AWS_ERROR = 3;
    /** Interrupted, deadline or timeout exceeded, or the lock was not acquired in time. */
    static final int INTERRUPTED_OR_TIMEOUT = 4;
    /** The lock cannot be used (a lock file that is not ours, not writable, a symbolic link); nothing was changed. */
    static final int LOCK_UNAVAILABLE = 5;

    private ExitCodes() {
    }

    /**
     * @param failure why the engine stopped, not null
     * @return the exit code for it
     */
    static int of(FailureKind failure) {
        switch (failure) {
            case INVALID_REQUEST:
                return USAGE;
            case FUNCTION_NOT_FOUND:
            case AWS_ERROR:
                return AWS_ERROR;
            case INTERRUPTED:
            case DEADLINE_EXCEEDED:
            case LOCK_TIMEOUT:
                return INTERRUPTED_OR_TIMEOUT;
            case LOCK_UNAVAILABLE:
                return LOCK_UNAVAILABLE;
            default:
                return FAILED;
        }
    }
}
