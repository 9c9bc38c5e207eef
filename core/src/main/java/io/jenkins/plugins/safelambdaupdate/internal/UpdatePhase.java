package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.SkipReason;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The loop steps 5 and 6 share: skip when not requested or already done; else update, and after a refusal (or a
 * foreign change seen in the result) re-read the settled function and try again, as the retry policy and the phase's
 * retry budget allow: every pass of the loop, and every re-apply of the phase, spends from the same budget.
 */
abstract class UpdatePhase {
    private final Phase phase;
    /** The collaborators every phase uses; the subclasses share it rather than keep a copy. */
    final PhaseSupport support;

    UpdatePhase(Phase phase, PhaseSupport support) {
        this.phase = phase;
        this.support = support;
    }

    abstract boolean requested();

    /** @return why nothing needs doing on this settled function, or null when an update is needed */
    abstract SkipReason upToDate(FunctionConfiguration cfg);

    /**
     * Submits the update and waits for it.
     *
     * @param budget this phase's retry budget, for what the update and its wait retry
     * @return the settled result, or null to re-read and try again
     */
    abstract FunctionConfiguration update(FunctionConfiguration cfg, RetryBudget budget);

    /** @param cfg the settled function; @return the settled function with this phase's part of the intent */
    final FunctionConfiguration ensure(FunctionConfiguration cfg) {
        DeploymentLedger ledger = support.ledger();
        if (!requested()) {
            ledger.skip(phase, SkipReason.NOT_REQUESTED, null);
            return cfg;
        }
        while (true) {
            SkipReason done = upToDate(cfg);
            if (done != null) {
                if (!ledger.hasWorked(phase)) {
                    ledger.skip(phase, done, done == SkipReason.CODE_UNCHANGED ? cfg.codeSha256() : null);
                }
                return cfg;
            }
            RetryBudget budget = ledger.begin(phase);
            try {
                FunctionConfiguration updated = update(cfg, budget);
                if (updated != null) {
                    return updated;
                }
                cfg = support.reads().readSettled(budget);
            } catch (SdkException e) {
                support.retries().afterRefusal(budget, e);
                cfg = support.reads().readSettled(budget);
            } finally {
                ledger.end(phase);
            }
        }
    }
}
