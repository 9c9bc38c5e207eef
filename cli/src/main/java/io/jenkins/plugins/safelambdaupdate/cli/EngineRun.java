package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.SimulatorStats;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The demo's second half: the same burst through the engine, each deployment publishing a version. */
final class EngineRun {

    private EngineRun() {
    }

    /**
     * What one pipeline's deployment did.
     *
     * @param pipeline 1 to n
     * @param zip the code it deployed
     * @param result the result, or null when it failed
     * @param failure the failure, or null when it succeeded
     * @param acquired when it acquired the function lock, or null when it never did
     * @param released when it released the lock, or null when it never held it
     * @param waited how long it waited for the lock
     * @param retries how many retries the engine reported
     */
    record Pipeline(int pipeline, DemoZip zip, DeploymentResult result, DeploymentException failure,
                    Instant acquired, Instant released, Duration waited, int retries) {
        /** @return true when the deployment succeeded */
        boolean succeeded() {
            return result != null;
        }

        /** @return the published version, or null */
        String version() {
            return result == null ? null : result.version().orElse(null);
        }
    }

    /**
     * What the engine burst did.
     *
     * @param pipelines one per pipeline, pipeline 1 first
     * @param start when the burst started
     * @param wall from start until the last deployment ended
     * @param stats the simulator's counters for this burst only
     */
    record Report(List<Pipeline> pipelines, Instant start, Duration wall, SimulatorStats stats) {
        /** @return how many deployments succeeded */
        long succeeded() {
            return pipelines.stream().filter(Pipeline::succeeded).count();
        }

        /** @return how many deployments failed after running out of conflict retries */
        long conflicts() {
            return pipelines.stream().filter(p -> p.failure() != null
                    && p.failure().failure() == FailureKind.CONFLICT_RETRIES_EXHAUSTED).count();
        }
    }

    /**
     * Deploys zipFiles.get(i - 1) with {@code BUILD=i} and publishes a version, for every pipeline i at once, through
     * one deployer. Resets the simulator's counters first.
     *
     * @return the report
     * @throws InterruptedException if interrupted
     */
    static Report run(LambdaSimulator simulator, SafeLambdaDeployer deployer, Clock clock, String functionName,
                      List<DemoZip> zips, List<Path> zipFiles) throws InterruptedException {
        simulator.reset();
        Instant start = clock.instant();
        List<Pipeline> pipelines = Burst.run(zips.size(), "pipeline-",
                i -> deploy(deployer, functionName, i, zips.get(i - 1), zipFiles.get(i - 1)));
        Duration wall = Duration.between(start, clock.instant());
        return new Report(pipelines, start, wall, simulator.stats());
    }

    private static Pipeline deploy(SafeLambdaDeployer deployer, String functionName, int pipeline, DemoZip zip,
                                   Path zipFile) {
        DeploymentRequest request = DeploymentRequest.builder()
                .functionName(functionName)
                .code(CodeSource.zipFile(zipFile))
                .environment(Map.of("BUILD", String.valueOf(pipeline)))
                .publish(true)
                .build();
        LockEvents lock = new LockEvents();
        try {
            DeploymentResult result = deployer.deploy(request, lock);
            return new Pipeline(pipeline, zip, result, null, lock.acquired, lock.released, lock.waited, lock.retries);
        } catch (DeploymentException e) {
            return new Pipeline(pipeline, zip, null, e, lock.acquired, lock.released, lock.waited, lock.retries);
        }
    }

    /** Keeps what the timeline needs from one deployment's events; used on the deploying thread only. */
    private static final class LockEvents implements DeploymentListener {
        Instant acquired;
        Instant released;
        Duration waited = Duration.ZERO;
        int retries;

        @Override
        public void onEvent(DeploymentEvent event) {
            if (event instanceof DeploymentEvent.LockAcquired e) {
                acquired = e.at();
                waited = e.waited();
            } else if (event instanceof DeploymentEvent.Released e) {
                released = e.at();
            } else if (event instanceof DeploymentEvent.Retrying) {
                retries++;
            }
        }
    }
}
