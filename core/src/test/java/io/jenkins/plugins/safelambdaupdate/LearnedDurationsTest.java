package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.jenkins.plugins.safelambdaupdate.simulator.CallRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import io.jenkins.plugins.safelambdaupdate.testing.SimulatorPriors;
import org.junit.jupiter.api.Test;

/**
 * Short-lived deployers (one per Jenkins build) that share what they learned about update durations aim their polls
 * from it, where a deployer that starts from nothing guesses. How many polls that saves is measured in bench/, over
 * many deployments; here every test runs on one manual time, so what is planned shows without load in the way.
 */
class LearnedDurationsTest extends SimulatorTestSupport {

    @Test
    void aDeployerThatSharesWhatAnEarlierOneLearnedAimsItsFirstPollFromItWhereAColdOneGuesses() {
        // On one manual time, updates done at once: each wait's first poll finds the update done, so what a deployer
        // planned shows as the one sleep before that poll, without real time or load in the way.
        startOnManualTime(Duration.ZERO);
        createFunction("fn");
        LearnedDurations shared = new LearnedDurations();

        List<Duration> first = sleepsOf(deployerLearningIn(shared), "v1");
        List<Duration> warm = sleepsOf(deployerLearningIn(shared), "v2");
        List<Duration> cold = sleepsOf(deployerLearningIn(new LearnedDurations()), "v3");

        assertThat(first).as("nothing learned: AWS's documented first second").containsExactly(Duration.ofSeconds(1));
        assertThat(cold).isEqualTo(first);
        assertThat(warm).as("the first deployer saw it done by 1 s: the next one probes inside that")
                .singleElement().satisfies(sleep -> assertThat(sleep).isPositive().isLessThan(Duration.ofSeconds(1)));
        assertThat(sim.function("fn").orElseThrow().codeSha256()).isEqualTo(SimulatedAws.sha256(zip("v3")));
    }

    @Test
    void aDeployerStartingFromTheSimulatorsPriorsPollsJustAfterItsDelay() {
        // What the other tests on the simulator's real time rely on (SimulatorTestSupport, the CLI's harness).
        startOnManualTime(Duration.ofMillis(100));
        createFunction("fn");

        List<Duration> sleeps = sleepsOf(deployerLearningIn(SimulatorPriors.of(dir, Duration.ofMillis(100),
                Duration.ofMillis(50))), "v1");

        assertThat(sleeps).as("the middle of [100 ms, 130 ms], not AWS's second")
                .containsExactly(Duration.ofMillis(115));
    }

