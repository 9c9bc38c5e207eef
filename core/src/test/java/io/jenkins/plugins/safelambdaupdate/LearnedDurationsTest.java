package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Short-lived deployers (one per Jenkins build) that share what they learned about update durations poll less
 * than a deployer that starts from nothing.
 */
class LearnedDurationsTest extends SimulatorTestSupport {

    @Test
    void aDeployerThatSharesWhatAnEarlierOneLearnedPollsLessThanAColdOne() {
        start(Duration.ofMillis(1200));
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

    @Test
    void whatWasLearnedSurvivesARoundTripThroughAFileAndADamagedFileIsIgnored() throws Exception {
        start(Duration.ofMillis(1200));
        createFunction("fn");
        LearnedDurations first = new LearnedDurations();
        deployerLearningIn(first).deploy(request("v1", "first"), DeploymentListener.NONE);
        Path file = dir.resolve("state").resolve("learned-durations.properties");
        first.saveTo(file);

        Properties saved = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            saved.load(in);
        }
        assertThat(saved.stringPropertyNames()).contains("arn:aws:lambda:us-east-1:123456789012:function:fn|code");
        assertThat(Files.readString(file)).doesNotContain("first");
        DeploymentResult warm = deployerLearningIn(LearnedDurations.loadFrom(file))
                .deploy(request("v2", "second"), DeploymentListener.NONE);
        DeploymentResult cold = deployerLearningIn(new LearnedDurations())
                .deploy(request("v3", "third"), DeploymentListener.NONE);
        assertThat(warm.apiCalls().get("GetFunction"))
                .as("GetFunction polls of a deployer that loaded the file (cold one: %s)", cold.apiCalls())
                .isLessThan(cold.apiCalls().get("GetFunction"));

        Files.writeString(file, "not=a number\n\u0000garbage");
        assertThatCode(() -> LearnedDurations.loadFrom(file)).doesNotThrowAnyException();
        assertThatCode(() -> LearnedDurations.loadFrom(dir.resolve("missing.properties"))).doesNotThrowAnyException();
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).as("no temporary file left behind").hasSize(1);
        }
    }

    @Test
    void aLearnedDurationLongerThanTheDeadlineNeverFailsADeploymentThatFinishedInTime() throws Exception {
        start(Duration.ofMillis(200));
        String arn = createFunction("fn");
        Path file = dir.resolve("learned-durations.properties");
        // Learned elsewhere: this function's updates took 6 s; now they take 200 ms, and the deadline is 3 s.
        Files.writeString(file, "format=3\n" + arn.replace(":", "\\:") + "|code=5990\\:6000\n");
        LearnedDurations learned = LearnedDurations.loadFrom(file);

        DeploymentResult result = deployerLearningIn(learned).deploy(DeploymentRequest.builder().functionName("fn")
                .code(CodeSource.zipFile(zip("v2"))).deadline(Duration.ofSeconds(3)).build(), DeploymentListener.NONE);

        assertThat(result.codeSha256()).isEqualTo(sim.function("fn").orElseThrow().codeSha256());
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
