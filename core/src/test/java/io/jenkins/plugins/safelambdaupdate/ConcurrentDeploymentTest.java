package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;

/** Real threads deploying at once, and writers outside the lock. */
class ConcurrentDeploymentTest extends SimulatorTestSupport {

    @Test
    void sixteenConcurrentDeploymentsEachPublishTheirOwnCode() throws Exception {
        start(Duration.ofMillis(100));
        String arn = createFunction("fn");
        int n = 16;
        List<Path> zips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            zips.add(zip("build-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<DeploymentResult>> futures = new ArrayList<>();
        List<Events> events = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Path zip = zips.get(i);
                String name = i % 2 == 0 ? "fn" : arn;
                Events e = new Events();
                events.add(e);
                futures.add(pool.submit(() -> {
                    go.await();
                    return deployer.deploy(DeploymentRequest.builder().functionName(name)
                            .code(CodeSource.zipFile(zip)).environment(Map.of("BUILD", zip.getFileName().toString()))
                            .publish(true).alias("live").build(), e);
                }));
            }
            go.countDown();
            Set<String> versions = new HashSet<>();
            for (int i = 0; i < n; i++) {
                DeploymentResult result = futures.get(i).get(2, TimeUnit.MINUTES);
                String expected = SimulatedAws.sha256(zips.get(i));
                assertThat(result.codeSha256()).isEqualTo(expected);
                VersionSnapshot published = version("fn", result.version().orElseThrow());
                assertThat(published.codeSha256()).isEqualTo(expected);
                assertThat(published.environment()).containsEntry("BUILD", zips.get(i).getFileName().toString());
                versions.add(result.version().get());
            }
            assertThat(versions).hasSize(n);
        } finally {
            pool.shutdownNow();
        }
        assertThat(locks.maxConcurrentHolders()).isEqualTo(1);
        assertThat(locks.acquiredNames()).hasSize(n).containsOnly(arn);
        // Serialized by the lock, no deployment ran into another's update.
        assertThat(sim.stats().refusals("ResourceConflictException")).isZero();
        assertThat(sim.stats().refusals("PreconditionFailedException")).isZero();
        long waited = events.stream().filter(e -> !e.of(DeploymentEvent.LockWaiting.class).isEmpty()).count();
        assertThat(waited).isPositive();
    }

    @Test
    void deploymentsToDifferentFunctionsDoNotWaitForEachOther() throws Exception {
        start(Duration.ofMillis(100));
        createFunction("a");
        createFunction("b");
        CountDownLatch aHoldsItsLock = new CountDownLatch(1);
        CountDownLatch bDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<DeploymentResult> a = pool.submit(() -> deployer.deploy(DeploymentRequest.builder().functionName("a")
                    .memorySize(256).build(), event -> {
                        if (event instanceof DeploymentEvent.LockAcquired) {
                            aHoldsItsLock.countDown();
                            try {
                                bDone.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }));
            assertThat(aHoldsItsLock.await(10, TimeUnit.SECONDS)).isTrue();
            Events b = new Events();
            deployer.deploy(DeploymentRequest.builder().functionName("b").memorySize(256).build(), b);
            bDone.countDown();
            assertThat(b.of(DeploymentEvent.LockWaiting.class)).isEmpty();
            assertThat(a.get(30, TimeUnit.SECONDS).functionArn()).endsWith(":function:a");
        } finally {
            bDone.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void codeReplacedBeforePublishingIsReappliedSoTheVersionHoldsOurCode() {
        start(Duration.ofMillis(100));
        createFunction("fn");
        Path ours = zip("ours");
        AtomicBoolean done = new AtomicBoolean();
        Events events = new Events();

        DeploymentResult result = deployer.deploy(DeploymentRequest.builder().functionName("fn")
                .code(CodeSource.zipFile(ours)).publish(true).build(), event -> {
                    events.onEvent(event);
                    if (event instanceof DeploymentEvent.Submitted s && s.phase() == Phase.PUBLISH
                            && done.compareAndSet(false, true)) {
                        foreign.updateFunctionCode(b -> b.functionName("fn")
                                .zipFile(SdkBytes.fromByteArray(SimulatedAws.zip("theirs"))));
                        try (var waiter = software.amazon.awssdk.services.lambda.waiters.LambdaWaiter.builder()
                                .client(foreign).build()) {
                            waiter.waitUntilFunctionUpdatedV2(b -> b.functionName("fn"));
                        }
                    }
                });

        String sha = SimulatedAws.sha256(ours);
        assertThat(result.codeSha256()).isEqualTo(sha);
        assertThat(version("fn", result.version().orElseThrow()).codeSha256()).isEqualTo(sha);
        assertThat(result.retries()).extracting(Retry::cause).contains(RetryCause.STALE_REVISION);
        assertThat(events.of(DeploymentEvent.Submitted.class)).extracting(DeploymentEvent.Submitted::phase)
                .containsExactly(Phase.CODE, Phase.PUBLISH, Phase.CODE, Phase.PUBLISH);
    }

    @Test
    void aWriterOutsideTheLockNeverMakesADeploymentReportCodeItDidNotDeploy() throws Exception {
        start(Duration.ofMillis(150));
        createFunction("fn");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        // Another tool updating the same function in a loop, without our lock: update, wait until done, pause a little.
        Thread writer = new Thread(() -> {
            int i = 0;
            try (var waiter = software.amazon.awssdk.services.lambda.waiters.LambdaWaiter.builder().client(foreign)
                    .overrideConfiguration(o -> o.backoffStrategyV2(
                            software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelay(Duration.ofMillis(50))))
                    .build()) {
                while (!stop.get()) {
                    try {
                        if (i++ % 2 == 0) {
                            foreign.updateFunctionConfiguration(b -> b.functionName("fn")
                                    .description("writer " + writes.get()));
                        } else {
                            foreign.updateFunctionCode(b -> b.functionName("fn")
                                    .zipFile(SdkBytes.fromByteArray(SimulatedAws.zip("writer"))));
                        }
                        writes.incrementAndGet();
                        waiter.waitUntilFunctionUpdatedV2(b -> b.functionName("fn"));
                    } catch (SdkException refused) {
                        // 409 while an update is in progress: the writer just tries again
                    }
                    try {
                        Thread.sleep(600); // a turn for the deployments, which need about 500 ms
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        writer.start();
        List<DeploymentResult> results = new ArrayList<>();
        List<Events> events = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Path zip = zip("deploy-" + i);
                Events e = new Events();
                DeploymentResult result = deployer.deploy(DeploymentRequest.builder().functionName("fn")
                        .code(CodeSource.zipFile(zip)).environment(Map.of("N", "" + i)).publish(true)
                        .conflictRetries(100).deadline(Duration.ofSeconds(60)).build(), e);
                String sha = SimulatedAws.sha256(zip);
                assertThat(result.codeSha256()).isEqualTo(sha);
                VersionSnapshot published = version("fn", result.version().orElseThrow());
                assertThat(published.codeSha256()).isEqualTo(sha);
                assertThat(published.environment()).containsEntry("N", "" + i);
                assertThat(e.of(DeploymentEvent.Retrying.class)).hasSameSizeAs(result.retries());
                results.add(result);
                events.add(e);
            }
        } finally {
            stop.set(true);
            writer.join(10_000);
        }
        assertThat(writes.get()).isPositive();
        assertThat(sim.stats().totalRefusals()).isPositive();
    }
}
