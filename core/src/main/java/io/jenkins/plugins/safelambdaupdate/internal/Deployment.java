package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.SkipReason;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * One run of the safe-update protocol, on the calling thread: the ten steps of the design in order, each delegated to
 * the class that does it. Not thread-safe and not reused. (Reads without a deployment: {@link ReadOnlyRuns}.)
 */
final class Deployment {
    private final DeploymentEngine engine;
    private final DeploymentRequest request;
    private final PhaseSupport support;
    private final DeploymentContext ctx;
    private final DeploymentLedger ledger;
    private final FunctionReads reads;

    /** @param request the deployment to run, not null */
    Deployment(DeploymentEngine engine, DeploymentRequest request, DeploymentListener listener) {
        this.engine = engine;
        this.request = request;
        this.support = PhaseSupport.forRun(engine.settings(), listener, request.deadline(), request.conflictRetries(),
                request.onForeignChange());
        this.ctx = support.ctx();
        this.ledger = support.ledger();
        this.reads = support.reads();
    }

    // ------------------------------------------------------------------------------------------------ entry points

    DeploymentResult run() {
        try {
            return execute();
        } catch (DeploymentException e) {
            throw failed(explained(e));
        } catch (SdkException e) {
            throw failed(explained(SdkFailures.translate(ctx, e)));
        }
    }

    // ------------------------------------------------------------------------------------------------ protocol

    private DeploymentResult execute() {
        // 1. Validate locally, before any AWS call.
        ledger.begin(Phase.VALIDATE);
        engine.validator().validate(request);
        FunctionReference reference = FunctionReference.parse(request.functionName());
        ConfigurationIntent intent = new ConfigurationIntent(request);
        CodeArtifact code = new CodeArtifact(request.code().orElse(null));
        ledger.end(Phase.VALIDATE);

        // 2. Resolve the reference to the canonical ARN that names the lock.
        RetryBudget resolving = ledger.begin(Phase.RESOLVE);
        FunctionConfiguration resolved = reads.resolve(reference, resolving);
        ctx.emit(new DeploymentEvent.Resolved(ctx.now(), request.functionName(), ctx.functionArn()));
        ledger.end(Phase.RESOLVE);

        // 3. Lock; 10. release, always.
        FunctionLocking locking = new FunctionLocking(ctx, ledger, engine.lockProvider());
        FunctionLock lock = locking.acquire(request.deadline());
        try {
            // Without a lock wait the resolving read is as fresh as a new one; RevisionId preconditions cover the rest.
            return locked(locking.waited() ? null : resolved, intent, code);
        } catch (DeploymentException e) {
            throw explained(e); // now, in the phase that failed: the release is a phase of its own
        } catch (SdkException e) {
            throw explained(SdkFailures.translate(ctx, e));
        } finally {
            locking.release(lock);
        }
    }

    /** Steps 4 to 9, under the lock. */
    private DeploymentResult locked(FunctionConfiguration known, ConfigurationIntent intent, CodeArtifact code) {
        // 4. Settle.
        RetryBudget settling = ledger.begin(Phase.SETTLE);
        FunctionConfiguration cfg = reads.settle(known != null ? known : reads.read(settling), settling);
        ledger.end(Phase.SETTLE);

        // 5-7. Code, configuration, publish; re-applied while another writer undoes them (bounded by the policy).
        CodePhase codePhase = new CodePhase(support, code);
        ConfigurationPhase configurationPhase = new ConfigurationPhase(support, intent);
        PublishPhase publishPhase = new PublishPhase(support, code);
        while (true) {
            cfg = codePhase.ensure(cfg);
            cfg = configurationPhase.ensure(cfg);
            if (!code.isDeployedIn(cfg) || !intent.differences(cfg).isEmpty()) {
                // Counts against the phase whose result was changed, as does the re-read before re-applying it: that
                // phase is under way again, so a failure meanwhile names it and says why it had retried.
                Phase changed = code.isDeployedIn(cfg) ? Phase.CONFIGURATION : Phase.CODE;
                RetryBudget reapplying = ledger.begin(changed);
                support.retries().foreignChange(reapplying, null, (changed == Phase.CODE ? "code" : "configuration")
                        + " changed by another writer after our update");
                cfg = reads.readSettled(reapplying);
                ledger.end(changed);
                continue;
            }
            if (!request.publish()) {
                ledger.skip(Phase.PUBLISH, SkipReason.NOT_REQUESTED, null);
                break;
            }
            if (publishPhase.publish(cfg)) {
                break;
            }
            cfg = reads.readSettled(ledger.budget(Phase.PUBLISH));
        }
        String version = publishPhase.version();

        // 8. Move the alias.
        String alias = request.alias().orElse(null);
        new AliasPhase(support).move(alias, version);

        // 9. Verify.
        FunctionConfiguration verified = new VerifyPhase(support, code, intent).verify(version,
                publishPhase.activeVersion());
        return ledger.result(version, alias, verified);
    }

    /**
     * @return the failure, saying why its phase (the one under way) had retried when it is a deadline passed; called
     *     before the release, which begins a phase of its own, and again for failures before the lock
     */
    private DeploymentException explained(DeploymentException e) {
        return ledger.budget(ctx.phase()).explained(e);
    }

    private DeploymentException failed(DeploymentException e) {
        ctx.emit(new DeploymentEvent.Failed(ctx.now(), e.failure(), e.getMessage(), e.stateLeft().orElse(null)));
        return e;
    }
}
