package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.SkipReason;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * One run of the safe-update protocol (or one status read or settle wait), on the calling thread: the ten steps of
 * the design in order, each delegated to the class that does it. Not thread-safe and not reused.
 */
final class Deployment {
    private final DeploymentEngine engine;
    private final DeploymentRequest request;
    private final DeploymentContext ctx;
    private final DeploymentLedger ledger;
    private final Retries retries;
    private final FunctionReads reads;
    private final FunctionWaits waits;

    /** @param request the deployment to run, or null for a status read or settle wait */
    Deployment(DeploymentEngine engine, DeploymentRequest request, DeploymentListener listener) {
        this.engine = engine;
        this.request = request;
        this.ctx = new DeploymentContext(engine.clock(), new CountingLambdaClient(engine.client(), engine.clock()), listener,
                request == null ? null : request.deadline());
        this.ledger = new DeploymentLedger(ctx);
        this.retries = new Retries(ctx, ledger, engine.sleeper(),
                request == null ? DeploymentRequest.DEFAULT_CONFLICT_RETRIES : request.conflictRetries(),
                request == null ? ForeignChangePolicy.REAPPLY : request.onForeignChange());
        this.waits = new FunctionWaits(ctx, engine.durations(), engine.minimumPollInterval(), retries,
                engine.sleeper());
        this.reads = new FunctionReads(ctx, retries, waits);
    }

    // ------------------------------------------------------------------------------------------------ entry points

    DeploymentResult run() {
        try {
            return execute();
        } catch (DeploymentException e) {
            throw failed(e);
        } catch (SdkException e) {
            throw failed(SdkFailures.translate(ctx, e));
        }
    }

    FunctionStatus readStatus(FunctionReference reference, Duration deadline) {
        ctx.phase(Phase.RESOLVE);
        ctx.limitTo(deadline);
        try {
            return FunctionStatuses.of(reads.resolve(reference));
        } catch (SdkException e) {
            throw SdkFailures.translate(ctx, e);
        }
    }

    FunctionStatus awaitSettled(FunctionReference reference, Duration timeout) {
        ctx.phase(Phase.SETTLE);
        ctx.limitTo(timeout);
        try {
            FunctionConfiguration cfg = reads.resolve(reference);
            ctx.phase(Phase.SETTLE);
            return FunctionStatuses.of(reads.settle(cfg));
        } catch (SdkException e) {
            throw SdkFailures.translate(ctx, e);
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
        ledger.begin(Phase.RESOLVE);
        FunctionConfiguration resolved = reads.resolve(reference);
        ctx.emit(new DeploymentEvent.Resolved(ctx.now(), request.functionName(), ctx.functionArn()));
        ledger.end(Phase.RESOLVE);

        // 3. Lock; 10. release, always.
        FunctionLocking locking = new FunctionLocking(ctx, ledger, engine.lockProvider());
        FunctionLock lock = locking.acquire(request.deadline());
        try {
            // Without a lock wait the resolving read is as fresh as a new one; RevisionId preconditions cover the rest.
            return locked(locking.waited() ? null : resolved, intent, code);
        } finally {
            locking.release(lock);
        }
    }

    /** Steps 4 to 9, under the lock. */
    private DeploymentResult locked(FunctionConfiguration known, ConfigurationIntent intent, CodeArtifact code) {
        // 4. Settle.
        ledger.begin(Phase.SETTLE);
        FunctionConfiguration cfg = reads.settle(known != null ? known : reads.read());
        ledger.end(Phase.SETTLE);

        // 5-7. Code, configuration, publish; re-applied while another writer undoes them (bounded by the policy).
        PhaseSupport support = new PhaseSupport(ctx, ledger, retries, waits, reads);
        CodePhase codePhase = new CodePhase(support, code);
        ConfigurationPhase configurationPhase = new ConfigurationPhase(support, intent);
        PublishPhase publishPhase = new PublishPhase(support, code);
        while (true) {
            cfg = codePhase.ensure(cfg);
            cfg = configurationPhase.ensure(cfg);
            if (!code.isDeployedIn(cfg) || !intent.differences(cfg).isEmpty()) {
                Phase changed = code.isDeployedIn(cfg) ? Phase.CONFIGURATION : Phase.CODE;
                retries.foreignChange(changed, null, (changed == Phase.CODE ? "code" : "configuration")
                        + " changed by another writer after our update");
                cfg = reads.readSettled();
                continue;
            }
            if (!request.publish()) {
                ledger.skip(Phase.PUBLISH, SkipReason.NOT_REQUESTED, null);
                break;
            }
            if (publishPhase.publish(cfg)) {
                break;
            }
            cfg = reads.readSettled();
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

    private DeploymentException failed(DeploymentException e) {
        ctx.emit(new DeploymentEvent.Failed(ctx.now(), e.failure(), e.getMessage(), e.stateLeft().orElse(null)));
        return e;
    }
}
