package io.jenkins.plugins.safelambdaupdate;

/** Why a phase did nothing ({@link DeploymentEvent.Skipped}). */
public enum SkipReason {
    /** The request does not ask for it (no code, no configuration, no publish, no alias). */
    NOT_REQUESTED,
    /** The function already runs the code asked for (same CodeSha256). */
    CODE_UNCHANGED,
    /** Every setting asked for already has the value asked for. */
    CONFIGURATION_UNCHANGED,
    /** The alias already points to the version published. */
    ALIAS_UNCHANGED
}
