package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.SkipReason;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * Step 6: update the configuration unless it already matches the intent; UpdateFunctionConfiguration with a fresh
 * RevisionId, wait, require Successful. A merged environment over Lambda's size limit is refused before the call.
 */
final class ConfigurationPhase extends UpdatePhase {
    private final DeploymentContext ctx;
    private final ConfigurationIntent intent;

    ConfigurationPhase(PhaseSupport support, ConfigurationIntent intent) {
        super(Phase.CONFIGURATION, support);
        this.ctx = support.ctx();
        this.intent = intent;
    }

    @Override
    boolean requested() {
        return intent.requested();
    }

    @Override
    SkipReason upToDate(FunctionConfiguration cfg) {
        return intent.differences(cfg).isEmpty() ? SkipReason.CONFIGURATION_UNCHANGED : null;
    }

    @Override
    FunctionConfiguration update(FunctionConfiguration cfg, RetryBudget budget) {
        ctx.checkStillGoing();
        intent.checkEnvironmentSize(cfg);
        ctx.emit(DeploymentEvent.Submitted.configuration(ctx.now(), intent.differences(cfg)));
        UpdateFunctionConfigurationResponse response = ctx.client().updateFunctionConfiguration(intent.toUpdate(
                ctx.functionArn(), cfg, cfg.revisionId()).toBuilder().overrideConfiguration(ctx.timeouts()).build());
        ctx.observed().updated(response);
        String lastModified = response.lastModified();
        // Timed from the response: the request may have waited in the client-side rate limiter first.
        long submitted = ctx.nanoTime();
        support.ledger().worked(Phase.CONFIGURATION);
        FunctionConfiguration updated = support.waits().awaitUpdated(budget, submitted, 0, lastModified);
        if (FunctionStatuses.isFailedUpdate(updated)) {
            throw DeploymentFailures.updateFailed(ctx, "Configuration update", updated);
        }
        ctx.emit(new DeploymentEvent.Confirmed(ctx.now(), Phase.CONFIGURATION, updated.revisionId(),
                updated.codeSha256(), ctx.since(submitted)));
        return updated;
    }
}
