package io.jenkins.plugins.safelambdaupdate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the engine-only scenarios tiny (2 cold deployers at two timings, a fleet of 3 functions deployed twice from 1
 * and from 4 processes, short durations) and checks the records' shape and outcomes. No timing assertions.
 */
class ColdAndFleetSmokeTest {
    private static BenchReport report;

    @BeforeAll
    static void runTinyBenchmark() throws Exception {
        List<String> progress = new ArrayList<>();
        BenchSettings settings = new BenchSettings(Strategies.NAMES, List.of(), 0, Duration.ofMillis(200),
                Duration.ofMillis(100), 7, false, 2, 3);
        report = new Benchmark(settings, progress::add).run();
    }

    @Test
    void onlyTheEngineRunsThemAndEveryDeploymentSucceeds() {
        assertThat(report.records()).extracting(BenchRecord::scenario)
                .containsExactly(Scenario.COLD, Scenario.COLD, Scenario.FLEET, Scenario.FLEET);
        for (BenchRecord r : report.records()) {
            assertThat(r.strategy()).isEqualTo(Strategies.ENGINE);
            assertThat(r.succeeded()).as(r.label()).isEqualTo(r.deployers());
            assertThat(r.lostUpdates()).as(r.label()).isZero();
            assertThat(r.peakThreads()).as(r.label()).isPositive();
            assertThat(r.peakHeapMb()).as(r.label()).isPositive();
            assertThat(r.noticeSamples()).as(r.label()).isEqualTo(2 * r.deployers());
        }
    }

    @Test
    void theColdRunsSayTheirTimingAndTheFleetsTheirProcesses() {
        List<BenchRecord> cold = report.records().stream().filter(r -> Scenario.COLD.equals(r.scenario())).toList();
        assertThat(cold).extracting(BenchRecord::updateDelayMs).containsExactly(200L, 600L);
        assertThat(cold).extracting(BenchRecord::warmUpApiCalls).containsOnlyNulls();
        List<BenchRecord> fleet = report.records().stream().filter(r -> Scenario.FLEET.equals(r.scenario())).toList();
        assertThat(fleet).extracting(BenchRecord::processes).containsExactly(1, 4);
        assertThat(fleet).extracting(BenchRecord::deployers).containsOnly(6);
        assertThat(fleet).extracting(BenchRecord::functions).containsOnly(3);
        assertThat(fleet.get(0).label()).isEqualTo("fleet 3×2");
        assertThat(report.engineTargets()).extracting(TargetCheck::target)
                .anyMatch(t -> t.startsWith("fleet 3×2: every deployment succeeds"));
    }
}
