package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;

/**
 * Step 9: compare the code and configuration of the published version (or $LATEST) with the intent: as read when the
 * version became Active (a published version never changes, so reading it again would tell nothing new), else read
 * once more.
 */
final class VerifyPhase {
    private final DeploymentContext ctx;
    private final DeploymentLedger ledger;
    private final Retries retries;
    private final CodeArtifact code;
    private final ConfigurationIntent intent;

    VerifyPhase(PhaseSupport support, CodeArtifact code, ConfigurationIntent intent) {
        this.ctx = support.ctx();
        this.ledger = support.ledger();
        this.retries = support.retries();
        this.code = code;
        this.intent = intent;
    }

    /**
     * @param version the version published, or null for $LATEST
     * @param activeVersion that version as read once it was Active, or null to read it (or $LATEST) now
     * @return the configuration verified
     */
    FunctionConfiguration verify(String version, FunctionConfiguration activeVersion) {
        RetryBudget budget = ledger.begin(Phase.VERIFY);
        try {
            if (version != null && activeVersion != null) {
                return check(version, activeVersion);
            }
            while (true) {
                ctx.checkStillGoing();
                try {
                    return check(version, ctx.client().getFunction(GetFunctionRequest.builder()
                            .functionName(ctx.functionArn()).qualifier(version).overrideConfiguration(ctx.timeouts())
                            .build()).configuration());
                } catch (SdkException e) {
                    retries.afterError(budget, e);
                }
            }
        } finally {
            ledger.end(Phase.VERIFY);
        }
    }

    private FunctionConfiguration check(String version, FunctionConfiguration v) {
        List<String> problems = new ArrayList<>();
        if (!code.isDeployedIn(v)) {
            problems.add("CodeSha256 is " + v.codeSha256() + ", expected " + code.sha());
        }
        Set<Setting> differing = intent.differences(v);
        if (!differing.isEmpty()) {
            problems.add("configuration differs from the request in " + ConfigurationIntent.names(differing));
        }
        if (!problems.isEmpty()) {
            throw ctx.failure(FailureKind.VERIFICATION_FAILED, "Verification of "
                    + (version == null ? "$LATEST" : "version " + version) + " failed: " + String.join("; ", problems),
                    null);
        }
        ctx.emit(new DeploymentEvent.Verified(ctx.now(), v.codeSha256(), v.revisionId()));
        return v;
    }
}
