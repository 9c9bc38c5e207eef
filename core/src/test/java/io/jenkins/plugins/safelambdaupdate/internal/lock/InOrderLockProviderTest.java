package io.jenkins.plugins.safelambdaupdate.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.testing.ManualTimeSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A local queue, then a lock across hosts: as a Jenkins controller takes its lockable resource, then DynamoDB. */
class InOrderLockProviderTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:fn";

    private final InProcessLockProvider local = new InProcessLockProvider();
    private final InProcessLockProvider crossHost = new InProcessLockProvider();
    private final LockProvider both = LockProviders.inOrder(local, crossHost);

    @Test
    void takesBothAndReleasesBoth() throws Exception {
        try (FunctionLock lock = both.acquire(ARN, Duration.ofSeconds(1), holder -> { })) {
            assertThat(local.isHeld(ARN)).isTrue();
            assertThat(crossHost.isHeld(ARN)).isTrue();
            assertThat(lock.notTakenBecause()).isEmpty();
        }
        assertThat(local.isHeld(ARN)).isFalse();
        assertThat(crossHost.isHeld(ARN)).isFalse();
    }

    @Test
    void whenTheSecondLockIsNotHadInTimeTheFirstIsReleased() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        try (FunctionLock otherHost = crossHost.acquire(ARN, Duration.ofSeconds(1), holder -> { })) {
            assertThatThrownBy(() -> both.acquire(ARN, Duration.ofMillis(200), told::add))
                    .isInstanceOf(LockTimeoutException.class);
            assertThat(local.isHeld(ARN)).as("the local queue moves on").isFalse();
        }
        assertThat(told).as("the waiter was told about the second lock's holder").hasSize(1);
    }

    @Test
    void theWaitForTheFirstLockCountsAgainstTheOneTimeoutOnTheInjectedTime() throws Exception {
        ManualTimeSource time = new ManualTimeSource();
        // The local queue lets us in after 10 minutes of (manual) waiting: nothing is left for the second lock.
        LockProvider slowQueue = (name, timeout, listener) -> {
            time.sleep(Duration.ofMinutes(10));
            return local.acquire(name, timeout, listener);
        };
        LockProvider timed = LockProviders.inOrder(slowQueue, crossHost, time);

        assertThatThrownBy(() -> timed.acquire(ARN, Duration.ofMinutes(10), holder -> { }))
                .isInstanceOf(LockTimeoutException.class).hasMessageContaining("No time left for the second lock");
        assertThat(local.isHeld(ARN)).as("the first is released").isFalse();
        assertThat(crossHost.isHeld(ARN)).isFalse();

        try (FunctionLock lock = timed.acquire(ARN, Duration.ofMinutes(11), holder -> { })) {
            assertThat(crossHost.isHeld(ARN)).as("a minute left is enough").isTrue();
        }
        assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void aWaiterOnTheSecondLockHoldsTheFirstSoLocalDeployersQueueBehindIt() throws Exception {
        FunctionLock otherHost = crossHost.acquire(ARN, Duration.ofSeconds(1), holder -> { });
        Thread first = new Thread(() -> {
            try (FunctionLock lock = both.acquire(ARN, Duration.ofSeconds(10), holder -> { })) {
                assertThat(lock.name()).isEqualTo(ARN);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        first.start();
        InProcessLockProviderTest.awaitWaiting(first);
        assertThat(local.isHeld(ARN)).as("one deployer of this controller contends across hosts").isTrue();
        otherHost.close();
        first.join(10_000);
        assertThat(first.isAlive()).isFalse();
        assertThat(crossHost.isHeld(ARN)).isFalse();
        assertThat(local.isHeld(ARN)).isFalse();
    }

    @Test
    void underAnEnclosingLocalLockOnlyTheSecondIsTaken() throws Exception {
        LockProvider enclosing = LockProviders.inOrder(LockProviders.none("an enclosing lock step holds it"), crossHost);
        try (FunctionLock lock = enclosing.acquire(ARN, Duration.ofSeconds(1), holder -> { })) {
            assertThat(crossHost.isHeld(ARN)).isTrue();
            assertThat(lock.notTakenBecause()).as("a lock was taken: across hosts").isEmpty();
        }
        LockProvider neither = LockProviders.inOrder(LockProviders.none("a"), LockProviders.none("b"));
        try (FunctionLock lock = neither.acquire(ARN, Duration.ofSeconds(1), holder -> { })) {
            assertThat(lock.notTakenBecause()).contains("a; b");
        }
    }
}
