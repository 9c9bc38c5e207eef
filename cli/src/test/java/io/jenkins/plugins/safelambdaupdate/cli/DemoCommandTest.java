package io.jenkins.plugins.safelambdaupdate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo} end to end with a small burst. */
class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void naiveBurstConflictsWhileTheEngineDeploysEveryPipelineWithoutLosingAnUpdate() {
        CliHarness.Run run = new CliHarness(Map.of(), tmp).run("demo", "--pipelines", "3", "--create-delay", "100ms",
                "--update-delay", "500ms", "--publish-delay", "100ms");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("Summary", "lost updates: 0");
        long[] conflicts = numbers(run.out(), "failed with ResourceConflictException");
        assertThat(conflicts[0]).as("naive conflicts").isPositive();
        assertThat(conflicts[1]).as("engine conflicts").isZero();
        assertThat(numbers(run.out(), "succeeded")).containsExactly(conflicts[0] == 3 ? 0 : 3 - conflicts[0], 3);
        assertThat(numbers(run.out(), "409 refusals seen by Lambda")[1]).isZero();
        assertThat(numbers(run.out(), "versions published")).containsExactly(3);
        assertThat(run.out()).contains("#1", "#2", "#3").contains("UpdateFunctionCode");
        assertThat(run.out().lines().filter(l -> l.trim().matches("#\\d .*\\|[.#]+\\|"))).hasSize(3);
    }

    @Test
    void refusesATooSmallBurst() {
        CliHarness.Run run = new CliHarness(Map.of(), tmp).run("demo", "--pipelines", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--pipelines");
    }

    /** The numbers of the summary row with this label, for example {@code [8, 0]}. */
    private static long[] numbers(String out, String label) {
        String row = out.lines().filter(l -> l.trim().startsWith(label + "  ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + out));
        return java.util.Arrays.stream(row.substring(row.indexOf(label) + label.length()).trim().split("\\s+"))
                .filter(s -> s.matches("\\d+")).mapToLong(Long::parseLong).toArray();
    }
}
