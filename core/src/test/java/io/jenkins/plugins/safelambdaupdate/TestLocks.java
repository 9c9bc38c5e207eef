package io.jenkins.plugins.safelambdaupdate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Semaphore;

/**
 * A test-only in-process lock provider (not reentrant: a second acquire waits, even on the same thread) that also checks mutual exclusion: it records the largest number of holders
 * of one name at any moment and every name acquired. Waits in real time, or, given a time source, by retrying every
 * 50 ms on it (so a manual time ends a long wait at once).
 */
final class TestLocks implements LockProvider {
    private static final Duration RETRY = Duration.ofMillis(50);

    private final TimeSource time;
    private final Map<String, Semaphore> locks = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> holders = new ConcurrentHashMap<>();
    private final AtomicInteger maxHolders = new AtomicInteger();
    private final List<String> acquired = new ArrayList<>();

    TestLocks() {
        this(null);
    }

    /** @param time the time the waits are measured and slept on, or null for the real time of the semaphore */
    TestLocks(TimeSource time) {
        this.time = time;
    }

    @Override
    public FunctionLock acquire(String lockName, Duration timeout, LockWaitListener listener)
            throws InterruptedException, LockTimeoutException {
        Semaphore lock = locks.computeIfAbsent(lockName, n -> new Semaphore(1, true));
        if (!lock.tryAcquire()) {
            listener.waiting("another test deployment");
            if (!(time == null ? lock.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS) : waitOn(lock, timeout))) {
                throw new LockTimeoutException("lock " + lockName + " not acquired within " + timeout);
            }
        }
        int now = holders.computeIfAbsent(lockName, n -> new AtomicInteger()).incrementAndGet();
        maxHolders.accumulateAndGet(now, Math::max);
        synchronized (acquired) {
            acquired.add(lockName);
        }
        AtomicBoolean closed = new AtomicBoolean();
        return new FunctionLock() {
            @Override
            public String name() {
                return lockName;
            }

            @Override
            public void close() {
                if (closed.compareAndSet(false, true)) {
                    holders.get(lockName).decrementAndGet();
                    lock.release();
                }
            }
        };
    }

    private boolean waitOn(Semaphore lock, Duration timeout) throws InterruptedException {
        long deadline = time.nanoTime() + timeout.toNanos();
        while (!lock.tryAcquire()) {
            long left = deadline - time.nanoTime();
            if (left <= 0) {
                return false;
            }
            time.sleep(Duration.ofNanos(Math.min(left, RETRY.toNanos())));
        }
        return true;
    }

    /** @return true when nobody holds the lock now */
    boolean isFree(String lockName) {
        Semaphore lock = locks.get(lockName);
        return lock == null || lock.availablePermits() == 1;
    }

    int maxConcurrentHolders() {
        return maxHolders.get();
    }

    List<String> acquiredNames() {
        synchronized (acquired) {
            return List.copyOf(acquired);
        }
    }
}
