package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import java.time.Duration;

/**
 * The collaborators every phase of one run works with, passed as one value so that the phases name only what is
 * particular to them.
 */
record PhaseSupport(DeploymentContext ctx, DeploymentLedger ledger, Retries retries, FunctionWaits waits,
                    FunctionReads reads) {

    /**
     * Assembles the per-run state of one deployment or one read: its own counting client, context, ledger (which hands
     * out the retry budgets), retries, waits and reads.
     *
     * @param allowed the time the run may take
     * @param conflictRetries the retries each phase may make in the run (re-applies of a phase included)
     */
    static PhaseSupport forRun(RunSettings settings, DeploymentListener listener, Duration allowed, int conflictRetries,
                               ForeignChangePolicy policy) {
        DeploymentContext ctx = new DeploymentContext(settings.time(), new CountingLambdaClient(settings.client()),
                listener, allowed);
        DeploymentLedger ledger = new DeploymentLedger(ctx, conflictRetries);
        Retries retries = new Retries(ctx, ledger, policy);
        FunctionWaits waits = new FunctionWaits(ctx, settings.durations(), settings.minimumPollInterval(), retries);
        return new PhaseSupport(ctx, ledger, retries, waits, new FunctionReads(ctx, retries, waits));
    }
}
