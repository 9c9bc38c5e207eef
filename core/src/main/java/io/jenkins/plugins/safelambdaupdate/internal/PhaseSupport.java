package io.jenkins.plugins.safelambdaupdate.internal;

/**
 * The collaborators every phase of one run works with, passed as one value so that the phases name only what is
 * particular to them.
 */
record PhaseSupport(DeploymentContext ctx, DeploymentLedger ledger, Retries retries, FunctionWaits waits,
                    FunctionReads reads) {
}
