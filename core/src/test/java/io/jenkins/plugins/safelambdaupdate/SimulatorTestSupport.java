package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.simulator.CallRecord;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import io.jenkins.plugins.safelambdaupdate.testing.ManualTimeSource;
import io.jenkins.plugins.safelambdaupdate.testing.ShortSleeps;
import io.jenkins.plugins.safelambdaupdate.testing.SimulatorPriors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Starts a simulator per test with short timings, a deployer over a real SDK client, and a test lock provider; either
 * on real time with its deployer starting from the simulator's timings ({@link SimulatorPriors}: its first polls
 * come just after the simulator's delays) and its sleeps cut to at most 250 ms ({@link ShortSleeps#FOR_SIMULATOR}:
 * retry backoff, the first poll of a wait aimed over 250 ms) ({@link #start}), or with the simulator, the deployer and the locks
 * all on one manual time ({@link #startOnManualTime}), where the engine's own waiting (retry backoff, the aimed first
 * poll, deadlines, lock timeouts) takes no real time.
 */
abstract class SimulatorTestSupport {
    static final Set<String> MUTATIONS = Set.of("UpdateFunctionCode", "UpdateFunctionConfiguration", "PublishVersion",
            "CreateAlias", "UpdateAlias", "CreateFunction");

    @TempDir
    Path dir;

    LambdaSimulator sim;
    SimulatedAws.RequestRecorder recorder;
    LambdaClient client;
    LambdaClient foreign;
    TestLocks locks;
    SafeLambdaDeployer deployer;
    /** The time of the simulator, the deployer and the locks after {@link #startOnManualTime}, else null. */
    ManualTimeSource time;

    void start(Duration updateDelay) {
        start(updateDelay, Duration.ofMillis(100));
    }

    void start(Duration updateDelay, Duration publishDelay) {
        start(LambdaSimulator.builder().createDelay(Duration.ofMillis(200)).updateDelay(updateDelay)
                .publishDelay(publishDelay), new TestLocks(), ShortSleeps.FOR_SIMULATOR,
                SimulatorPriors.of(dir, updateDelay, publishDelay));
    }

    /**
     * Everything on one manual time: the simulator's updates finish when the engine's own sleeps (or the test) move
     * the time past them. A wait that would poll the SDK waiter more than once would poll forever, so tests using it
     * aim the first poll past the update (a learned duration) or never wait for an update.
     */
    void startOnManualTime(Duration updateDelay) {
        time = new ManualTimeSource();
        start(LambdaSimulator.builder().clock(time.asClock()).createDelay(Duration.ZERO).updateDelay(updateDelay)
                .publishDelay(Duration.ZERO), new TestLocks(time), time, new LearnedDurations());
    }

    private void start(LambdaSimulator.Builder simulator, TestLocks testLocks, TimeSource timeSource,
                       LearnedDurations learned) {
        sim = simulator.start();
        recorder = new SimulatedAws.RequestRecorder();
        client = SimulatedAws.client(sim, recorder);
        foreign = SimulatedAws.client(sim);
        locks = testLocks;
        deployer = SafeLambdaDeployer.builder().client(client).lockProvider(locks).timeSource(timeSource)
                .learnedDurations(learned).build();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
            foreign.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    String createFunction(String name) {
        return sim.createFunction(name, SimulatedAws.zip(name + "-initial")).functionArn();
    }

    Path zip(String content) {
        return SimulatedAws.zipFile(dir, content);
    }

    VersionSnapshot version(String function, String version) {
        return sim.function(function).orElseThrow().versions().stream()
                .filter(v -> v.version().equals(version)).findFirst().orElseThrow();
    }

    List<String> mutationsLogged() {
        List<String> result = new ArrayList<>();
        for (CallRecord call : sim.callLog()) {
            if (MUTATIONS.contains(call.operation())) {
                result.add(call.operation());
            }
        }
        return result;
    }

    /** Collects events; thread-safe. */
    static final class Events implements DeploymentListener {
        private final List<DeploymentEvent> events = new ArrayList<>();

        @Override
        public synchronized void onEvent(DeploymentEvent event) {
            events.add(event);
        }

        synchronized List<DeploymentEvent> all() {
            return List.copyOf(events);
        }

        <T extends DeploymentEvent> List<T> of(Class<T> type) {
            List<T> result = new ArrayList<>();
            for (DeploymentEvent e : all()) {
                if (type.isInstance(e)) {
                    result.add(type.cast(e));
                }
            }
            return result;
        }

        List<String> kinds() {
            List<String> result = new ArrayList<>();
            for (DeploymentEvent e : all()) {
                result.add(e.getClass().getSimpleName());
            }
            return result;
        }
    }
}
