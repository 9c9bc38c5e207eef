package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Each phase has its own {@code conflictRetries}: the code phase spending all of them leaves the configuration
 * phase its full count, and the phase that runs out is the one the failure names. On manual time, with updates that
 * end at once: the engine's backoff takes no real time.
 */
@Execution(ExecutionMode.CONCURRENT) // each test starts its own simulator, client, locks and deployer
class PhaseRetryBudgetsTest extends SimulatorTestSupport {
    private static final int RETRIES = 3;

    /**
     * Fails every call with a server error (500) from a phase's first submission until that phase's retry number
     * {@code until}, once per phase; the rest of the deployment runs without faults. (Server errors, not throttling:
     * a throttled call (Retry-After: 1) costs about a real second, outside the engine's time.)
     */
    private DeploymentListener failingCalls(Events events, Map<Phase, Integer> until) {
        Map<Phase, Boolean> started = new EnumMap<>(Phase.class);
        return event -> {
            events.onEvent(event);
            if (event instanceof DeploymentEvent.Submitted s && until.containsKey(s.phase())
                    && started.putIfAbsent(s.phase(), true) == null) {
                sim.faults().errorRate(1.0);
            } else if (event instanceof DeploymentEvent.Retrying r && r.attempt() == until.getOrDefault(r.phase(), 0)) {
                sim.faults().clear();
            }
        };
    }

    private DeploymentRequest.Builder codeAndEnvironment(Path zip) {
        return DeploymentRequest.builder().functionName("fn").code(CodeSource.zipFile(zip))
                .environment(Map.of("STAGE", "prod")).publish(true).conflictRetries(RETRIES);
    }

    @Test
    void codeAndConfigurationEachGetTheirFullRetries() {
        startOnManualTime(Duration.ZERO);
        createFunction("fn");
        Path zip = zip("v1");
        Events events = new Events();

        DeploymentResult result = deployer.deploy(codeAndEnvironment(zip).build(),
                failingCalls(events, Map.of(Phase.CODE, RETRIES, Phase.CONFIGURATION, RETRIES)));

        assertThat(result.retries()).extracting(Retry::phase, Retry::attempt).containsExactly(
                retry(Phase.CODE, 1), retry(Phase.CODE, 2), retry(Phase.CODE, 3),
                retry(Phase.CONFIGURATION, 1), retry(Phase.CONFIGURATION, 2), retry(Phase.CONFIGURATION, 3));
        assertThat(result.retries()).extracting(Retry::cause).containsOnly(RetryCause.SERVER_ERROR);
        assertThat(events.of(DeploymentEvent.Retrying.class)).hasSameSizeAs(result.retries());
        VersionSnapshot published = version("fn", result.version().orElseThrow());
        assertThat(published.codeSha256()).isEqualTo(SimulatedAws.sha256(zip));
        assertThat(published.environment()).containsEntry("STAGE", "prod");
    }

    @Test
    void aPhaseThatOutlastsItsRetriesFailsNamingIt() {
        startOnManualTime(Duration.ZERO);
        String arn = createFunction("fn");
        Path zip = zip("v1");
        Events events = new Events();
        try {
            assertThatThrownBy(() -> deployer.deploy(codeAndEnvironment(zip).build(),
                    failingCalls(events, Map.of(Phase.CODE, RETRIES, Phase.CONFIGURATION,
                            Integer.MAX_VALUE))))
                    .isInstanceOfSatisfying(DeploymentException.class, e -> {
                        assertThat(e.failure()).isEqualTo(FailureKind.AWS_ERROR);
                        assertThat(e.getMessage()).startsWith("Gave up on the configuration phase after " + RETRIES
                                + " retries (AWS kept answering with server errors; last: ServiceException");
                    });
        } finally {
            sim.faults().clear();
        }

        List<DeploymentEvent.Retrying> retries = events.of(DeploymentEvent.Retrying.class);
        assertThat(retries).extracting(DeploymentEvent.Retrying::phase, DeploymentEvent.Retrying::attempt)
                .containsExactly(retry(Phase.CODE, 1), retry(Phase.CODE, 2), retry(Phase.CODE, 3),
                        retry(Phase.CONFIGURATION, 1), retry(Phase.CONFIGURATION, 2), retry(Phase.CONFIGURATION, 3));
        assertThat(sim.function("fn").orElseThrow().latest().codeSha256()).as("the code phase had succeeded")
                .isEqualTo(SimulatedAws.sha256(zip));
        assertThat(sim.function("fn").orElseThrow().latest().environment()).doesNotContainKey("STAGE");
        assertThat(locks.isFree(arn)).isTrue();
    }

    @Test
    void aDeadlineThatPassesWhileAPhaseRetriesNamesThatPhaseAndWhyItRetried() {
        startOnManualTime(Duration.ZERO);
        createFunction("fn");
        Events events = new Events();
        try {
            assertThatThrownBy(() -> deployer.deploy(codeAndEnvironment(zip("v1")).conflictRetries(100)
                    .deadline(Duration.ofSeconds(20)).build(), failingCalls(events, Map.of(Phase.CODE, RETRIES,
                    Phase.CONFIGURATION, Integer.MAX_VALUE))))
                    .isInstanceOfSatisfying(DeploymentException.class, e -> {
                        assertThat(e.failure()).isEqualTo(FailureKind.DEADLINE_EXCEEDED);
                        // The configuration phase's own reason, not the code phase's (which had retried too).
                        assertThat(e.getMessage()).startsWith("Deadline of 20.0 s exceeded during the configuration "
                                + "phase").contains("(after retries because of server errors (last: ServiceException");
                    });
        } finally {
            sim.faults().clear();
        }
        assertThat(events.of(DeploymentEvent.Retrying.class)).extracting(DeploymentEvent.Retrying::phase)
                .startsWith(Phase.CODE, Phase.CODE, Phase.CODE, Phase.CONFIGURATION).endsWith(Phase.CONFIGURATION);
    }

    private static Tuple retry(Phase phase, int attempt) {
        return tuple(phase, attempt);
    }
}
