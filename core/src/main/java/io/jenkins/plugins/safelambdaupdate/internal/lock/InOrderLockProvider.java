package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.LockWaitListener;
import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Two locks taken one after the other within one timeout, released in reverse order: a local queue first (this
 * process's fair queue, a Jenkins controller's lockable resource), then a lock shared beyond it (an OS file lock, a
 * DynamoDB lease), so that one deployer per local queue contends for the shared lock, in arrival order. When the
 * second cannot be had, the first is released before the failure is thrown; an interrupt leaves the flag set.
 */
public final class InOrderLockProvider implements LockProvider {
    private final LockProvider first;
    private final LockProvider then;
    private final TimeSource time;

    /**
     * @param first taken first, not null
     * @param then taken once the first is held, not null
     * @param time measures the one timeout across both, not null
     */
    public InOrderLockProvider(LockProvider first, LockProvider then, TimeSource time) {
        this.first = Objects.requireNonNull(first, "first cannot be null");
        this.then = Objects.requireNonNull(then, "then cannot be null");
        this.time = Objects.requireNonNull(time, "time cannot be null");
    }

    @Override
    public FunctionLock acquire(String lockName, Duration timeout, LockWaitListener listener)
            throws InterruptedException, LockTimeoutException {
        long deadline = time.nanoTime() + timeout.toNanos();
        FunctionLock outer;
        try {
            outer = first.acquire(lockName, timeout, listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // restored, as the shared locks' waits do: the caller must see it
            throw e;
        }
        FunctionLock inner;
        try {
            Duration left = Duration.ofNanos(deadline - time.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new LockTimeoutException("No time left for the second lock of " + lockName);
            }
            inner = then.acquire(lockName, left, listener);
        } catch (InterruptedException | LockTimeoutException | RuntimeException e) {
            outer.close();
            throw e;
        }
        return new Both(lockName, outer, inner);
    }

    /** Both locks; not taken only when neither was. */
    private record Both(String name, FunctionLock outer, FunctionLock inner) implements FunctionLock {
        @Override
        public Optional<String> notTakenBecause() {
            if (outer.notTakenBecause().isPresent() && inner.notTakenBecause().isPresent()) {
                return Optional.of(outer.notTakenBecause().get() + "; " + inner.notTakenBecause().get());
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            try {
                inner.close();
            } finally {
                outer.close();
            }
        }
    }
}
