package io.jenkins.plugins.safelambdaupdate;

/** How requested environment variables combine with those already on the function. */
public enum EnvironmentMode {
    /** Requested variables are added to or overwrite the existing ones; others stay. The default. */
    MERGE,
    /** The requested variables become the complete set; others are removed. */
    REPLACE
}
