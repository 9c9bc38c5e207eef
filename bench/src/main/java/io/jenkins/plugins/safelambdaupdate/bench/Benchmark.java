package io.jenkins.plugins.safelambdaupdate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Runs every strategy in every scenario of the settings, one fresh simulator each, one after another. */
public final class Benchmark {
    private static final Duration WARM_UP_UPDATE = Duration.ofMillis(100);
    private static final Duration WARM_UP_PUBLISH = Duration.ofMillis(50);

    private final BenchSettings settings;
    private final Consumer<String> progress;

    /**
     * @param settings what to run
     * @param progress told one line per run as it ends (for stderr)
     */
    public Benchmark(BenchSettings settings, Consumer<String> progress) {
        this.settings = Objects.requireNonNull(settings, "settings cannot be null");
        this.progress = Objects.requireNonNull(progress, "progress cannot be null");
    }

    /**
     * @return the results
     * @throws InterruptedException when interrupted
     */
    public BenchReport run() throws InterruptedException {
        long started = System.nanoTime();
        Path directory = createDirectory();
        try {
            Workload workload = new Workload(directory);
            if (settings.jvmWarmUp()) {
                ScenarioRunner warmUp = new ScenarioRunner(WARM_UP_UPDATE, WARM_UP_PUBLISH, workload, settings.seed());
                for (String name : settings.strategies()) {
                    warmUp.run(Strategies.named(name), Scenario.sameFunction(1), "jvm-warmup-" + name);
                }
                progress.accept("JVM warmed up (every strategy once, unmeasured)");
            }
            List<BenchRecord> records = new ArrayList<>();
            List<Scenario> scenarios = settings.scenarios();
            boolean engine = settings.strategies().contains(Strategies.ENGINE);
            int total = 0;
            for (Scenario scenario : scenarios) {
                total += scenario.engineOnly() ? (engine ? 1 : 0) : settings.strategies().size();
            }
            for (Scenario scenario : scenarios) {
                ScenarioRunner runner = new ScenarioRunner(settings.updateDelay().multipliedBy(scenario.slower()),
                        settings.publishDelay().multipliedBy(scenario.slower()), workload, settings.seed());
                for (String name : settings.strategies()) {
                    if (scenario.engineOnly() && !Strategies.ENGINE.equals(name)) {
                        continue;
                    }
                    long t0 = System.nanoTime();
                    String runId = name + "-" + scenario.name() + "-" + scenario.deployers() + "-"
                            + scenario.processes() + "-" + scenario.slower();
                    BenchRecord record = runner.run(Strategies.forScenario(name, scenario), scenario, runId);
                    records.add(record);
                    progress.accept(String.format(Locale.ROOT, "[%d/%d] %-17s %-12s %2d/%d ok, %d lost, %.2f x LB "
                                    + "(%.1f s run)", records.size(), total, name, scenario.label(), record.succeeded(),
                            record.deployers(), record.lostUpdates(), record.makespanRatio(),
                            (System.nanoTime() - t0) / 1e9));
                }
            }
            records.sort(Comparator.comparingInt((BenchRecord r) -> settings.strategies().indexOf(r.strategy())));
            double elapsed = Math.round((System.nanoTime() - started) / 1e8) / 10.0;
            return new BenchReport(describe(), records, EngineTargets.check(records), elapsed);
        } finally {
            delete(directory);
        }
    }

    private Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("updateDelayMs", settings.updateDelay().toMillis());
        described.put("publishDelayMs", settings.publishDelay().toMillis());
        described.put("accountQuotas", "enforced by the simulator: GetFunction 100 req/s, all other calls 15 req/s");
        described.put("strategies", settings.strategies());
        described.put("sameFunctionDeployers", settings.sameFunctionCounts());
        described.put("distinctFunctions", settings.distinctFunctions());
        described.put("coldDeployers", settings.coldDeployers());
        described.put("coldSlower", BenchSettings.COLD_SLOWER);
        described.put("fleetFunctions", settings.fleetFunctions());
        described.put("fleetDeploymentsEach", BenchSettings.FLEET_EACH);
        described.put("fleetProcesses", List.of(1, BenchSettings.FLEET_PROCESSES));
        described.put("fleetThreads", ScenarioRunner.FLEET_THREADS);
        described.put("fleetBound", "max(deployments per function × (2 × update + publish), "
                + "(5 × deployments − 15) / 15 s): the work one function's deployments must do one after another, or "
                + "the time the account's 15 req/s quota needs for the 5 calls each deployment cannot do without "
                + "(UpdateFunctionCode, UpdateFunctionConfiguration, PublishVersion, GetAlias, Create/UpdateAlias), "
                + "a full bucket of 15 at the start");
        described.put("cores", Runtime.getRuntime().availableProcessors());
        described.put("java", System.getProperty("java.version"));
        return described;
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("safe-lambda-update-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // Temporary files only; the OS cleans up.
        }
    }
}
