package io.jenkins.plugins.safelambdaupdate.bench;

import io.jenkins.plugins.safelambdaupdate.simulator.CallRecord;
import io.jenkins.plugins.safelambdaupdate.simulator.FunctionSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.SampleZips;
import io.jenkins.plugins.safelambdaupdate.simulator.SimulatorStats;
import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one strategy in one scenario against a fresh simulator (account quotas enforced) and measures it: all
 * deployers are prepared, then started together; the run ends when the last one returns.
 */
final class ScenarioRunner {
    /** The account's shared quota on every call but GetFunction. */
    static final int QUOTA_PER_SECOND = 15;
    static final String WARM_UP_FUNCTION = "bench-warmup";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);
    private static final int FAILURE_TEXT = 140;
    /**
     * The deploying threads of a fleet, all processes together: the account admits about 3 deployments a second (15
     * req/s, 5 calls each) and one lasts a few seconds, so a dozen in flight keep the quota busy; 32 leave room for
     * the waits in the rate limiter without a thread per deployment.
     */
    static final int FLEET_THREADS = 32;

    private final Duration updateDelay;
    private final Duration publishDelay;
    private final Workload workload;
    private final long seed;

    ScenarioRunner(Duration updateDelay, Duration publishDelay, Workload workload, long seed) {
        this.updateDelay = updateDelay;
        this.publishDelay = publishDelay;
        this.workload = workload;
        this.seed = seed;
    }

    /** One deployment's outcome with its calls. */
    private record Finished(DeploymentSpec spec, DeploymentOutcome outcome, CallTrace trace) {
    }

    /**
     * @param strategy the strategy
     * @param scenario the scenario
     * @param runId    unique within the benchmark (labels the zips)
     * @return the measurements
     * @throws InterruptedException when interrupted
     */
    BenchRecord run(Strategy strategy, Scenario scenario, String runId) throws InterruptedException {
        List<DeploymentSpec> specs = workload.specs(runId, scenario);
        DeploymentSpec warmUp = workload.spec(runId + "-warmup", 0, WARM_UP_FUNCTION);
        LambdaSimulator.Builder builder = LambdaSimulator.builder()
                .updateDelay(updateDelay)
                .publishDelay(publishDelay)
                .quotas(true)
                .seed(seed)
                .function(WARM_UP_FUNCTION, SampleZips.pythonHandler(runId + "-warmup-initial"));
        new LinkedHashSet<>(specs.stream().map(DeploymentSpec::functionName).toList())
                .forEach(f -> builder.function(f, SampleZips.pythonHandler(runId + "-initial-" + f)));
        CallRecorder recorder = new CallRecorder();
        try (LambdaSimulator simulator = builder.start();
             Strategy.Run run = strategy.open(new BenchTarget(simulator, warmUp, recorder))) {
            List<Strategy.Deployer> deployers = specs.stream().map(run::prepare).toList();
            simulator.reset();
            List<Finished> finished = new ArrayList<>();
            JvmPeaks peaks = scenario.engineOnly() ? JvmPeaks.start() : null;
            int threads = Scenario.FLEET.equals(scenario.name()) ? Math.min(FLEET_THREADS, specs.size()) : specs.size();
            Instant start = runAll(specs, deployers, finished, threads, recorder);
            Instant end = finished.stream().map(f -> f.outcome().endedAt()).max(Comparator.naturalOrder())
                    .orElse(start);
            return measure(strategy, scenario, simulator, finished, Duration.between(start, end),
                    run.warmUp(), peaks);
        }
    }

    /**
     * Starts every deployer at once, or as many as there are threads and the others in order as threads free up.
     *
     * @return the start instant
     */
    private static Instant runAll(List<DeploymentSpec> specs, List<Strategy.Deployer> deployers,
                                  List<Finished> finished, int threads, CallRecorder recorder)
            throws InterruptedException {
        int n = deployers.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "bench-deployer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CountDownLatch ready = new CountDownLatch(Math.min(n, threads));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Finished>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                DeploymentSpec spec = specs.get(i);
                Strategy.Deployer deployer = deployers.get(i);
                futures.add(pool.submit(() -> {
                    CallTrace trace = new CallTrace();
                    ready.countDown();
                    go.await();
                    recorder.bind(trace);
                    DeploymentOutcome outcome;
                    try {
                        outcome = deployer.deploy(trace);
                    } catch (RuntimeException e) {
                        outcome = DeploymentOutcome.failure("unexpected " + e, List.of(), null);
                    } finally {
                        recorder.unbind();
                    }
                    return new Finished(spec, outcome, trace);
                }));
            }
            ready.await();
            Instant start = Instant.now();
            go.countDown();
            long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
            for (Future<Finished> future : futures) {
                try {
                    finished.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a deployer failed unexpectedly", e.getCause());
                } catch (TimeoutException e) {
                    throw new IllegalStateException("the scenario did not end within " + RUN_TIMEOUT, e);
                }
            }
            return start;
        } finally {
            pool.shutdownNow();
        }
    }

    private BenchRecord measure(Strategy strategy, Scenario scenario, LambdaSimulator simulator,
                                List<Finished> finished, Duration makespan, Strategy.WarmUp warmUp,
                                JvmPeaks peaks) {
        SimulatorStats stats = simulator.stats();
        List<CallRecord> log = simulator.callLog();
        int n = finished.size();
        int succeeded = (int) finished.stream().filter(f -> f.outcome().succeeded()).count();

        Map<String, FunctionSnapshot> snapshots = new HashMap<>();
        int lost = 0;
        for (Finished f : finished) {
            if (f.outcome().succeeded()) {
                FunctionSnapshot snapshot = snapshots.computeIfAbsent(f.spec().functionName(),
                        name -> simulator.function(name).orElseThrow());
                if (!holds(snapshot, f.outcome().version(), f.spec())) {
                    lost++;
                }
            }
        }

        Duration lowerBound = lowerBound(strategy, scenario);
        Map<String, Double> byOperation = new TreeMap<>();
        stats.callsByOperation().forEach((op, count) -> byOperation.put(op, Measurements.round((double) count / n, 2)));
        CallTrace busiest = finished.stream().map(Finished::trace)
                .max(Comparator.comparingInt(t -> t.calls().size())).orElseThrow();
        int maxCalls = busiest.calls().size();
        Map<String, Integer> busiestCalls = new TreeMap<>();
        busiest.calls().forEach(c -> busiestCalls.merge(c.operation(), 1, Integer::sum));
        int maxRate = finished.stream().mapToInt(f -> Measurements.peakPerSecond(
                f.trace().calls().stream().map(CallTrace.Call::startedAt).toList())).max().orElse(0);

        List<Long> latencies = finished.stream().flatMap(f -> f.outcome().notices().stream())
                .map(Notice::latencyMillis).toList();
        List<LockTimeline> locks = finished.stream().map(f -> f.outcome().lock()).filter(Objects::nonNull).toList();
        List<Long> gaps = handOffGaps(locks);
        Integer waiterCalls = locks.isEmpty() ? null : lockWaiterCalls(finished);

        Map<String, Integer> failures = new TreeMap<>();
        finished.stream().filter(f -> !f.outcome().succeeded()).forEach(f -> failures.merge(
                shorten(f.outcome().failure()), 1, Integer::sum));

        return new BenchRecord(strategy.name(), scenario.name(), scenario.deployers(), scenario.functions(),
                updateDelay.toMillis(), publishDelay.toMillis(), succeeded, n - succeeded,
                stats.refusals("ResourceConflictException"), stats.refusals("PreconditionFailedException"),
                stats.refusals("TooManyRequestsException"), lost, makespan.toMillis(), lowerBound.toMillis(),
                Measurements.round((double) makespan.toNanos() / lowerBound.toNanos(), 3),
                Measurements.round((double) stats.totalCalls() / n, 2), byOperation, maxCalls, busiestCalls,
                Measurements.peakPerSecond(log.stream().map(CallRecord::time).toList()),
                Measurements.peakPerSecond(log.stream().filter(c -> !"GetFunction".equals(c.operation()))
                        .map(CallRecord::time).toList()),
                maxRate, Measurements.median(gaps), gaps.isEmpty() ? null : gaps.stream().max(Long::compare).get(),
                waiterCalls, Measurements.median(latencies), Measurements.percentile(latencies, 95),
                latencies.size(), warmUp == null ? null : warmUp.notices().stream().map(Notice::latencyMillis).toList(),
                warmUp == null ? null : warmUp.apiCalls(), failures, scenario.processes(),
                peaks == null ? null : peaks.threads(), peaks == null ? null : peaks.heapMb(),
                noticesByOperation(finished));
    }

    /** @return per update operation, the median and p95 of its notice latencies */
    private static Map<String, List<Long>> noticesByOperation(List<Finished> finished) {
        Map<String, List<Long>> latencies = new TreeMap<>();
        finished.stream().flatMap(f -> f.outcome().notices().stream()).forEach(n -> latencies
                .computeIfAbsent(n.operation(), k -> new ArrayList<>()).add(n.latencyMillis()));
        Map<String, List<Long>> summary = new TreeMap<>();
        latencies.forEach((operation, values) -> summary.put(operation, List.of(Measurements.median(values),
                Measurements.percentile(values, 95))));
        return summary;
    }

    /**
     * The least time the scenario's work can take: the deployments of one function one after another, each two
     * updates and a publish ({@code deployments per function × (2 × update + publish)}: K of them for K deployers of
     * one function, one for different functions, two for a fleet deployed twice). Or, when longer, the time the
     * account's 15 req/s quota needs to admit the calls the deployments cannot do without
     * ({@link Strategy#requiredQuotaCalls()} each, a full bucket at the start: {@code (calls − 15) / 15 s}).
     */
    Duration lowerBound(Strategy strategy, Scenario scenario) {
        Duration one = updateDelay.multipliedBy(2).plus(publishDelay);
        Duration serial = one.multipliedBy(scenario.deploymentsPerFunction());
        Duration quota = Measurements.quotaTime((long) strategy.requiredQuotaCalls() * scenario.deployers(),
                QUOTA_PER_SECOND);
        return serial.compareTo(quota) >= 0 ? serial : quota;
    }

    /** @return true when the version exists and holds the deployer's code, environment and description */
    private static boolean holds(FunctionSnapshot snapshot, String version, DeploymentSpec spec) {
        if (version == null) {
            return false;
        }
        VersionSnapshot published = snapshot.versions().stream().filter(v -> v.version().equals(version))
                .findFirst().orElse(null);
        return published != null
                && spec.codeSha256().equals(published.codeSha256())
                && published.environment().entrySet().containsAll(spec.environment().entrySet())
                && spec.description().equals(published.description());
    }

    /**
     * @return for each acquisition that had to wait: the time from the previous holder's release to it. The lock is
     * exclusive, so holders follow each other in the order they acquired it; the previous holder's Released event is
     * stamped just after it let go, which can be a hair after the next holder got the lock (counted as 0).
     */
    static List<Long> handOffGaps(List<LockTimeline> locks) {
        Map<String, List<LockTimeline>> byLock = new TreeMap<>();
        locks.forEach(l -> byLock.computeIfAbsent(l.lockName(), k -> new ArrayList<>()).add(l));
        List<Long> gaps = new ArrayList<>();
        for (List<LockTimeline> holders : byLock.values()) {
            holders.sort(Comparator.comparing(LockTimeline::acquiredAt));
            for (int i = 1; i < holders.size(); i++) {
                LockTimeline previous = holders.get(i - 1);
                LockTimeline next = holders.get(i);
                if (next.waitingSince() != null && previous.releasedAt() != null) {
                    gaps.add(Math.max(0, Duration.between(previous.releasedAt(), next.acquiredAt()).toMillis()));
                }
            }
        }
        return gaps;
    }

    /** @return the calls deployments made between finding the lock taken and acquiring it */
    private static int lockWaiterCalls(List<Finished> finished) {
        int calls = 0;
        for (Finished f : finished) {
            LockTimeline lock = f.outcome().lock();
            if (lock != null && lock.waitingSince() != null) {
                calls += (int) f.trace().calls().stream().filter(c -> !c.startedAt().isBefore(lock.waitingSince())
                        && c.startedAt().isBefore(lock.acquiredAt())).count();
            }
        }
        return calls;
    }

    private static String shorten(String failure) {
        String text = String.valueOf(failure);
        return text.length() <= FAILURE_TEXT ? text : text.substring(0, FAILURE_TEXT - 1) + "…";
    }
}