    @Test
    void whatWasLearnedSurvivesARoundTripThroughAFileAndADamagedFileIsIgnored() throws Exception {
        startOnManualTime(Duration.ZERO);
        createFunction("fn");
        LearnedDurations first = new LearnedDurations();
        deployerLearningIn(first).deploy(DeploymentRequest.builder().functionName("fn").code(CodeSource.zipFile(
                zip("v1"))).environment(Map.of("RELEASE", "first-secret")).build(), DeploymentListener.NONE);
        Path file = dir.resolve("state").resolve("learned-durations.properties");
        first.saveTo(file);

        Properties saved = load(file);
        assertThat(saved.stringPropertyNames()).contains("arn:aws:lambda:us-east-1:123456789012:function:fn|code");
        assertThat(Files.readString(file)).doesNotContain("first-secret");
        LearnedDurations loaded = LearnedDurations.loadFrom(file);
        Path again = dir.resolve("again.properties");
        loaded.saveTo(again);
        assertThat(load(again)).as("saved again unchanged").isEqualTo(saved);
        List<Duration> fromFile = sleepsOf(deployerLearningIn(loaded), "v2");
        List<Duration> fromMemory = sleepsOf(deployerLearningIn(first), "v3");
        assertThat(fromFile).as("a deployer that loaded the file plans as one sharing the original")
                .isEqualTo(fromMemory).singleElement().satisfies(sleep -> assertThat(sleep)
                        .isLessThan(Duration.ofSeconds(1)));

        Files.writeString(file, "not=a number\n\u0000garbage");
        assertThatCode(() -> LearnedDurations.loadFrom(file)).doesNotThrowAnyException();
        assertThatCode(() -> LearnedDurations.loadFrom(dir.resolve("missing.properties"))).doesNotThrowAnyException();
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).as("no temporary file left behind").hasSize(1);
        }
    }

    @Test
    void aLearnedDurationLongerThanTheDeadlineNeverFailsADeploymentThatFinishedInTime() throws Exception {
        startOnManualTime(Duration.ofMillis(200));
        String arn = createFunction("fn");
        // Learned elsewhere: this function's updates took 6 s; now they take 200 ms, and the deadline is 3 s.
        LearnedDurations learned = learnedCodeUpdate(arn, Duration.ofSeconds(6));

        DeploymentResult result = deployerLearningIn(learned).deploy(DeploymentRequest.builder().functionName("fn")
                .code(CodeSource.zipFile(zip("v2"))).deadline(Duration.ofSeconds(3)).build(), DeploymentListener.NONE);

        assertThat(result.codeSha256()).isEqualTo(sim.function("fn").orElseThrow().codeSha256());
        assertThat(time.sleeps()).as("the aimed first poll takes at most half the time left").containsExactly(
                Duration.ofMillis(1500));
    }

    @Test
    void aWaitSleepsOnceOnTheEngineTimeUntilTheLearnedCompletionAndItsFirstPollFindsTheUpdateDone() throws Exception {
        startOnManualTime(Duration.ofSeconds(5));
        String arn = createFunction("fn");
        LearnedDurations learned = learnedCodeUpdate(arn, Duration.ofSeconds(6));
        Events events = new Events();

        deployerLearningIn(learned).deploy(DeploymentRequest.builder().functionName("fn")
                .code(CodeSource.zipFile(zip("v2"))).build(), events);

        // Ten minutes' worth of such waits would take no real time either: every engine sleep is on the manual time.
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(6));
        Instant start = time.now().minusSeconds(6);
        assertThat(sim.callLog()).filteredOn(call -> call.operation().equals("GetFunction"))
                .extracting(CallRecord::time)
                .as("resolved at the start; polled once, at the learned completion; verified")
                .containsExactly(start, start.plusSeconds(6), start.plusSeconds(6));
        assertThat(events.of(DeploymentEvent.Confirmed.class)).singleElement()
                .extracting(DeploymentEvent.Confirmed::took).as("timed once, on the engine's time")
                .isEqualTo(Duration.ofSeconds(6));
    }

    /** @return durations loaded from a file that says this function's code updates took {@code took} */
    private LearnedDurations learnedCodeUpdate(String arn, Duration took) throws Exception {
        Path file = dir.resolve("learned-durations.properties");
        // Learned as format 3 saves it: the last wait's bounds (its last unfinished and its finished poll), 10 ms apart.
        Files.writeString(file, "format=3\n" + arn.replace(":", "\\:") + "|code=" + (took.toMillis() - 10) + "\\:"
                + took.toMillis() + "\n");
        return LearnedDurations.loadFrom(file);
    }

    private SafeLambdaDeployer deployerLearningIn(LearnedDurations durations) {
        // Real time (or the manual time of the test): the wait's first poll is aimed at the learned completion time.
        return SafeLambdaDeployer.builder().client(client).lockProvider(locks).learnedDurations(durations)
                .timeSource(time == null ? TimeSource.system() : time).build();
    }

    /** @return the engine's sleeps in one code-only deployment of {@code code} (one wait: the code update's) */
    private List<Duration> sleepsOf(SafeLambdaDeployer deployer, String code) {
        int before = time.sleeps().size();
        deployer.deploy(DeploymentRequest.builder().functionName("fn").code(CodeSource.zipFile(zip(code))).build(),
                DeploymentListener.NONE);
        List<Duration> sleeps = time.sleeps();
        return List.copyOf(sleeps.subList(before, sleeps.size()));
    }

    private static Properties load(Path file) throws Exception {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
