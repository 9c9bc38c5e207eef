package io.jenkins.plugins.safelambdaupdate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.safelambdaupdate.simulator.CallRecord;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping {@code deploy} (SIGTERM, as Ctrl-C or a CI abort) makes it release the lock and report the state left. */
class InterruptTest {
    @TempDir
    Path tmp;

    @Test
    void terminationReleasesTheLockAndReportsTheStateLeft() throws Exception {
        try (LambdaSimulator simulator = LambdaSimulator.builder().updateDelay(Duration.ofMinutes(5))
                .function("slow-fn", DemoZip.of("original").bytes()).start()) {
            Path zip = Files.write(tmp.resolve("f.zip"), DemoZip.of("new").bytes());
            CliProcess process = CliProcess.start(tmp, "deploy", Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "example-secret", "AWS_REGION", "us-east-1"), List.of("deploy",
                    "--function", "slow-fn", "--zip", zip.toString(), "--json", "--json-events", "--endpoint-url",
                    simulator.endpoint().toString(), "--lock-dir", tmp.resolve("locks").toString()));
            // The code update was accepted and the engine waits for it (five minutes here): its first poll after the
            // update shows that the engine had the update's answer (InProgress) before the termination.
            assertThat(process.awaitReported("submitted", Duration.ofSeconds(60)))
                    .as(process.out() + process.err()).isTrue();
            Instant givenUp = Instant.now().plusSeconds(30);
            while (!polledAfterTheUpdate(simulator) && Instant.now().isBefore(givenUp)) {
                Thread.sleep(20);
            }
            assertThat(simulator.function("slow-fn").orElseThrow().lastUpdateStatus()).isEqualTo("InProgress");
            assertThat(polledAfterTheUpdate(simulator)).as(simulator.callLog().toString()).isTrue();

            process.terminate();
            process.waitFor(Duration.ofSeconds(60));

            List<JsonNode> lines = process.jsonLines();
            assertThat(lines).extracting(l -> l.path("type").asText()).contains("failed", "lock-released");
            JsonNode failed = lines.stream().filter(l -> l.path("type").asText().equals("failed")).findFirst()
                    .orElseThrow();
            assertThat(failed.path("failure").asText()).isEqualTo("INTERRUPTED");
            JsonNode result = lines.get(lines.size() - 1);
            assertThat(result.path("type").asText()).isEqualTo("result");
            assertThat(result.path("failure").asText()).isEqualTo("INTERRUPTED");
            assertThat(result.path("stateLeft").path("lastUpdateStatus").asText()).isEqualTo("InProgress");
            assertThat(process.err()).contains("Interrupted").doesNotContain("\tat ");
        }
    }

    private static boolean polledAfterTheUpdate(LambdaSimulator simulator) {
        List<String> operations = simulator.callLog().stream().map(CallRecord::operation).toList();
        int update = operations.indexOf("UpdateFunctionCode");
        return update >= 0 && operations.subList(update, operations.size()).contains("GetFunction");
    }
}
