package io.jenkins.plugins.safelambdaupdate.bench.soak;

import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.bench.CallRecorder;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.SampleZips;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak's checks catch what they claim to: each invariant is broken on purpose here and must be counted, so that
 * the zeros of a real run mean something.
 */
class SoakChecksTest {
    private static final SoakSettings SETTINGS = new SoakSettings(1, 1, 1, 1, 0, 0, Duration.ZERO,
            Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 0, Duration.ofSeconds(60), Duration.ZERO,
            Duration.ofMillis(50), Duration.ofMillis(10));
    private static final String FUNCTION = SETTINGS.functionName(0);

    private LambdaSimulator simulator;
    private CallRecorder recorder;
    private LambdaClient client;
    private final LockProvider locks = LockProviders.inProcess();

    @BeforeEach
    void start() {
        simulator = LambdaSimulator.builder().updateDelay(Duration.ofMillis(50))
                .function(FUNCTION, SampleZips.pythonHandler("initial")).start();
        recorder = new CallRecorder();
        client = LambdaClient.builder().region(Region.US_EAST_1).endpointOverride(simulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(recorder).build())
                .build();
    }

    @AfterEach
    void stop() {
        Thread.interrupted();
        client.close();
        simulator.close();
    }

    private static DeploymentPlan plan(String label, boolean publish, Duration deadline) {
        return plan(label, publish, deadline, null);
    }

    private static DeploymentPlan plan(String label, boolean publish, Duration deadline, InterruptMoment interrupt) {
        return new DeploymentPlan(0, 0, label, FUNCTION, Path.of(label + ".zip"),
                SampleZips.codeSha256(SampleZips.pythonHandler(label)), 256, publish, null, deadline, interrupt,
                Duration.ZERO, 1);
    }

    private SoakReport check(List<DeploymentRecord> records) throws InterruptedException {
        return new SoakChecks(SETTINGS, simulator, locks, List.of(FUNCTION)).report(records, recorder, List.of(),
                new UpdateFailurePlanner(simulator.faults(), List.of(FUNCTION), Duration.ofSeconds(1), 1,
                        new CountDownLatch(1)), 0);
    }

    @Test
    void aMutationTransmittedAfterASwallowedInterruptIsCounted() throws Exception {
        DeploymentRecord record = new DeploymentRecord(plan("late", false, Duration.ofSeconds(60), InterruptMoment.ANY_TIME));
        recorder.bind(record.calls());
        record.started();
        assertThat(record.interruptIfRunning()).isTrue();
        Thread.interrupted(); // swallowed: the flag is gone, so nothing stops the next call
        client.updateFunctionConfiguration(b -> b.functionName(FUNCTION).description("after the interrupt"));
        recorder.unbind();
        record.ended(DeploymentRecord.Outcome.FAILED, null, FailureKind.INTERRUPTED, "interrupted", null);

        SoakReport report = check(List.of(record));

        assertThat(report.invariantViolations().mutationsAfterInterrupt()).isEqualTo(1);
        assertThat(report.invariantViolations().interruptFlagNotRestored()).isEqualTo(1);
        assertThat(report.violationDetails()).anyMatch(d -> d.contains("UpdateFunctionConfiguration transmitted"));
    }

    @Test
    void aMutationTheSdkAbortsBecauseOfTheInterruptIsNotCounted() throws Exception {
        DeploymentRecord record = new DeploymentRecord(plan("aborted", false, Duration.ofSeconds(60), InterruptMoment.ANY_TIME));
        recorder.bind(record.calls());
        record.started();
        record.interruptIfRunning();
        try {
            client.updateFunctionConfiguration(b -> b.functionName(FUNCTION).description("never sent"));
        } catch (SdkException expected) {
            // aborted before transmission
        }
        recorder.unbind();
        record.ended(DeploymentRecord.Outcome.FAILED, null, FailureKind.INTERRUPTED, "interrupted", null);
        // The "deployer" was this test thread: clear its flag, or the checks' own lock probe would be interrupted.
        Thread.interrupted();

        SoakReport report = check(List.of(record));

        assertThat(simulator.stats().calls("UpdateFunctionConfiguration")).isZero();
        assertThat(report.invariantViolations().total()).isZero();
        assertThat(report.checks().interruptedChecked()).isEqualTo(1);
    }

    @Test
    void aSuccessWhoseVersionHoldsOtherCodeOrConfigurationIsCounted() throws Exception {
        // Version 1 holds the initial code and no variable at all.
        client.publishVersion(b -> b.functionName(FUNCTION));
        DeploymentRecord record = new DeploymentRecord(plan("claimed", true, Duration.ofSeconds(60)));
        record.started();
        record.ended(DeploymentRecord.Outcome.SUCCEEDED, DeploymentResult.builder()
                .functionArn(simulator.function(FUNCTION).orElseThrow().functionArn()).version("1")
                .revisionId("r").codeSha256(record.plan().codeSha256()).lockWait(Duration.ZERO)
                .total(Duration.ZERO).build(), null, null, null);

        SoakReport report = check(List.of(record));

        assertThat(report.invariantViolations().successWithWrongCode()).isEqualTo(1);
        assertThat(report.invariantViolations().successWithWrongConfiguration()).isEqualTo(1);
        assertThat(report.checks().publishedVersionsChecked()).isEqualTo(1);
    }

    @Test
    void aLockLeftHeldAnEscapedExceptionAndAnOverrunAreCounted() throws Exception {
        locks.acquire(simulator.function(FUNCTION).orElseThrow().functionArn(), Duration.ofSeconds(1), h -> { });
        DeploymentRecord escaped = new DeploymentRecord(plan("escaped", false, Duration.ofSeconds(60)));
        escaped.started();
        escaped.ended(DeploymentRecord.Outcome.ESCAPED, null, null, null, new NullPointerException("boom"));
        DeploymentRecord slow = new DeploymentRecord(plan("slow", false, Duration.ofMillis(1)));
        slow.started();
        Thread.sleep(20);
        slow.ended(DeploymentRecord.Outcome.FAILED, null, FailureKind.DEADLINE_EXCEEDED, "late", null);
        DeploymentRecord hung = new DeploymentRecord(plan("hung", false, Duration.ofSeconds(60)));
        hung.started();
        hung.markHung();

        InvariantViolations v = check(List.of(escaped, slow, hung)).invariantViolations();

        assertThat(v.locksHeldAfterEnd()).isEqualTo(1);
        assertThat(v.escapedExceptions()).isEqualTo(1);
        assertThat(v.deadlineOverruns()).isEqualTo(1);
        assertThat(v.hungDeployments()).isEqualTo(1);
    }
}
