package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.safelambdaupdate.simulator.CallRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * How many calls one full deployment (code, configuration, a version, the alias) makes against the simulator, with
 * the engine's real pacing (the real sleeper): at most 15, whether the deployer learned nothing (its waits guess from
 * what AWS documents, at the realistic timings and at three times slower ones) or learned the function's durations.
 * Counts, not times, are asserted; the one time asserted is a lower bound the engine's sleep guarantees. Each test has
 * its own simulator, so they run at the same time.
 */
@Execution(ExecutionMode.CONCURRENT)
class DeploymentCallBudgetTest extends SimulatorTestSupport {
    private static final int BUDGET = 15;

    @Test
    void aFirstDeploymentThatLearnedNothingStaysWithinTheBudgetAndPollsTheCodeFirstAtTheDocumentedSecond() {
        List<CallRecord> calls = firstDeployment(Duration.ofMillis(1500), Duration.ofMillis(500));

        CallRecord update = calls.stream().filter(c -> c.operation().equals("UpdateFunctionCode")).findFirst()
                .orElseThrow();
        CallRecord firstPoll = calls.get(calls.indexOf(update) + 1);
        assertThat(firstPoll.operation()).isEqualTo("GetFunction");
        assertThat(Duration.between(update.time(), firstPoll.time()))
                .as("a zip without VPC takes about 1 s (AWS): no poll before")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aFirstDeploymentAtThreeTimesSlowerTimingsStaysWithinTheBudget() {
        firstDeployment(Duration.ofMillis(4500), Duration.ofMillis(1500));
    }

    @Test
    void deploymentsThatLearnedTheFunctionStayWithinTheBudget() {
        start(Duration.ofMillis(1200), Duration.ofMillis(300));
        createFunction("fn");
        SafeLambdaDeployer learning = freshDeployer();

        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            counts.add(deploy(learning, "v" + i).size());
        }

        // How many calls learning saves is measured in bench/ (cold against learned runs, over many deployments).
        assertThat(counts).as("calls per deployment").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(BUDGET));
    }

    /** @return the calls of a deployer's first deployment of a function, checked against the budget */
    private List<CallRecord> firstDeployment(Duration updateDelay, Duration publishDelay) {
        start(updateDelay, publishDelay);
        createFunction("fn");
        List<CallRecord> calls = deploy(freshDeployer(), "v1");
        assertThat(calls).as("%s", operations(calls)).hasSizeLessThanOrEqualTo(BUDGET);
        return calls;
    }

    /** The real sleeper: waits sleep until their planned first poll. */
    private SafeLambdaDeployer freshDeployer() {
        return SafeLambdaDeployer.builder().client(client).lockProvider(locks).build();
    }

    /** @return the calls the simulator answered during one full deployment */
    private List<CallRecord> deploy(SafeLambdaDeployer deployer, String code) {
        int before = sim.callLog().size();
        DeploymentResult result = deployer.deploy(DeploymentRequest.builder().functionName("fn")
                .code(CodeSource.zipFile(zip(code))).environment(Map.of("RELEASE", code)).publish(true).alias("live")
                .build(), DeploymentListener.NONE);
        assertThat(result.codeSha256()).isEqualTo(sim.function("fn").orElseThrow().codeSha256());
        List<CallRecord> log = sim.callLog();
        return List.copyOf(log.subList(before, log.size()));
    }

    private static List<String> operations(List<CallRecord> calls) {
        return calls.stream().map(CallRecord::operation).toList();
    }
}
