package io.jenkins.plugins.safelambdaupdate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Renders a {@link BenchReport} as Markdown: the main table, calls by operation, the engine's targets. */
public final class MarkdownReport {
    private static final String NOTES = """
            How to read it:

            - Every scenario runs on a fresh simulator; all deployers start at the same instant. The script \
            strategies are one build each with its own default SDK client and no retry of their own; the engine is \
            one process: one deployer, its in-process lock, one client sharing one request rate limiter at the \
            account quotas, warmed up by one deployment to another function. The engine's deployments are full ones: \
            code, configuration, version and the alias `live`.
            - lost: reported success, but the version it published does not hold its code or its configuration.
            - lower bound: K deployers of one function need K × (2 updates + 1 publish) one after another; different \
            functions need one deployment's time, or the time the account's 15 req/s quota needs for the calls each \
            deployment cannot do without (3 mutations; the engine 5 with GetAlias and the alias write), if longer.
            - calls/deploy: HTTP calls the simulator answered (SDK retries included) ÷ deployers; max req/s of one \
            deploy: the most calls one deployment made within a second.
            - notice: from the moment an update finished in the simulator (its LastModified + the update duration) \
            to the moment the deployer saw it (waiter returned; engine: its Confirmed event).
            - lock hand-off: from the holder's Released event to the next holder's LockAcquired.
            """;

    private MarkdownReport() {
    }

    /** @return the Markdown, ending with a newline */
    public static String render(BenchReport report) {
        StringBuilder out = new StringBuilder();
        Map<String, Object> s = report.settings();
        out.append("Update ").append(s.get("updateDelayMs")).append(" ms, publish ").append(s.get("publishDelayMs"))
                .append(" ms; account quotas enforced (GetFunction 100 req/s, other calls 15 req/s).\n\n");
        out.append("| strategy | scenario | succeeded | 409s | lost | makespan | × lower bound | calls/deploy"
                + " | peak req/s (all / 15-quota) | max req/s of one deploy | notice p50 / p95 | lock hand-off p50 / max |\n");
        out.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (BenchRecord r : report.records()) {
            out.append("| ").append(r.strategy())
                    .append(" | ").append(r.label())
                    .append(" | ").append(r.succeeded()).append('/').append(r.deployers())
                    .append(" | ").append(r.conflicts())
                    .append(" | ").append(r.lostUpdates())
                    .append(" | ").append(seconds(r.makespanMs())).append(" / ").append(seconds(r.lowerBoundMs()))
                    .append(" | ").append(fixed(r.makespanRatio(), 2))
                    .append(" | ").append(fixed(r.apiCallsPerDeployment(), 1))
                    .append(" | ").append(r.peakRequestsPerSecond()).append(" / ").append(r.peakQuotaRequestsPerSecond())
                    .append(" | ").append(r.maxDeploymentRequestsPerSecond())
                    .append(" | ").append(pair(r.noticeLatencyMedianMs(), r.noticeLatencyP95Ms(), " ms"))
                    .append(" | ").append(pair(r.lockHandoffGapMedianMs(), r.lockHandoffGapMaxMs(), " ms"))
                    .append(" |\n");
        }
        out.append('\n');
        appendColdAndFleet(out, report);
        appendOperations(out, report.records());
        appendFailures(out, report.records());
        if (!report.engineTargets().isEmpty()) {
            out.append("Engine targets:\n\n");
            for (TargetCheck check : report.engineTargets()) {
                out.append("- ").append(check.met() ? "[met] " : "[NOT met] ").append(check.target()).append(": ")
                        .append(check.measured()).append('\n');
            }
            appendColdStart(out, report.records());
            out.append('\n');
        }
        out.append(NOTES);
        out.append(String.format(Locale.ROOT, "%nWhole run: %.1f s.%n", report.elapsedSeconds()));
        return out.toString();
    }

    private static String notices(BenchRecord r, String operation) {
        List<Long> latencies = r.noticeLatencyMsByOperation() == null ? null
                : r.noticeLatencyMsByOperation().get(operation);
        return latencies == null ? "–" : pair(latencies.get(0), latencies.get(1), " ms");
    }

