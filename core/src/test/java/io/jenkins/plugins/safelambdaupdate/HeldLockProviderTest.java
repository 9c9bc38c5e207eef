package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lock taken before the deployment (by a caller that waits without a thread) handed to the engine: reported with
 * the caller's wait, released once by the engine, and never used for another function than the one locked.
 */
class HeldLockProviderTest extends SimulatorTestSupport {
    private String arn;

    @BeforeEach
    void startSimulator() {
        start(Duration.ofMillis(100));
        arn = createFunction("fn");
    }

    @Test
    void theEngineReportsTheCallersWaitAndReleasesTheHeldLockOnce() {
        AtomicInteger releases = new AtomicInteger();
        FunctionLock held = FunctionLock.releasingOnce(arn, releases::incrementAndGet);
        Events events = new Events();

        DeploymentResult result = SafeLambdaDeployer.builder().client(client)
                .lockProvider(LockProviders.held(held, Duration.ofSeconds(42))).build()
                .deploy(DeploymentRequest.builder().functionName("fn").memorySize(512).build(), events);

        assertThat(events.of(DeploymentEvent.LockAcquired.class)).singleElement()
                .satisfies(e -> assertThat(e.waited()).isGreaterThanOrEqualTo(Duration.ofSeconds(42)));
        assertThat(new EventRenderer().render(events.of(DeploymentEvent.LockAcquired.class).get(0)))
                .startsWith("Lock acquired after 42.");
        assertThat(result.lockWait()).isGreaterThanOrEqualTo(Duration.ofSeconds(42));
        assertThat(events.kinds()).contains("Released");
        assertThat(releases).hasValue(1);
        assertThat(sim.function("fn").orElseThrow().latest().memorySize()).isEqualTo(512);
    }

    @Test
    void aLockNotTakenOnPurposeIsReportedAsSkipped() {
        Events events = new Events();
        FunctionLock enclosing = FunctionLock.notTaken(arn, "this build already holds it (lock step)");

        SafeLambdaDeployer.builder().client(client).lockProvider(LockProviders.held(enclosing, Duration.ZERO)).build()
                .deploy(DeploymentRequest.builder().functionName("fn").memorySize(512).build(), events);

        assertThat(events.kinds()).contains("LockSkipped").doesNotContain("LockAcquired", "Released");
    }

    @Test
    void aLockOfAnotherNameIsRefusedBeforeAnyChangeAndLeftToItsHolder() {
        AtomicInteger releases = new AtomicInteger();
        FunctionLock other = FunctionLock.releasingOnce(arn + "-other", releases::incrementAndGet);

        assertThatThrownBy(() -> SafeLambdaDeployer.builder().client(client)
                .lockProvider(LockProviders.held(other, Duration.ZERO)).build()
                .deploy(DeploymentRequest.builder().functionName("fn").memorySize(512).build(), DeploymentListener.NONE))
                .isInstanceOfSatisfying(DeploymentException.class,
                        e -> assertThat(e.failure()).isEqualTo(FailureKind.LOCK_UNAVAILABLE))
                .hasMessageContaining("The lock held is " + arn + "-other, not " + arn);
        assertThat(mutationsLogged()).isEmpty();
        assertThat(releases).as("the caller still holds its lock and releases it itself").hasValue(0);
    }

    @Test
    void theHeldLockIsHandedOutOnce() throws Exception {
        LockProvider provider = LockProviders.held(FunctionLock.releasingOnce(arn, () -> { }), Duration.ZERO);
        assertThat(provider.acquire(arn, Duration.ofSeconds(1), holder -> { }).name()).isEqualTo(arn);
        assertThatThrownBy(() -> provider.acquire(arn, Duration.ofSeconds(1), holder -> { }))
                .isInstanceOf(LockUnavailableException.class).hasMessageContaining("already handed");
        assertThatThrownBy(() -> LockProviders.held(FunctionLock.notTaken(arn, "x"), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
