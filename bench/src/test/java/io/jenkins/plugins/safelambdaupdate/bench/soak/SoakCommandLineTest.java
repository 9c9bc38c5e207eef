package io.jenkins.plugins.safelambdaupdate.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.safelambdaupdate.bench.BenchMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --soak} on the benchmark's command line: its options, the ones it shares, and the JSON it writes. */
class SoakCommandLineTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = BenchMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void aTinySoakWritesItsJsonAndExitsZero() throws Exception {
        Path json = tmp.resolve("soak.json");

        int exitCode = run("--soak", "--deployers", "2", "--functions", "1", "--rounds", "1", "--update-ms", "50",
                "--publish-ms", "20", "--interrupt-rate", "0", "--seed", "3", "--json", json.toString());

        assertThat(exitCode).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("Soak: 2 deployers on 1 functions, 1 rounds (seed 3)")
                .contains("Invariant violations");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("settings").path("updateDelayMillis").asLong()).isEqualTo(50);
        assertThat(report.path("deployments").path("attempted").asInt()).isEqualTo(2);
        assertThat(report.path("invariantViolations").isObject()).isTrue();
        assertThat(report.path("invariantViolations").path("mutationsAfterInterrupt").isInt()).isTrue();
    }

    @Test
    void benchmarkOnlyOptionsAndSeveralDeployerCountsAreRefused() {
        assertThat(run("--soak", "--quick")).isEqualTo(2);
        assertThat(err.toString()).contains("--quick does not apply to --soak");
        assertThat(run("--soak", "--deployers", "4,8")).isEqualTo(2);
        assertThat(err.toString()).contains("one --deployers value");
        assertThat(run("--soak", "--throttle-rate", "1.5")).isEqualTo(2);
        assertThat(err.toString()).contains("throttleRate must be between 0 and 1");
    }
}
