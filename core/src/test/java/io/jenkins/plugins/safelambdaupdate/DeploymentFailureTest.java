package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.simulator.CallRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;

/** Refusals, faults, deadlines and interrupts: each ends as documented, with the lock released. */
@Execution(ExecutionMode.CONCURRENT) // each test starts its own simulator, client, locks and deployer
class DeploymentFailureTest extends SimulatorTestSupport {
    private String arn;

    private void startWith(Duration updateDelay) {
        start(updateDelay);
        arn = createFunction("fn");
    }

    private DeploymentRequest.Builder codeAndEnvironment(Path zip) {
        return DeploymentRequest.builder().functionName("fn").code(CodeSource.zipFile(zip))
                .environment(Map.of("STAGE", "prod")).publish(true);
    }

    /** Runs a listener's action once, the first time an event matches. */
    private static DeploymentListener once(Events events, Class<? extends DeploymentEvent> type, Phase phase,
                                           Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return event -> {
            events.onEvent(event);
            boolean matches = type.isInstance(event) && (phase == null
                    || (event instanceof DeploymentEvent.Submitted s && s.phase() == phase));
            if (matches && done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }

    /** A change by another writer that has settled: our RevisionId is now stale. */
    private void foreignSettledChange() {
        foreign.updateFunctionConfiguration(b -> b.functionName("fn").description("changed elsewhere"));
        try (var waiter = software.amazon.awssdk.services.lambda.waiters.LambdaWaiter.builder().client(foreign).build()) {
            waiter.waitUntilFunctionUpdatedV2(b -> b.functionName("fn"));
        }
    }

    private void assertNextDeploymentTakesTheLockAtOnce() {
        Events next = new Events();
        deployer.deploy(DeploymentRequest.builder().functionName("fn").memorySize(640).build(), next);
        assertThat(next.of(DeploymentEvent.LockWaiting.class)).isEmpty();
        assertThat(locks.isFree(arn)).isTrue();
    }

    @Test
    void staleRevisionIsReappliedFromFreshState() {
        startWith(Duration.ofMillis(200));
        Path zip = zip("v1");
        Events events = new Events();

        DeploymentResult result = deployer.deploy(codeAndEnvironment(zip).build(),
                once(events, DeploymentEvent.Submitted.class, Phase.CODE, this::foreignSettledChange));

        assertThat(sim.stats().refusals("PreconditionFailedException")).isEqualTo(1);
        assertThat(result.retries()).singleElement().satisfies(r -> {
            assertThat(r.phase()).isEqualTo(Phase.CODE);
            assertThat(r.cause()).isEqualTo(RetryCause.STALE_REVISION);
        });
        assertThat(events.of(DeploymentEvent.Retrying.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.errorCode()).isEqualTo("PreconditionFailedException");
                    assertThat(e.statusCode()).isEqualTo(412);
                });
        assertThat(version("fn", result.version().orElseThrow()).codeSha256()).isEqualTo(SimulatedAws.sha256(zip));
        // Our merge did not undo the other writer's unrelated change.
        assertThat(sim.function("fn").orElseThrow().latest().description()).isEqualTo("changed elsewhere");
        assertThat(locks.isFree(arn)).isTrue();
    }

    @Test
    void staleRevisionFailsWhenAskedTo() {
        startWith(Duration.ofMillis(200));
        String before = sim.function("fn").orElseThrow().codeSha256();
        Events events = new Events();

        assertThatThrownBy(() -> deployer.deploy(codeAndEnvironment(zip("v1"))
                        .onForeignChange(ForeignChangePolicy.FAIL).build(),
                once(events, DeploymentEvent.Submitted.class, Phase.CODE, this::foreignSettledChange)))
                .isInstanceOfSatisfying(DeploymentException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureKind.FOREIGN_CHANGE);
                    assertThat(e.functionArn()).contains(arn);
                });
        assertThat(sim.function("fn").orElseThrow().codeSha256()).isEqualTo(before);
        assertThat(sim.stats().calls("UpdateFunctionConfiguration")).isEqualTo(1); // the other writer's only
        assertThat(events.of(DeploymentEvent.Failed.class)).singleElement();
        assertNextDeploymentTakesTheLockAtOnce();
    }

    @Test
    void conflictWaitsForTheOtherUpdateAndRetries() {
        startWith(Duration.ofMillis(200));
        Events events = new Events();

        DeploymentResult result = deployer.deploy(codeAndEnvironment(zip("v1")).build(),
                once(events, DeploymentEvent.Submitted.class, Phase.CONFIGURATION,
                        () -> foreign.updateFunctionConfiguration(b -> b.functionName("fn").description("racing"))));

        assertThat(sim.stats().refusals("ResourceConflictException")).isGreaterThanOrEqualTo(1);
        assertThat(result.retries()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.phase()).isEqualTo(Phase.CONFIGURATION);
            assertThat(r.cause()).isEqualTo(RetryCause.CONFLICT);
        });
        assertThat(events.of(DeploymentEvent.Retrying.class)).hasSameSizeAs(result.retries());
        assertThat(sim.function("fn").orElseThrow().latest().environment()).containsEntry("STAGE", "prod");
        assertThat(sim.function("fn").orElseThrow().latest().description()).isEqualTo("racing");
    }

    @Test
    void throttlingLeftAfterSdkRetriesIsRetried() {
        startWith(Duration.ofMillis(200));
        Events events = new Events();
        AtomicBoolean injected = new AtomicBoolean();
        DeploymentListener listener = event -> {
            events.onEvent(event);
            if (event instanceof DeploymentEvent.Submitted s && s.phase() == Phase.CODE
                    && injected.compareAndSet(false, true)) {
                sim.faults().throttleRate(1.0);
            } else if (event instanceof DeploymentEvent.Retrying) {
                sim.faults().clear();
            }
        };

        DeploymentResult result = deployer.deploy(codeAndEnvironment(zip("v1")).build(), listener);

        assertThat(sim.stats().refusalsWithStatus(429)).isGreaterThanOrEqualTo(2); // the SDK retried once itself
        assertThat(result.retries()).extracting(Retry::cause).contains(RetryCause.THROTTLED);
        assertThat(result.version()).isPresent();
    }

    @Test
    void serverErrorsLeftAfterSdkRetriesAreRetried() {
        startWith(Duration.ofMillis(200));
        Events events = new Events();
        AtomicBoolean injected = new AtomicBoolean();
        DeploymentListener listener = event -> {
            events.onEvent(event);
            if (event instanceof DeploymentEvent.Submitted s && s.phase() == Phase.PUBLISH
                    && injected.compareAndSet(false, true)) {
                sim.faults().errorRate(1.0);
            } else if (event instanceof DeploymentEvent.Retrying) {
                sim.faults().clear();
            }
        };

        DeploymentResult result = deployer.deploy(codeAndEnvironment(zip("v1")).build(), listener);

        assertThat(sim.stats().refusalsWithStatus(500)).isGreaterThanOrEqualTo(2);
        assertThat(result.retries()).extracting(Retry::cause).containsExactly(RetryCause.SERVER_ERROR);
        assertThat(result.retries()).extracting(Retry::phase).containsExactly(Phase.PUBLISH);
        assertThat(result.version()).isPresent();
    }

    @Test
    void retriesAreBounded() {
        // On manual time, with updates that end at once: the engine's backoff sleeps take no real time.
        startOnManualTime(Duration.ZERO);
        arn = createFunction("fn");
        Events events = new Events();
        try {
            assertThatThrownBy(() -> deployer.deploy(codeAndEnvironment(zip("v1")).conflictRetries(2).build(),
                    event -> {
                        events.onEvent(event);
                        if (event instanceof DeploymentEvent.Submitted s && s.phase() == Phase.CODE) {
                            sim.faults().throttleRate(1.0);
                        }
                    }))
                    .isInstanceOfSatisfying(DeploymentException.class, e -> {
                        assertThat(e.failure()).as("throttling is AWS's trouble, not a conflict")
                                .isEqualTo(FailureKind.AWS_ERROR);
                        assertThat(e.getMessage()).contains("AWS kept throttling").contains("TooManyRequestsException");
                    });
        } finally {
            sim.faults().clear();
        }
        List<DeploymentEvent.Retrying> retries = events.of(DeploymentEvent.Retrying.class);
        assertThat(retries).extracting(DeploymentEvent.Retrying::attempt).containsExactly(1, 2);
        // Full jitter under an exponential ceiling: at most 200 ms, then 400 ms; each slept on the engine's time.
        assertThat(retries.get(0).delay()).isBetween(Duration.ZERO, Duration.ofMillis(200));
        assertThat(retries.get(1).delay()).isBetween(Duration.ZERO, Duration.ofMillis(400));
        assertThat(time.sleeps()).containsSubsequence(retries.get(0).delay(), retries.get(1).delay());
        assertNextDeploymentTakesTheLockAtOnce();
    }

    @Test
    void aFailedUpdateStopsWithItsReasonAndLeavesTheLockFree() {
        startWith(Duration.ofMillis(200));
        sim.faults().failNextUpdate("fn", "InvalidRuntime", "The runtime is not supported.");

        assertThatThrownBy(() -> deployer.deploy(codeAndEnvironment(zip("v1")).build(), DeploymentListener.NONE))
                .isInstanceOfSatisfying(DeploymentException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureKind.UPDATE_FAILED);
                    assertThat(e.getMessage()).contains("InvalidRuntime").contains("The runtime is not supported.");
                    assertThat(e.stateLeft()).hasValueSatisfying(s -> {
                        assertThat(s.lastUpdateStatus()).isEqualTo("Failed");
                        assertThat(s.lastUpdateStatusReasonCode()).contains("InvalidRuntime");
                    });
                });
        assertThat(sim.stats().calls("UpdateFunctionConfiguration")).isZero();
        assertThat(sim.stats().calls("PublishVersion")).isZero();

        // A fresh update is allowed after a failed one: the settle step reports it and goes on.
        Events next = new Events();
        Path zip = zip("v2");
        DeploymentResult result = deployer.deploy(codeAndEnvironment(zip).build(), next);
        assertThat(next.of(DeploymentEvent.LockWaiting.class)).isEmpty();
        assertThat(next.of(DeploymentEvent.Settled.class).get(0).status().lastUpdateStatus()).isEqualTo("Failed");
        assertThat(result.codeSha256()).isEqualTo(SimulatedAws.sha256(zip));
    }

    @Test
    void theDeadlineStopsTheWaitAndReportsTheStateLeft() {
        startWith(Duration.ofSeconds(3));
        Path zip = zip("v1");

        assertThatThrownBy(() -> deployer.deploy(codeAndEnvironment(zip).deadline(Duration.ofMillis(700)).build(),
                DeploymentListener.NONE))
                .isInstanceOfSatisfying(DeploymentException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureKind.DEADLINE_EXCEEDED);
                    // What the run itself last observed: the answer to its own UpdateFunctionCode.
                    assertThat(e.stateLeft()).hasValueSatisfying(s -> {
                        assertThat(s.lastUpdateStatus()).isEqualTo("InProgress");
                        assertThat(s.codeSha256()).isEqualTo(SimulatedAws.sha256(zip));
                        assertThat(s.readAt()).isPresent();
                    });
                    assertThat(e.getMessage()).contains("Deadline").as("its answer was read")
                            .doesNotContain("was sent");
                });
        assertThat(sim.stats().calls("UpdateFunctionConfiguration")).isZero();
        assertThat(locks.isFree(arn)).isTrue();
    }

    @Test
    void aReaderNeedsNoLockAndReportsTheStateItReadWhenItsDeadlinePasses() {
        startWith(Duration.ofSeconds(3));
        foreign.updateFunctionConfiguration(b -> b.functionName("fn").description("changed elsewhere"));
        FunctionReader reader = FunctionReader.builder().client(client).build();

        assertThatThrownBy(() -> reader.awaitSettled("fn", Duration.ofMillis(700)))
                .isInstanceOfSatisfying(DeploymentException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureKind.DEADLINE_EXCEEDED);
                    assertThat(e.stateLeft()).hasValueSatisfying(s -> {
                        assertThat(s.lastUpdateStatus()).isEqualTo("InProgress");
                        assertThat(s.readAt()).as("read by the reader itself").isPresent();
                    });
                });
        assertThat(locks.acquiredNames()).as("a read takes no lock").isEmpty();
        assertThat(mutationsLogged()).containsExactly("UpdateFunctionConfiguration"); // the foreign one only
    }

    @Test
    void anInterruptWhileWaitingForTheLockChangesNothing() throws Exception {
        startWith(Duration.ofMillis(200));
        FunctionLock held = locks.acquire(arn, Duration.ofSeconds(1), holder -> { });
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagRestored = new AtomicBoolean();
        Events events = new Events();
        Thread deploying = new Thread(() -> {
            try {
                deployer.deploy(codeAndEnvironment(zip("v1")).build(), event -> {
                    events.onEvent(event);
                    if (event instanceof DeploymentEvent.LockWaiting) {
                        waiting.countDown();
                    }
                });
            } catch (Throwable t) {
                thrown.set(t);
                flagRestored.set(Thread.currentThread().isInterrupted());
            }
        });
        deploying.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        deploying.interrupt();
        deploying.join(10_000);
        held.close();

        assertThat(thrown.get()).isInstanceOfSatisfying(DeploymentException.class, e -> {
            assertThat(e.failure()).isEqualTo(FailureKind.INTERRUPTED);
            assertThat(e.getMessage()).isEqualTo("Interrupted during the lock phase; this deployment changed nothing");
            // What was read before the lock is the holder's doing, not a state this deployment left.
            assertThat(e.stateLeft()).isEmpty();
        });
        assertThat(new EventRenderer().render(events.of(DeploymentEvent.Failed.class).get(0)))
                .doesNotContain("left in");
        assertThat(flagRestored).isTrue();
        assertThat(mutationsLogged()).isEmpty();
        assertThat(events.of(DeploymentEvent.LockWaiting.class).get(0).holder()).isEqualTo("another test deployment");
        assertNextDeploymentTakesTheLockAtOnce();
    }

    @Test
    void anInterruptWhileWaitingForAnUpdateStopsAtOnceWithoutFurtherChanges() throws Exception {
        startWith(Duration.ofSeconds(2));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagRestored = new AtomicBoolean();
        Events events = new Events();
        Thread deploying = new Thread(() -> {
            try {
                deployer.deploy(codeAndEnvironment(zip("v1")).alias("live").build(), events);
            } catch (Throwable t) {
                thrown.set(t);
                flagRestored.set(Thread.currentThread().isInterrupted());
            }
        });
        deploying.start();
        // The code update was accepted: the deployment now waits for it (2 s).
        assertThat(recorder.awaitResponse(UpdateFunctionCodeResponse.class)).isTrue();
        deploying.interrupt();
        deploying.join(10_000);

        assertThat(deploying.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOfSatisfying(DeploymentException.class, e -> {
            assertThat(e.failure()).isEqualTo(FailureKind.INTERRUPTED);
            assertThat(e.stateLeft()).isPresent();
            assertThat(e.stateLeft().orElseThrow().readAt()).as("when the state left was read").isPresent();
        });
        String rendered = new EventRenderer().render(events.of(DeploymentEvent.Failed.class).get(0));
        assertThat(rendered).as("the state left, said once").containsOnlyOnce("function left in");
        assertThat(flagRestored).isTrue();
        List<String> mutations = mutationsLogged();
        assertThat(mutations).containsExactly("UpdateFunctionCode");
        assertThat(events.kinds()).endsWith("Released", "Failed");
        assertThat(locks.isFree(arn)).isTrue();
        // The function is still updating; the next deployment waits for it through the waiter, not for the lock.
        assertNextDeploymentTakesTheLockAtOnce();
        assertThat(sim.callLog()).extracting(CallRecord::errorType).doesNotContain("ResourceConflictException");
    }

    @Test
    void aDeadlineThatEndsTheCallOfAnUpdateSaysAwsMayHaveAppliedIt() throws Exception {
        startWith(Duration.ofMillis(100));
        Path zip = zip("v1");
        Events events = new Events();

        assertThatThrownBy(() -> deployer.deploy(codeAndEnvironment(zip).deadline(Duration.ofMillis(1500)).build(),
                event -> {
                    events.onEvent(event);
                    if (event instanceof DeploymentEvent.Submitted s && s.phase() == Phase.CODE) {
                        sim.faults().latency(Duration.ofSeconds(3)); // the update arrives, its answer comes too late
                    }
                })).isInstanceOfSatisfying(DeploymentException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FailureKind.DEADLINE_EXCEEDED);
                    assertThat(e.getMessage()).contains("the code update was sent and its answer never read, so AWS "
                            + "may have applied it");
                    assertThat(e.stateLeft()).as("as last read, before the update").hasValueSatisfying(s ->
                            assertThat(s.lastUpdateStatus()).isEqualTo("Successful"));
                });
        assertThat(new EventRenderer().render(events.of(DeploymentEvent.Failed.class).get(0)))
                .contains("may have applied it").containsOnlyOnce("function left in");
        assertThat(locks.isFree(arn)).isTrue();

        // And so it did, once the simulator got to it; nothing else was sent.
        String sha = SimulatedAws.sha256(zip);
        for (int i = 0; i < 200 && !sha.equals(sim.function("fn").orElseThrow().codeSha256()); i++) {
            Thread.sleep(50);
        }
        assertThat(sim.function("fn").orElseThrow().codeSha256()).isEqualTo(sha);
        assertThat(mutationsLogged()).containsExactly("UpdateFunctionCode");
    }

    @Test
    void theLockWaitIsBoundedByTheDeadline() throws Exception {
        startOnManualTime(Duration.ofMillis(200));
        arn = createFunction("fn");
        try (FunctionLock held = locks.acquire(arn, Duration.ofSeconds(1), holder -> { })) {
            // Resolving takes no manual time: the whole deadline of 15 minutes goes to the lock wait, which the
            // manual time ends without real time passing.
            assertThatThrownBy(() -> deployer.deploy(codeAndEnvironment(zip("v1")).deadline(Duration.ofMinutes(15))
                    .build(), DeploymentListener.NONE))
                    .isInstanceOfSatisfying(DeploymentException.class, e -> {
                        assertThat(e.failure()).isEqualTo(FailureKind.LOCK_TIMEOUT);
                        assertThat(e.functionArn()).contains(arn);
                        assertThat(e.getMessage()).contains("deadline of 900.0 s");
                    });
            assertThat(held.name()).isEqualTo(arn);
        }
        assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(15));
        assertThat(mutationsLogged()).isEmpty();
    }
}
