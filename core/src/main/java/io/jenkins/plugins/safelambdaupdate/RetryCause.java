package io.jenkins.plugins.safelambdaupdate;

/** Why a mutation was retried. */
public enum RetryCause {
    /** HTTP 409 ResourceConflictException: an update or creation was in progress. */
    CONFLICT,
    /** HTTP 412 PreconditionFailedException, or our code replaced: another writer changed the function. */
    STALE_REVISION,
    /** HTTP 429 left after the SDK's own retries. */
    THROTTLED,
    /** HTTP 5xx left after the SDK's own retries. */
    SERVER_ERROR
}
