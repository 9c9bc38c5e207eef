package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.simulator.CallRecord;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Starts a simulator per test with short timings, a deployer over a real SDK client, and a test lock provider. */
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

    void start(Duration updateDelay) {
        start(updateDelay, Duration.ofMillis(100));
    }

    void start(Duration updateDelay, Duration publishDelay) {
        sim = LambdaSimulator.builder().createDelay(Duration.ofMillis(200)).updateDelay(updateDelay)
                .publishDelay(publishDelay).start();
        recorder = new SimulatedAws.RequestRecorder();
        client = SimulatedAws.client(sim, recorder);
        foreign = SimulatedAws.client(sim);
        locks = new TestLocks();
        deployer = SafeLambdaDeployer.builder().client(client).lockProvider(locks)
                // the engine's retry backoff stays real but short in tests
                .sleeper(d -> Thread.sleep(Math.min(d.toMillis(), 20)))
                .build();
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
