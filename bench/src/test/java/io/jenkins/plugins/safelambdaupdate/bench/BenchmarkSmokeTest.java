package io.jenkins.plugins.safelambdaupdate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a tiny benchmark (K=2 on one function and 3 different functions, short durations) with every strategy and
 * checks the report's shape and the outcomes that do not depend on timing. No timing assertions.
 */
class BenchmarkSmokeTest {
    private static BenchReport report;
    private static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void runTinyBenchmark() throws Exception {
        BenchSettings settings = new BenchSettings(Strategies.NAMES, List.of(2), 3, Duration.ofMillis(200),
                Duration.ofMillis(100), 7, false);
        report = new Benchmark(settings, progress::add).run();
    }

    @Test
    void hasOneSaneRecordPerStrategyAndScenario() {
        assertThat(report.records()).hasSize(Strategies.NAMES.size() * 2);
        assertThat(report.records()).extracting(BenchRecord::strategy).containsOnlyElementsOf(Strategies.NAMES);
        for (BenchRecord r : report.records()) {
            assertThat(r.deployers()).as(r.strategy()).isIn(2, 3);
            assertThat(r.succeeded() + r.failed()).as(r.strategy()).isEqualTo(r.deployers());
            assertThat(r.lostUpdates()).as(r.strategy()).isBetween(0, r.succeeded());
            assertThat(r.makespanMs()).as(r.strategy()).isPositive();
            assertThat(r.lowerBoundMs()).as(r.strategy()).isPositive();
            assertThat(r.makespanRatio()).as(r.strategy()).isPositive();
            assertThat(r.apiCallsPerDeployment()).as(r.strategy()).isGreaterThanOrEqualTo(1);
            assertThat(r.apiCallsPerDeploymentByOperation()).as(r.strategy()).containsKey("UpdateFunctionCode");
            assertThat(r.peakRequestsPerSecond()).as(r.strategy()).isPositive();
            assertThat(r.maxDeploymentRequestsPerSecond()).as(r.strategy()).isPositive();
            assertThat(r.failures().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(r.failed());
        }
        assertThat(progress).hasSize(report.records().size());
    }

    @Test
    void engineDeploysEverythingWithoutConflictOrLoss() {
        for (BenchRecord r : records("engine")) {
            assertThat(r.succeeded()).as(r.label()).isEqualTo(r.deployers());
            assertThat(r.conflicts()).as(r.label()).isZero();
            assertThat(r.lostUpdates()).as(r.label()).isZero();
            assertThat(r.noticeSamples()).as(r.label()).isEqualTo(2 * r.deployers());
            assertThat(r.noticeLatencyMedianMs()).as(r.label()).isNotNull();
            assertThat(r.lockWaiterCalls()).as(r.label()).isZero();
            assertThat(r.warmUpNoticeLatenciesMs()).as(r.label()).hasSize(2);
            assertThat(r.warmUpApiCalls()).as(r.label()).isPositive();
            assertThat(r.apiCallsPerDeploymentByOperation()).as(r.label()).containsKey("PublishVersion");
        }
        BenchRecord sameFunction = record("engine", Scenario.SAME_FUNCTION);
        assertThat(sameFunction.lockHandoffGapMedianMs()).isNotNull();
        assertThat(report.engineTargets()).isNotEmpty();
    }

    @Test
    void naiveRunsIntoConflicts() {
        BenchRecord naive = record("naive", Scenario.SAME_FUNCTION);
        assertThat(naive.conflicts()).isPositive();
        assertThat(naive.noticeLatencyMedianMs()).isNull();
        assertThat(naive.lockHandoffGapMedianMs()).isNull();
    }

    @Test
    void writesMarkdownJsonAndChart(@TempDir Path dir) throws Exception {
        String markdown = MarkdownReport.render(report);
        for (String strategy : Strategies.NAMES) {
            assertThat(markdown).contains("| " + strategy + " | K=2 |").contains("| " + strategy + " | 3 functions |");
        }
        assertThat(markdown).contains("Engine targets:");

        Path json = dir.resolve("out/bench.json");
        JsonReport.write(report, json);
        JsonNode records = new ObjectMapper().readTree(json.toFile()).get("records");
        assertThat(records).hasSize(report.records().size());
        for (JsonNode record : records) {
            assertThat(record.has("strategy") && record.has("scenario") && record.has("deployers")
                    && record.has("succeeded") && record.has("conflicts") && record.has("lostUpdates")
                    && record.has("makespanRatio") && record.has("apiCallsPerDeployment")
                    && record.has("peakRequestsPerSecond") && record.has("noticeLatencyMedianMs")
                    && record.has("noticeLatencyP95Ms")).as(record.toString()).isTrue();
        }

        Path png = dir.resolve("chart.png");
        ChartWriter.write(report, png);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(10_000);
        assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    private static List<BenchRecord> records(String strategy) {
        return report.records().stream().filter(r -> r.strategy().equals(strategy)).toList();
    }

    private static BenchRecord record(String strategy, String scenario) {
        Map<String, BenchRecord> byScenario = records(strategy).stream()
                .collect(Collectors.toMap(BenchRecord::scenario, Function.identity()));
        return byScenario.get(scenario);
    }
}
