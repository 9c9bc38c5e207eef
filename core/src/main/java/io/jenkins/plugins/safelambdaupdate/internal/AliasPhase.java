package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.SkipReason;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Step 8: point the alias at the version just published, with the alias's own RevisionId; create it if missing. */
final class AliasPhase {
    private final DeploymentContext ctx;
    private final DeploymentLedger ledger;
    private final Retries retries;

    AliasPhase(PhaseSupport support) {
        this.ctx = support.ctx();
        this.ledger = support.ledger();
        this.retries = support.retries();
    }

    /** @param alias the alias to move, or null when not requested */
    void move(String alias, String version) {
        if (alias == null) {
            ledger.skip(Phase.ALIAS, SkipReason.NOT_REQUESTED, null);
            return;
        }
        RetryBudget budget = ledger.begin(Phase.ALIAS);
        try {
            while (true) {
                ctx.checkStillGoing();
                try {
                    moveOnce(alias, version);
                    return;
                } catch (SdkException e) {
                    retries.afterRefusal(budget, e);
                }
            }
        } finally {
            ledger.end(Phase.ALIAS);
        }
    }

    private void moveOnce(String alias, String version) {
        GetAliasResponse current = read(alias);
        if (current == null) {
            ctx.checkStillGoing(); // the read may have taken a while: no write after an interrupt or the deadline
            ctx.emit(DeploymentEvent.Submitted.alias(ctx.now(), alias, null, version));
            ctx.client().createAlias(b -> b.functionName(ctx.functionArn()).name(alias).functionVersion(version)
                    .overrideConfiguration(ctx.timeouts()));
            ledger.worked(Phase.ALIAS);
            ctx.emit(new DeploymentEvent.AliasMoved(ctx.now(), alias, version, true));
            return;
        }
        if (version.equals(current.functionVersion())) {
            ledger.skip(Phase.ALIAS, SkipReason.ALIAS_UNCHANGED, null);
            return;
        }
        ctx.checkStillGoing();
        ctx.emit(DeploymentEvent.Submitted.alias(ctx.now(), alias, current.functionVersion(), version));
        ctx.client().updateAlias(b -> b.functionName(ctx.functionArn()).name(alias).functionVersion(version)
                .revisionId(current.revisionId()).overrideConfiguration(ctx.timeouts()));
        ledger.worked(Phase.ALIAS);
        ctx.emit(new DeploymentEvent.AliasMoved(ctx.now(), alias, version, false));
    }

    /** @return the alias, or null when it does not exist yet */
    private GetAliasResponse read(String alias) {
        try {
            return ctx.client().getAlias(b -> b.functionName(ctx.functionArn()).name(alias)
                    .overrideConfiguration(ctx.timeouts()));
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }
}
