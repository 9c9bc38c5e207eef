package io.jenkins.plugins.safelambdaupdate;

/**
 * Why a deployment stopped. Carried by {@link DeploymentException#failure()} and by the
 * {@link DeploymentEvent.Failed} event.
 */
public enum FailureKind {
    /** The request was refused before any AWS call; see {@link InvalidRequestException#parameter()}. */
    INVALID_REQUEST,
    /** The function (or the region in its ARN) does not exist for the credentials and region used. */
    FUNCTION_NOT_FOUND,
    /** The function is in {@code State=Failed}; its StateReason is in the message. */
    FUNCTION_FAILED,
    /** An update of ours ended with {@code LastUpdateStatus=Failed}; the reason code and text are in the message. */
    UPDATE_FAILED,
    /** A mutation was refused as a conflict (409, 412) more often than {@code conflictRetries} allows. */
    CONFLICT_RETRIES_EXHAUSTED,
    /** Another writer changed the function while we held the lock and the policy was {@link ForeignChangePolicy#FAIL}. */
    FOREIGN_CHANGE,
    /** The final read did not match the intent. */
    VERIFICATION_FAILED,
    /** The deployment's deadline passed. */
    DEADLINE_EXCEEDED,
    /** The deploying thread was interrupted; no change was made after the interrupt. */
    INTERRUPTED,
    /** The function lock could not be acquired within the deadline. */
    LOCK_TIMEOUT,
    /**
     * The function lock cannot be used at all (see {@link LockUnavailableException}): an environment problem, such as
     * a lock file that is not ours or not writable. Nothing was changed.
     */
    LOCK_UNAVAILABLE,
    /**
     * Any other error reported by AWS or the AWS SDK (credentials, permissions, network ...), throttling (429) and
     * server errors (5xx) that outlasted the SDK's retries and {@code conflictRetries} among them.
     */
    AWS_ERROR
}
