package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.Durations;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.LockUnavailableException;
import io.jenkins.plugins.safelambdaupdate.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Steps 3 and 10: take the lock named after the canonical ARN (saying who holds it while waiting), and release it.
 */
final class FunctionLocking {
    private static final Logger LOG = Logger.getLogger(FunctionLocking.class.getName());

    private final DeploymentContext ctx;
    private final DeploymentLedger ledger;
    private final LockProvider provider;
    private boolean waited;
    private Instant lockedAt;

    FunctionLocking(DeploymentContext ctx, DeploymentLedger ledger, LockProvider provider) {
        this.ctx = ctx;
        this.ledger = ledger;
        this.provider = provider;
    }

    /** @param deadline the request's deadline, for the message when the lock is not acquired within it */
    FunctionLock acquire(Duration deadline) {
        String functionArn = ctx.functionArn();
        ledger.begin(Phase.LOCK);
        Instant lockStart = ctx.now();
        FunctionLock lock;
        try {
            lock = provider.acquire(functionArn, ctx.remaining(), holder -> {
                waited = true;
                ctx.emit(new DeploymentEvent.LockWaiting(ctx.now(), functionArn, holder));
            });
        } catch (InterruptedException e) {
            throw DeploymentFailures.interrupted(ctx, e);
        } catch (LockTimeoutException e) {
            throw ctx.failure(FailureKind.LOCK_TIMEOUT, "Lock " + functionArn + " not acquired within the deadline of "
                    + Durations.format(deadline) + ": " + e.getMessage(), e);
        } catch (LockUnavailableException e) {
            throw ctx.failure(FailureKind.LOCK_UNAVAILABLE, e.getMessage(), e);
        }
        Duration lockWait = Duration.between(lockStart, ctx.now()).plus(lock.waitedBefore());
        ledger.lockWait(lockWait);
        if (lock.notTakenBecause().isPresent()) {
            ctx.emit(new DeploymentEvent.LockSkipped(ctx.now(), functionArn, lock.notTakenBecause().get()));
        } else {
            ctx.emit(new DeploymentEvent.LockAcquired(ctx.now(), functionArn, lockWait));
        }
        ledger.end(Phase.LOCK);
        lockedAt = ctx.now();
        return lock;
    }

    /** @return whether the lock had to be waited for: then what was read before it is stale */
    boolean waited() {
        return waited;
    }

    /** Never throws: a failed release must not hide the deployment's own outcome. */
    void release(FunctionLock lock) {
        ledger.begin(Phase.RELEASE);
        try {
            lock.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Releasing lock " + ctx.functionArn() + " failed", e);
        }
        if (lock.notTakenBecause().isEmpty()) {
            ctx.emit(new DeploymentEvent.Released(ctx.now(), ctx.functionArn(), Duration.between(lockedAt, ctx.now())));
        }
        ledger.end(Phase.RELEASE);
    }
}
