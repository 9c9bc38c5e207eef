package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Short-lived deployers (one per Jenkins build) that share what they learned about update durations poll less
 * than a deployer that starts from nothing.
 */
class LearnedDurationsTest extends SimulatorTestSupport {

    @Test
    void aDeployerThatSharesWhatAnEarlierOneLearnedPollsLessThanAColdOne() {
        start(Duration.ofMillis(800));
        createFunction("fn");
        LearnedDurations shared = new LearnedDurations();

        deployerLearningIn(shared).deploy(request("v1", "first"), DeploymentListener.NONE);
        DeploymentResult warm = deployerLearningIn(shared).deploy(request("v2", "second"), DeploymentListener.NONE);
        DeploymentResult cold = deployerLearningIn(new LearnedDurations())
                .deploy(request("v3", "third"), DeploymentListener.NONE);

        assertThat(warm.apiCalls().get("GetFunction"))
                .as("GetFunction polls of a deployer with shared learning (cold one: %s)", cold.apiCalls())
                .isLessThan(cold.apiCalls().get("GetFunction"));
        assertThat(sim.function("fn").orElseThrow().codeSha256()).isEqualTo(cold.codeSha256());
    }

    private SafeLambdaDeployer deployerLearningIn(LearnedDurations durations) {
        // The real sleeper: the wait's first poll is aimed at the learned completion time.
        return SafeLambdaDeployer.builder().client(client).lockProvider(locks).learnedDurations(durations).build();
    }

    private DeploymentRequest request(String code, String release) {
        return DeploymentRequest.builder().functionName("fn").code(CodeSource.zipFile(zip(code)))
                .environment(Map.of("RELEASE", release)).build();
    }
}
