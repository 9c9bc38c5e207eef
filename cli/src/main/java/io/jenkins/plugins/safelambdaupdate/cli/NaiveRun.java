package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.SimulatorStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The demo's first half: the burst of deployments done the naive way ({@link NaivePipeline}). */
final class NaiveRun {

    private NaiveRun() {
    }

    /**
     * What the naive burst did.
     *
     * @param outcomes one per pipeline, pipeline 1 first
     * @param start when the burst started
     * @param wall from start until the last pipeline ended
     * @param stats the simulator's counters for this burst only
     */
    record Report(List<NaivePipeline.Outcome> outcomes, Instant start, Duration wall, SimulatorStats stats) {
        /** @return how many pipelines had both calls accepted */
        long succeeded() {
            return outcomes.stream().filter(NaivePipeline.Outcome::succeeded).count();
        }

        /** @return how many pipelines ended with a 409 ResourceConflictException */
        long conflicts() {
            return outcomes.stream().filter(o -> o.failure().map(NaivePipeline.Call::conflict).orElse(false)).count();
        }
    }

    /**
     * Runs pipeline i with zips.get(i - 1) and the environment {@code BUILD=i}, all at once. Resets the simulator's
     * counters first.
     *
     * @return the report
     * @throws InterruptedException if interrupted
     */
    static Report run(LambdaSimulator simulator, NaivePipeline pipeline, Clock clock, String functionName,
                      List<DemoZip> zips) throws InterruptedException {
        simulator.reset();
        Instant start = clock.instant();
        List<NaivePipeline.Outcome> outcomes = Burst.run(zips.size(), "naive-pipeline-",
                i -> pipeline.run(functionName, zips.get(i - 1).bytes(), Map.of("BUILD", String.valueOf(i))));
        Duration wall = Duration.between(start, clock.instant());
        return new Report(outcomes, start, wall, simulator.stats());
    }
}
