package io.jenkins.plugins.safelambdaupdate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.simulator.FunctionSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three separate JVMs run {@code deploy} on one function at once with the default file lock: they take turns, so
 * Lambda never refuses anything with 409 and every published version holds its own deployment's code.
 */
class FileLockAcrossProcessesTest {
    private static final String FUNCTION = "shared-fn";
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION;
    private static final String SECRET_KEY = "ProcessSecretKey-0c7e55";
    private static final String SESSION_TOKEN = "ProcessSessionToken-3f9a2b";

    @TempDir
    Path tmp;

    private record Hold(int process, Instant acquired, Instant released) {
    }

    @Test
    void threeProcessesTakeTurnsWithoutAnyConflict() throws Exception {
        Path lockDir = tmp.resolve("locks");
        Map<String, String> environment = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", SECRET_KEY, "AWS_SESSION_TOKEN", SESSION_TOKEN, "AWS_REGION", "us-east-1");
        List<DemoZip> zips = new ArrayList<>();
        List<CliProcess> processes = new ArrayList<>();
        try (LambdaSimulator simulator = LambdaSimulator.builder().updateDelay(Duration.ofMillis(400))
                .publishDelay(Duration.ofMillis(100)).function(FUNCTION, DemoZip.of("original").bytes()).start()) {
            CliProcess.knowing(tmp, Duration.ofMillis(400), Duration.ofMillis(100));
            // Hold the function's lock from here until all three wait for it, so that they truly contend.
            FunctionLock held = LockProviders.fileLock(lockDir).acquire(ARN, Duration.ofSeconds(5), holder -> { });
            try {
                for (int i = 1; i <= 3; i++) {
                    DemoZip zip = DemoZip.of("process " + i);
                    zips.add(zip);
                    Path file = Files.write(tmp.resolve("p" + i + ".zip"), zip.bytes());
                    processes.add(CliProcess.start(tmp, "p" + i, environment, List.of("deploy",
                            "--function", FUNCTION, "--zip", file.toString(), "--env", "BUILD=" + i,
                            "--env", "SECRET_VALUE=" + SECRET_KEY, "--publish", "--json", "--json-events",
                            "--endpoint-url", simulator.endpoint().toString(), "--lock-dir", lockDir.toString())));
                }
                for (CliProcess process : processes) {
                    assertThat(process.awaitReported("lock-waiting", Duration.ofSeconds(60)))
                            .as("waiting for the lock: %s%s", process.out(), process.err()).isTrue();
                }
                assertThat(simulator.stats().calls("UpdateFunctionCode")).isZero();
            } finally {
                held.close();
            }

            for (CliProcess process : processes) {
                assertThat(process.waitFor(Duration.ofMinutes(2))).as(process.out() + process.err()).isZero();
            }

            List<Hold> holds = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                List<JsonNode> lines = processes.get(i).jsonLines();
                holds.add(new Hold(i + 1, instant(lines, "lock-acquired"), instant(lines, "lock-released")));
                JsonNode result = lines.get(lines.size() - 1);
                assertThat(result.path("outcome").asText()).isEqualTo("succeeded");
                assertThat(result.path("codeSha256").asText()).isEqualTo(zips.get(i).codeSha256());
            }
            holds.sort(Comparator.comparing(Hold::acquired));
            for (int i = 1; i < holds.size(); i++) {
                assertThat(holds.get(i).acquired()).as("%s starts after %s ends", holds.get(i), holds.get(i - 1))
                        .isAfterOrEqualTo(holds.get(i - 1).released());
            }
            assertThat(simulator.stats().refusalsWithStatus(409)).isZero();
            assertThat(simulator.stats().calls("UpdateFunctionCode")).isEqualTo(3);
            FunctionSnapshot function = simulator.function(FUNCTION).orElseThrow();
            assertThat(function.versions()).extracting(VersionSnapshot::codeSha256)
                    .containsExactlyInAnyOrderElementsOf(zips.stream().map(DemoZip::codeSha256).toList());
            for (CliProcess process : processes) {
                assertThat(process.out() + process.err()).doesNotContain(SECRET_KEY).doesNotContain(SESSION_TOKEN);
            }
        }
    }

    private static Instant instant(List<JsonNode> lines, String type) {
        return lines.stream().filter(l -> type.equals(l.path("type").asText())).map(l -> Instant.parse(l.path("at")
                .asText())).findFirst().orElseThrow(() -> new AssertionError("no " + type + " event in " + lines));
    }
}
