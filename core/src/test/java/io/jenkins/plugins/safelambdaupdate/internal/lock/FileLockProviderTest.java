package io.jenkins.plugins.safelambdaupdate.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.LockUnavailableException;
import io.jenkins.plugins.safelambdaupdate.testing.ManualTimeSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLockProviderTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:my-fn";

    @TempDir
    Path directory;

    @Test
    void oneLockFilePerFunctionArn() {
        FileLockProvider provider = new FileLockProvider(directory);
        assertThat(provider.lockFile(ARN)).isNotEqualTo(provider.lockFile(ARN + "2"));
        assertThat(provider.lockFile(ARN).getParent()).isEqualTo(directory);
        assertThat(provider.lockFile(ARN).getFileName().toString()).doesNotContain(":").doesNotContain("/");
    }

    @Test
    void anotherProcessWaitsForTheHolderAndIsToldWhoItIs() throws Exception {
        FileLockProvider provider = new FileLockProvider(directory);
        Process other;
        try (FunctionLock held = provider.acquire(ARN, Duration.ofSeconds(5), holder -> { })) {
            other = startHolderProcess("0");
            String first = readLine(other);
            assertThat(first).startsWith("WAITING").contains("process ");
            assertThat(other.isAlive()).isTrue();
        }
        assertThat(readLine(other)).isEqualTo("LOCKED");
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(other.exitValue()).isZero();
    }

    @Test
    void aProcessKilledWithSigkillDoesNotBlockTheNextDeployer() throws Exception {
        Process holder = startHolderProcess("600000");
        try {
            assertThat(readLine(holder)).isEqualTo("LOCKED");
            // Ten minutes of retrying the OS lock, on a manual clock: the timeout ends without real time passing.
            ManualTimeSource time = new ManualTimeSource();
            FileLockProvider provider = new FileLockProvider(directory, time);
            assertThatThrownBy(() -> provider.acquire(ARN, Duration.ofMinutes(10), h -> { }))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("process ");
            assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(10));
            assertThat(time.sleeps()).as("the OS lock is retried every 50 ms").hasSize(10 * 60 * 20)
                    .containsOnly(Duration.ofMillis(50));

            holder.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

            try (FunctionLock lock = provider.acquire(ARN, Duration.ofSeconds(10), h -> { })) {
                assertThat(lock.name()).isEqualTo(ARN);
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void threadsOfOneProcessQueueInsteadOfFailing() throws Exception {
        FileLockProvider provider = new FileLockProvider(directory);
        FunctionLock held = provider.acquire(ARN, Duration.ofSeconds(5), h -> { });
        List<String> told = new ArrayList<>();
        Thread waiter = new Thread(() -> {
            try (FunctionLock lock = provider.acquire(ARN, Duration.ofSeconds(10), told::add)) {
                assertThat(lock.name()).isEqualTo(ARN);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        waiter.start();
        InProcessLockProviderTest.awaitWaiting(waiter);
        held.close();
        waiter.join(10_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(told).hasSize(1);
    }

    private Process startHolderProcess(String holdMillis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), directory.toString(), ARN, holdMillis);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder.start();
    }

    /** One reader per process, so lines buffered by an earlier read are not lost. */
    private final Map<Process, BufferedReader> readers = new HashMap<>();

    private String readLine(Process process) throws Exception {
        BufferedReader reader = readers.computeIfAbsent(process, p ->
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        return reader.readLine();
    }

    /** Runs in a separate JVM: takes the file lock, says so, and holds it for the given time. */
    public static final class LockHolderMain {
        public static void main(String[] args) throws Exception {
            try {
                FileLockProvider provider = new FileLockProvider(Path.of(args[0]));
                try (FunctionLock lock = provider.acquire(args[1], Duration.ofSeconds(60),
                        holder -> System.out.println("WAITING " + holder))) {
                    System.out.println("LOCKED");
                    System.out.flush();
                    Thread.sleep(Long.parseLong(args[2]));
                }
            } catch (LockUnavailableException e) {
                System.out.println("UNAVAILABLE " + e.getMessage());
            }
        }
    }
}
