package io.jenkins.plugins.safelambdaupdate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.RequestParameters;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The small pieces of the command line, without AWS. */
class CommandLineUnitsTest {

    @Test
    void everyFailureKindHasAnExitCode() {
        assertThat(ExitCodes.of(FailureKind.INVALID_REQUEST)).isEqualTo(2);
        assertThat(ExitCodes.of(FailureKind.FUNCTION_NOT_FOUND)).isEqualTo(3);
        assertThat(ExitCodes.of(FailureKind.AWS_ERROR)).isEqualTo(3);
        assertThat(ExitCodes.of(FailureKind.INTERRUPTED)).isEqualTo(4);
        assertThat(ExitCodes.of(FailureKind.DEADLINE_EXCEEDED)).isEqualTo(4);
        assertThat(ExitCodes.of(FailureKind.LOCK_TIMEOUT)).isEqualTo(4);
        assertThat(Arrays.stream(FailureKind.values()).filter(k -> ExitCodes.of(k) == 1))
                .containsExactlyInAnyOrder(FailureKind.FUNCTION_FAILED, FailureKind.UPDATE_FAILED,
                        FailureKind.CONFLICT_RETRIES_EXHAUSTED, FailureKind.FOREIGN_CHANGE,
                        FailureKind.VERIFICATION_FAILED);
    }

    @Test
    void defaultLockDirectoryIsPerUser() {
        Path home = Path.of("/home/ci");
        assertThat(LockOptions.defaultDirectory(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), home))
                .isEqualTo(Path.of("/run/user/1000/safe-lambda-update/locks"));
        assertThat(LockOptions.defaultDirectory(Map.of(), home))
                .isEqualTo(Path.of("/home/ci/.cache/safe-lambda-update/locks"));
    }

    @Test
    void invalidRequestMessagesNameTheFlagAndNeverTheEngineName() {
        assertThat(UserErrors.describe(new InvalidRequestException(Parameter.MEMORY_SIZE,
                "must be between 128 and 10240 MB, was 64")))
                .isEqualTo("Invalid --memory: must be between 128 and 10240 MB, was 64");
        // Other parameters a refusal mentions are flags too, from the table, not by rewriting prose.
        assertThat(UserErrors.describe(catchThrowableOfType(InvalidRequestException.class,
                () -> RequestParameters.codeSource(Path.of("zipFile.zip"), null, null, null, "image"))))
                .isEqualTo("Invalid --zip: cannot be combined with --image-uri: give exactly one way to deploy code, "
                        + "--zip, --s3-bucket/--s3-key or --image-uri");
        // A path that happens to hold an engine name is left as it is.
        assertThat(UserErrors.describe(new InvalidRequestException(Parameter.ZIP_FILE, "/tmp/zipFile.zip does not "
                + "exist"))).isEqualTo("Invalid --zip: /tmp/zipFile.zip does not exist");
        assertThat(UserErrors.describe(catchThrowableOfType(InvalidRequestException.class,
                () -> RequestParameters.environment(List.of("A=1", "B")))))
                .isEqualTo("Invalid --env: entry 2 is not of the form KEY=VALUE");
    }

    @Test
    void failuresNameTheStateLeftOnce() {
        FunctionStatus left = FunctionStatus.builder().state("Active").lastUpdateStatus("InProgress").build();
        String said = UserErrors.describe(new DeploymentException(FailureKind.INTERRUPTED,
                "Interrupted; function left in " + left.describe(), null, left, null));
        String unsaid = UserErrors.describe(new DeploymentException(FailureKind.UPDATE_FAILED, "Update failed",
                null, left, null));

        assertThat(said).isEqualTo("Interrupted: Interrupted; function left in State=Active, "
                + "LastUpdateStatus=InProgress");
        assertThat(unsaid).isEqualTo("Deployment failed (UPDATE_FAILED): Update failed" + System.lineSeparator()
                + "Function left in State=Active, LastUpdateStatus=InProgress");
    }

    @Test
    void tablesAlignColumns() {
        List<String> lines = new TextTable("name", ">count").row("a", 1).row("longer name", 1234).row(null, 5)
                .lines();
        assertThat(lines).containsExactly(
                "name         count",
                "a                1",
                "longer name   1234",
                "-                5");
    }

    @Test
    void timelineBarsCoverTheHoldingInterval() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Duration wall = Duration.ofSeconds(40);
        String first = DemoReport.bar(start, wall, start, start.plusSeconds(10));
        String last = DemoReport.bar(start, wall, start.plusSeconds(30), start.plusSeconds(40));
        assertThat(first).hasSize(DemoReport.BAR_WIDTH + 2).startsWith("|##########.").endsWith(".|");
        assertThat(last).hasSize(DemoReport.BAR_WIDTH + 2).startsWith("|.").endsWith(".##########|");
    }

    @Test
    void shutdownInterruptsTheWorkerAndWaitsUntilItHasReported() throws Exception {
        AtomicReference<InterruptOnShutdown> guard = new AtomicReference<>();
        CountDownLatch installed = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean reported = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            InterruptOnShutdown g = InterruptOnShutdown.install(Duration.ofSeconds(30));
            guard.set(g);
            installed.countDown();
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(5));
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            reported.set(true);
            g.close();
        });
        worker.start();
        installed.await();

        guard.get().onShutdown();

        assertThat(interrupted).isTrue();
        assertThat(reported).as("the hook returns only after the worker closed the guard").isTrue();
        worker.join();
    }
}
