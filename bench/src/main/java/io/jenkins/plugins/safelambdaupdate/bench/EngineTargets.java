package io.jenkins.plugins.safelambdaupdate.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Checks the engine's records against the targets of the benchmark issue. Never relaxes a target. */
final class EngineTargets {
    static final double MAKESPAN_ONE_FUNCTION = 1.05;
    static final int MAKESPAN_K = 16;
    static final double MAKESPAN_DISTINCT = 1.2;
    static final int MAX_CALLS = 15;
    static final long NOTICE_MEDIAN_MS = 150;
    static final int MAX_RATE = 10;
    static final long LEARNED_NOTICE_P95_MS = 60;
    static final double MAKESPAN_FLEET = 1.10;

    private EngineTargets() {
    }

    /** @return the checks, empty when the engine did not run */
    static List<TargetCheck> check(List<BenchRecord> records) {
        // Several processes sharing the account is an experiment (what happens to 429s), not a target.
        List<BenchRecord> engine = records.stream().filter(r -> Strategies.ENGINE.equals(r.strategy()))
                .filter(r -> r.processes() == 1).toList();
        List<TargetCheck> checks = new ArrayList<>();
        if (engine.isEmpty()) {
            return checks;
        }
        int deployments = engine.stream().mapToInt(BenchRecord::deployers).sum();
        int succeeded = engine.stream().mapToInt(BenchRecord::succeeded).sum();
        int lost = engine.stream().mapToInt(BenchRecord::lostUpdates).sum();
        long conflicts = engine.stream().mapToLong(BenchRecord::conflicts).sum();
        checks.add(new TargetCheck("every deployment succeeds, none lost, in every scenario",
                succeeded + "/" + deployments + " succeeded, " + lost + " lost (" + conflicts + " conflicts seen)",
                succeeded == deployments && lost == 0));

        List<BenchRecord> oneFunction = engine.stream().filter(r -> Scenario.SAME_FUNCTION.equals(r.scenario()))
                .toList();
        Optional<BenchRecord> atK = oneFunction.stream().filter(r -> r.deployers() == MAKESPAN_K).findFirst();
        Optional<BenchRecord> largest = oneFunction.stream().max(Comparator.comparingInt(BenchRecord::deployers));
        if (atK.isPresent()) {
            checks.add(makespan("makespan at K=" + MAKESPAN_K + " <= " + MAKESPAN_ONE_FUNCTION + " x lower bound",
                    atK.get(), MAKESPAN_ONE_FUNCTION));
        } else if (largest.isPresent()) {
            checks.add(makespan("makespan at K=" + MAKESPAN_K + " <= " + MAKESPAN_ONE_FUNCTION
                    + " x lower bound (K=" + MAKESPAN_K + " not in this run; largest K=" + largest.get().deployers()
                    + " shown)", largest.get(), MAKESPAN_ONE_FUNCTION));
        }
        engine.stream().filter(r -> Scenario.DISTINCT_FUNCTIONS.equals(r.scenario())).findFirst().ifPresent(r ->
                checks.add(makespan(r.functions() + " functions within " + MAKESPAN_DISTINCT
                        + " x max(one deployment, quota-bound time)", r, MAKESPAN_DISTINCT)));

        List<BenchRecord> learned = engine.stream().filter(r -> Scenario.SAME_FUNCTION.equals(r.scenario())
                || Scenario.DISTINCT_FUNCTIONS.equals(r.scenario())).toList();
        learned.stream().map(BenchRecord::noticeLatencyP95Ms).filter(Objects::nonNull).max(Long::compare)
                .ifPresent(p95 -> checks.add(new TargetCheck("learned runs: a finished update noticed within "
                        + LEARNED_NOTICE_P95_MS + " ms at p95", "worst scenario p95 " + p95 + " ms",
                        p95 <= LEARNED_NOTICE_P95_MS)));
        engine.stream().filter(r -> Scenario.COLD.equals(r.scenario())).forEach(r -> checks.add(new TargetCheck(
                r.label() + " (nothing learned): at most " + MAX_CALLS + " calls and a finished update noticed within "
                        + NOTICE_MEDIAN_MS + " ms (median)", "at most " + r.maxApiCallsPerDeployment() + " calls (mean "
                        + format(r.apiCallsPerDeployment(), 1) + "), notice median " + r.noticeLatencyMedianMs()
                        + " ms, p95 " + r.noticeLatencyP95Ms() + " ms", r.maxApiCallsPerDeployment() <= MAX_CALLS
                        && r.noticeLatencyMedianMs() != null && r.noticeLatencyMedianMs() <= NOTICE_MEDIAN_MS)));
        engine.stream().filter(r -> Scenario.FLEET.equals(r.scenario())).forEach(r -> checks.add(new TargetCheck(
                r.label() + ": every deployment succeeds, no 429, within " + MAKESPAN_FLEET + " x the quota bound",
                r.succeeded() + "/" + r.deployers() + " succeeded, " + r.throttled() + " throttled, "
                        + format(r.makespanRatio(), 3) + " x (" + format(r.makespanMs() / 1000.0, 1) + " s for "
                        + format(r.lowerBoundMs() / 1000.0, 1) + " s); peak " + r.peakThreads() + " threads, "
                        + r.peakHeapMb() + " MiB heap", r.succeeded() == r.deployers() && r.throttled() == 0
                        && r.makespanRatio() <= MAKESPAN_FLEET)));

        int maxCalls = engine.stream().mapToInt(BenchRecord::maxApiCallsPerDeployment).max().orElse(0);
        double meanCalls = engine.stream().mapToDouble(BenchRecord::apiCallsPerDeployment).max().orElse(0);
        checks.add(new TargetCheck("at most " + MAX_CALLS + " API calls for a full deployment (code, configuration,"
                + " publish, alias)", "at most " + maxCalls + " per deployment (mean at most "
                + format(meanCalls, 1) + " HTTP calls)", maxCalls <= MAX_CALLS));
        int waiterCalls = engine.stream().map(BenchRecord::lockWaiterCalls).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).sum();
        checks.add(new TargetCheck("lock waiters make no API calls", waiterCalls + " calls while waiting",
                waiterCalls == 0));

        BenchRecord slowest = learned.stream().filter(r -> r.noticeLatencyMedianMs() != null)
                .max(Comparator.comparingLong(BenchRecord::noticeLatencyMedianMs)).orElse(null);
        if (slowest != null) {
            checks.add(new TargetCheck("learned runs: a finished update noticed within " + NOTICE_MEDIAN_MS
                    + " ms (median)",
                    "worst scenario median " + slowest.noticeLatencyMedianMs() + " ms (" + slowest.label()
                            + "), p95 " + slowest.noticeLatencyP95Ms() + " ms",
                    slowest.noticeLatencyMedianMs() <= NOTICE_MEDIAN_MS));
        }
        int maxRate = engine.stream().mapToInt(BenchRecord::maxDeploymentRequestsPerSecond).max().orElse(0);
        checks.add(new TargetCheck("no deployment above " + MAX_RATE + " requests/s",
                "at most " + maxRate + " requests in one second by one deployment", maxRate <= MAX_RATE));
        return checks;
    }

    private static TargetCheck makespan(String target, BenchRecord r, double limit) {
        return new TargetCheck(target, format(r.makespanRatio(), 3) + " x (" + format(r.makespanMs() / 1000.0, 2)
                + " s for a lower bound of " + format(r.lowerBoundMs() / 1000.0, 2) + " s)", r.makespanRatio() <= limit);
    }

    static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
