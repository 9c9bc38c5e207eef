package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.SkipReason;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;

/**
 * Step 5: update the code unless the deployed CodeSha256 is already ours; UpdateFunctionCode with the RevisionId just
 * read, wait, require Successful and our CodeSha256.
 */
final class CodePhase extends UpdatePhase {
    private final DeploymentContext ctx;
    private final CodeArtifact code;

    CodePhase(PhaseSupport support, CodeArtifact code) {
        super(Phase.CODE, support);
        this.ctx = support.ctx();
        this.code = code;
    }

    @Override
    boolean requested() {
        return code.requested();
    }

    @Override
    SkipReason upToDate(FunctionConfiguration cfg) {
        return code.isDeployedIn(cfg) ? SkipReason.CODE_UNCHANGED : null;
    }

    /** @return the updated function, or null when another writer replaced our code before we read it back */
    @Override
    FunctionConfiguration update(FunctionConfiguration cfg, RetryBudget budget) {
        ctx.checkStillGoing();
        UpdateFunctionCodeRequest.Builder request;
        try {
            // A zip's bytes cross to us only now: the lock is ours and the deployed code is not already this zip.
            request = code.updateRequest();
        } catch (InterruptedException e) {
            throw DeploymentFailures.interrupted(ctx, e);
        }
        ctx.checkStillGoing();
        ctx.emit(code.submitted(ctx.now()));
        UpdateFunctionCodeResponse response = ctx.client().updateFunctionCode(request
                .functionName(ctx.functionArn()).revisionId(cfg.revisionId()).overrideConfiguration(ctx.timeouts())
                .build());
        ctx.observed().updated(response);
        String newSha = response.codeSha256();
        // Timed from the response: the request may have waited in the client-side rate limiter first.
        long submitted = ctx.nanoTime();
        support.ledger().worked(Phase.CODE);
        code.applied(newSha);
        FunctionConfiguration updated = support.waits().awaitUpdated(budget, submitted, code.size(),
                response.lastModified());
        if (FunctionStatuses.isFailedUpdate(updated)) {
            throw DeploymentFailures.updateFailed(ctx, "Code update", updated);
        }
        if (!code.isDeployedIn(updated)) {
            support.retries().foreignChange(budget, null, "code replaced by another writer");
            return null;
        }
        ctx.emit(new DeploymentEvent.Confirmed(ctx.now(), Phase.CODE, updated.revisionId(), updated.codeSha256(),
                ctx.since(submitted)));
        return updated;
    }
}
