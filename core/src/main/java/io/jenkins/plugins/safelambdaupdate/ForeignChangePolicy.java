package io.jenkins.plugins.safelambdaupdate;

/** What to do when another writer changes the function between our read and our write (HTTP 412, code replaced). */
public enum ForeignChangePolicy {
    /** Re-read the function and re-apply our intent, bounded by {@code conflictRetries}. The default. */
    REAPPLY,
    /** Stop with {@link FailureKind#FOREIGN_CHANGE}. */
    FAIL
}
