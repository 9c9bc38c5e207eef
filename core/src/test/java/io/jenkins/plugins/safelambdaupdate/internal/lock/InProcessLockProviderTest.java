package io.jenkins.plugins.safelambdaupdate.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InProcessLockProviderTest {

    private static final String ARN_A = "arn:aws:lambda:us-east-1:123456789012:function:a";
    private static final String ARN_B = "arn:aws:lambda:us-east-1:123456789012:function:b";
    private static final Duration LONG = Duration.ofSeconds(30);

    private final InProcessLockProvider provider = new InProcessLockProvider();

    @Test
    void neverHoldsOneNameTwiceAcrossManyThreads() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        try (FunctionLock lock = provider.acquire(ARN_A, LONG, holder -> { })) {
                            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            Thread.yield();
                            inside.decrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(maxInside).hasValue(1);
        assertThat(provider.isHeld(ARN_A)).isFalse();
    }

    @Test
    void waiterIsToldTheHolderAndServedWhenReleased() throws Exception {
        FunctionLock held = provider.acquire(ARN_A, LONG, holder -> { });
        List<String> toldHolders = new CopyOnWriteArrayList<>();
        CountDownLatch acquired = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try (FunctionLock lock = provider.acquire(ARN_A, LONG, toldHolders::add)) {
                acquired.countDown();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "waiter");
        waiter.start();
        awaitWaiting(waiter);
        assertThat(acquired.getCount()).isEqualTo(1);
        held.close();
        assertThat(acquired.await(10, TimeUnit.SECONDS)).isTrue();
        waiter.join(10_000);
        assertThat(toldHolders).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void waitersAreServedFirstComeFirstServed() throws Exception {
        FunctionLock held = provider.acquire(ARN_A, LONG, holder -> { });
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int id = i;
            Thread waiter = new Thread(() -> {
                try (FunctionLock lock = provider.acquire(ARN_A, LONG, holder -> { })) {
                    order.add(id);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            waiter.start();
            awaitWaiting(waiter);
            waiters.add(waiter);
        }
        held.close();
        for (Thread waiter : waiters) {
            waiter.join(10_000);
        }
        assertThat(order).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aNewcomerNeverJumpsAQueuedWaiter() throws Exception {
        FunctionLock held = provider.acquire(ARN_A, LONG, holder -> { });
        CountDownLatch release = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try (FunctionLock lock = provider.acquire(ARN_A, LONG, holder -> { })) {
                release.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "queued waiter");
        waiter.start();
        awaitWaiting(waiter);

        held.close();
        // Whether or not the queued waiter has woken yet, the lock is its turn, not the newcomer's.
        assertThatThrownBy(() -> provider.acquire(ARN_A, Duration.ZERO, holder -> { }))
                .isInstanceOf(LockTimeoutException.class);
        release.countDown();
        waiter.join(10_000);
        assertThat(provider.isHeld(ARN_A)).isFalse();
    }

    @Test
    void differentFunctionsDoNotWaitForEachOther() throws Exception {
        try (FunctionLock a = provider.acquire(ARN_A, LONG, holder -> { })) {
            List<String> told = new ArrayList<>();
            try (FunctionLock b = provider.acquire(ARN_B, Duration.ZERO, told::add)) {
                assertThat(b.name()).isEqualTo(ARN_B);
            }
            assertThat(told).isEmpty();
        }
    }

    @Test
    void timesOutNamingTheLockAndItsHolder() throws Exception {
        try (FunctionLock held = provider.acquire(ARN_A, LONG, holder -> { })) {
            assertThatThrownBy(() -> provider.acquire(ARN_A, Duration.ofMillis(50), holder -> { }))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining(ARN_A)
                    .hasMessageContaining(Thread.currentThread().getName());
        }
        assertThat(provider.isHeld(ARN_A)).isFalse();
    }

    @Test
    void interruptedWaiterGivesUpWithoutTakingTheLock() throws Exception {
        FunctionLock held = provider.acquire(ARN_A, LONG, holder -> { });
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        Thread waiter = new Thread(() -> {
            try {
                provider.acquire(ARN_A, LONG, holder -> { }).close();
            } catch (Throwable e) {
                thrown.add(e);
            }
        });
        waiter.start();
        awaitWaiting(waiter);
        waiter.interrupt();
        waiter.join(10_000);
        assertThat(thrown).singleElement().isInstanceOf(InterruptedException.class);
        held.close();
        assertThat(provider.isHeld(ARN_A)).isFalse();
    }

    @Test
    void closingTwiceReleasesOnce() throws Exception {
        FunctionLock first = provider.acquire(ARN_A, LONG, holder -> { });
        first.close();
        FunctionLock second = provider.acquire(ARN_A, LONG, holder -> { });
        first.close();
        assertThat(provider.isHeld(ARN_A)).as("a second close of a released lock must not free another holder's lock").isTrue();
        second.close();
    }

    static void awaitWaiting(Thread thread) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > until) {
                throw new AssertionError("thread never started waiting: " + thread.getState());
            }
            Thread.sleep(5);
        }
    }
}
