package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.Phase;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;

/**
 * Step 7: PublishVersion with our CodeSha256 and a fresh RevisionId, so the version provably holds this deployment's
 * code, then wait until the version is Active.
 */
final class PublishPhase {
    private final DeploymentContext ctx;
    private final DeploymentLedger ledger;
    private final PhaseSupport support;
    private final CodeArtifact code;
    private String version;
    private FunctionConfiguration activeVersion;

    PublishPhase(PhaseSupport support, CodeArtifact code) {
        this.ctx = support.ctx();
        this.ledger = support.ledger();
        this.support = support;
        this.code = code;
    }

    /** @return the version published, or null before publishing */
    String version() {
        return version;
    }

    /**
     * @return the published version as read when it became Active (a version never changes after), or null when
     *     PublishVersion answered Active at once and nothing was read
     */
    FunctionConfiguration activeVersion() {
        return activeVersion;
    }

    /** @return true when published, false when the intent must be re-applied first (another writer changed it) */
    boolean publish(FunctionConfiguration cfg) {
        RetryBudget budget = ledger.begin(Phase.PUBLISH);
        try {
            ctx.checkStillGoing();
            String sha = code.sha() != null ? code.sha() : cfg.codeSha256();
            ctx.emit(DeploymentEvent.Submitted.publish(ctx.now(), sha));
            PublishVersionResponse response = ctx.client().publishVersion(b -> b.functionName(ctx.functionArn())
                    .codeSha256(sha).revisionId(cfg.revisionId()).overrideConfiguration(ctx.timeouts()));
            // Timed from the response: the request may have waited in the client-side rate limiter first.
            long submitted = ctx.nanoTime();
            ledger.worked(Phase.PUBLISH);
            version = response.version();
            if (!sha.equals(response.codeSha256())) {
                throw ctx.failure(FailureKind.VERIFICATION_FAILED, "Published version " + version
                        + " holds CodeSha256 " + response.codeSha256() + ", expected " + sha, null);
            }
            // Anything but Active (Pending, or a state a newer Lambda reports) is waited for and must end Active.
            if (!"Active".equals(response.stateAsString())) {
                FunctionConfiguration active = support.waits().awaitVersionActive(budget, version, submitted);
                if (!"Active".equals(active.stateAsString())) {
                    throw ctx.failure(FailureKind.UPDATE_FAILED, "Version " + version + " did not become active: State="
                            + active.stateAsString() + " (" + active.stateReasonCodeAsString() + ": "
                            + active.stateReason() + ")", null);
                }
                activeVersion = active;
            }
            ctx.emit(new DeploymentEvent.Published(ctx.now(), version, response.codeSha256()));
            return true;
        } catch (SdkException e) {
            if (SdkFailures.isCodeShaMismatch(e)) {
                support.retries().foreignChange(budget, e, "CodeSha256 of $LATEST changed by another writer");
            } else {
                support.retries().afterRefusal(budget, e);
            }
            return false;
        } finally {
            ledger.end(Phase.PUBLISH);
        }
    }
}
