package io.jenkins.plugins.safelambdaupdate;

/** The steps of one deployment, in protocol order. */
public enum Phase {
    /** Local validation of the request, before any AWS call. */
    VALIDATE,
    /** One GetFunction resolving the reference to the canonical unqualified ARN. */
    RESOLVE,
    /** Acquiring the lock named after the canonical ARN. */
    LOCK,
    /** Waiting until no creation or update is in progress. */
    SETTLE,
    /** UpdateFunctionCode and its wait. */
    CODE,
    /** UpdateFunctionConfiguration and its wait. */
    CONFIGURATION,
    /** PublishVersion and its wait. */
    PUBLISH,
    /** UpdateAlias or CreateAlias. */
    ALIAS,
    /** The final read comparing the function with the intent. */
    VERIFY,
    /** Releasing the lock. */
    RELEASE
}