    /** The engine-only scenarios: what a deployer that learned nothing pays, and a fleet at the account's quota. */
    private static void appendColdAndFleet(StringBuilder out, BenchReport report) {
        List<BenchRecord> records = report.records().stream().filter(r -> Scenario.COLD.equals(r.scenario())
                || Scenario.FLEET.equals(r.scenario())).toList();
        if (records.isEmpty()) {
            return;
        }
        out.append("Cold deployers and fleets (engine):\n\n| scenario | processes | succeeded | 429s | calls/deploy (max)"
                + " | notice p50 / p95 | code notice p50 / p95 | configuration notice p50 / p95 | makespan / bound"
                + " | × bound | peak threads | peak heap |\n"
                + "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (BenchRecord r : records) {
            out.append("| ").append(r.label()).append(" | ").append(r.processes())
                    .append(" | ").append(r.succeeded()).append('/').append(r.deployers())
                    .append(" | ").append(r.throttled())
                    .append(" | ").append(fixed(r.apiCallsPerDeployment(), 1)).append(" (")
                    .append(r.maxApiCallsPerDeployment()).append(')')
                    .append(" | ").append(pair(r.noticeLatencyMedianMs(), r.noticeLatencyP95Ms(), " ms"))
                    .append(" | ").append(notices(r, "UpdateFunctionCode"))
                    .append(" | ").append(notices(r, "UpdateFunctionConfiguration"))
                    .append(" | ").append(seconds(r.makespanMs())).append(" / ").append(seconds(r.lowerBoundMs()))
                    .append(" | ").append(fixed(r.makespanRatio(), 3))
                    .append(" | ").append(r.peakThreads())
                    .append(" | ").append(r.peakHeapMb()).append(" MiB |\n");
        }
        Object bound = report.settings().get("fleetBound");
        if (bound != null) {
            out.append("\nFleet bound: ").append(bound).append(".\n");
        }
        out.append('\n');
    }

    private static void appendOperations(StringBuilder out, List<BenchRecord> records) {
        TreeSet<String> operations = new TreeSet<>();
        records.forEach(r -> operations.addAll(r.apiCallsPerDeploymentByOperation().keySet()));
        List<String> ops = new ArrayList<>(operations);
        out.append("HTTP calls per deployment, by operation (SDK retries included):\n\n| strategy | scenario |");
        ops.forEach(op -> out.append(' ').append(op).append(" |"));
        out.append("\n|---|---|");
        ops.forEach(op -> out.append("--:|"));
        out.append('\n');
        for (BenchRecord r : records) {
            out.append("| ").append(r.strategy()).append(" | ").append(r.label()).append(" |");
            for (String op : ops) {
                Double calls = r.apiCallsPerDeploymentByOperation().get(op);
                out.append(' ').append(calls == null ? "" : fixed(calls, 2)).append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private static void appendFailures(StringBuilder out, List<BenchRecord> records) {
        boolean any = records.stream().anyMatch(r -> !r.failures().isEmpty());
        if (!any) {
            return;
        }
        out.append("Why deployments failed:\n\n");
        for (BenchRecord r : records) {
            r.failures().forEach((reason, count) -> out.append("- ").append(r.strategy()).append(", ")
                    .append(r.label()).append(": ").append(count).append(" × ").append(reason).append('\n'));
        }
        out.append('\n');
    }

    /** The engine's warm-up deployments: what a process that has learned nothing yet pays (one CLI run). */
    private static void appendColdStart(StringBuilder out, List<BenchRecord> records) {
        List<BenchRecord> warm = records.stream().filter(r -> r.warmUpApiCalls() != null).toList();
        if (warm.isEmpty()) {
            return;
        }
        List<Long> notices = warm.stream().flatMap(r -> r.warmUpNoticeLatenciesMs().stream()).sorted().toList();
        int minCalls = warm.stream().mapToInt(BenchRecord::warmUpApiCalls).min().orElse(0);
        int maxCalls = warm.stream().mapToInt(BenchRecord::warmUpApiCalls).max().orElse(0);
        out.append("\nNot a target, for comparison: a cold engine (the warm-up deployment before each of its ")
                .append(warm.size()).append(" runs, nothing learned yet, as in a one-shot CLI process) made ")
                .append(minCalls == maxCalls ? Integer.toString(minCalls) : minCalls + "–" + maxCalls)
                .append(" calls per deployment and noticed updates ")
                .append(notices.isEmpty() ? "–" : notices.get(0) + "–" + notices.get(notices.size() - 1))
                .append(" ms late.\n");
    }

    private static String pair(Long first, Long second, String unit) {
        return first == null ? "–" : first + " / " + second + unit;
    }

    private static String seconds(long millis) {
        return fixed(millis / 1000.0, 1) + " s";
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
