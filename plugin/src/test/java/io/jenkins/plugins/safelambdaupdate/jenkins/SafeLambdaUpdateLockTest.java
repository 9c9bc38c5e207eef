package io.jenkins.plugins.safelambdaupdate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.sun.net.httpserver.HttpServer;
import hudson.model.Result;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The function lock across builds: serialization of one function, independence of two, aborts while waiting for the
 * lock and while waiting for an update, the {@code lock} step around the step, and {@code lock: false}. The
 * simulator's clock is stopped while a test looks at who holds what, so updates in progress stay in progress.
 */
@WithJenkins
@Timeout(180) // a test waiting for a build that never comes fails instead of hanging the run
class SafeLambdaUpdateLockTest {
    private final Simulated.StoppableClock clock = new Simulated.StoppableClock();
    private LambdaSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = Simulated.start(clock);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    /** A job deploying {@code BUILD=<build number>} to {@code function}. */
    private WorkflowJob deployJob(JenkinsRule j, String name, String function) throws Exception {
        Simulated.addCredentials();
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(Simulated.step(sim, function,
                "environment: [\"BUILD=${env.BUILD_NUMBER}\"]"), true));
        return p;
    }

    @Test
    void twoBuildsDeployingOneFunctionAreSerializedAndBothSucceed(JenkinsRule j) throws Exception {
        String arn = Simulated.function(sim, "orders");
        WorkflowJob p = deployJob(j, "deploy", "orders");
        clock.stop();

        WorkflowRun first = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("[safeLambdaUpdate] Updating configuration", first);
        WorkflowRun second = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("[safeLambdaUpdate] Waiting for lock " + arn + " held by " + first.getFullDisplayName(),
                second);
        assertEquals(first, Simulated.holder(arn));
        clock.restart();

        j.assertBuildStatusSuccess(j.waitForCompletion(first));
        j.assertBuildStatusSuccess(j.waitForCompletion(second));
        j.assertLogContains("[safeLambdaUpdate] Lock acquired after", second);
        assertEquals(0, sim.stats().refusals("ResourceConflictException"), "serialized: Lambda never saw two writers");
        assertEquals(Map.of("BUILD", "2"), sim.function("orders").orElseThrow().latest().environment());
        assertNull(Simulated.resource(arn), "released, and the ephemeral resource removed");
    }

    @Test
    void buildsDeployingDifferentFunctionsRunSideBySide(JenkinsRule j) throws Exception {
        String a = Simulated.function(sim, "fn-a");
        String b = Simulated.function(sim, "fn-b");
        WorkflowJob pa = deployJob(j, "deploy-a", "fn-a");
        WorkflowJob pb = deployJob(j, "deploy-b", "fn-b");
        clock.stop();

        WorkflowRun ra = pa.scheduleBuild2(0).waitForStart();
        WorkflowRun rb = pb.scheduleBuild2(0).waitForStart();
        j.waitForMessage("[safeLambdaUpdate] Updating configuration", ra);
        j.waitForMessage("[safeLambdaUpdate] Updating configuration", rb);
        assertEquals(ra, Simulated.holder(a), "both updates are in progress at once, each under its own lock");
        assertEquals(rb, Simulated.holder(b));
        clock.restart();

        j.assertBuildStatusSuccess(j.waitForCompletion(ra));
        j.assertBuildStatusSuccess(j.waitForCompletion(rb));
        j.assertLogNotContains("Waiting for lock", ra);
        j.assertLogNotContains("Waiting for lock", rb);
    }

    @Test
    void abortWhileWaitingForTheLockLeavesTheQueueAndTheNextBuildProceeds(JenkinsRule j) throws Exception {
        String arn = Simulated.function(sim, "orders");
        WorkflowJob p = deployJob(j, "deploy", "orders");
        clock.stop();

        WorkflowRun holder = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("[safeLambdaUpdate] Updating configuration", holder);
        WorkflowRun waiter = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("[safeLambdaUpdate] Waiting for lock " + arn, waiter);
        waiter.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(waiter));
        j.assertLogNotContains("[safeLambdaUpdate] Lock acquired", waiter);
        assertEquals(holder, Simulated.holder(arn), "the holder is undisturbed");
        clock.restart();
        j.assertBuildStatusSuccess(j.waitForCompletion(holder));

        WorkflowRun next = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        j.assertLogNotContains("Waiting for lock", next);
        assertEquals(Map.of("BUILD", "3"), sim.function("orders").orElseThrow().latest().environment());
    }

    @Test
    void abortWhileWaitingForAnUpdateReleasesTheLockAndTheNextBuildProceeds(JenkinsRule j) throws Exception {
        String arn = Simulated.function(sim, "orders");
        WorkflowJob p = deployJob(j, "deploy", "orders");
        clock.stop();

        WorkflowRun aborted = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("[safeLambdaUpdate] Updating configuration", aborted);
        WorkflowRun next = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("[safeLambdaUpdate] Waiting for lock " + arn + " held by " + aborted.getFullDisplayName(),
                next);
        aborted.getExecutor().interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(aborted));
        j.assertLogNotContains("[safeLambdaUpdate] Configuration update confirmed", aborted);
        // Before the build ended, the log said what the deployment left, and that the lock was released.
        j.assertLogContains("(INTERRUPTED)", aborted);
        j.assertLogContains("function left in", aborted);
        j.assertLogContains("[safeLambdaUpdate] Lock released after", aborted);
        // the lock passed to the next build, which now waits for the aborted build's update to end
        j.waitForMessage("[safeLambdaUpdate] Lock acquired after", next);
        assertEquals(next, Simulated.holder(arn));
        clock.restart();

        j.assertBuildStatusSuccess(j.waitForCompletion(next));
        assertEquals(0, sim.stats().refusals("ResourceConflictException"), "the next build let the update settle");
        assertEquals(Map.of("BUILD", "2"), sim.function("orders").orElseThrow().latest().environment());
        assertNull(Simulated.resource(arn));
    }

    /**
     * "Terminate" ends the step without an abort (its context fails, stop() is never called): the deployment notices
     * at its next event (here the wait's "still waiting", every 5 s) and stops as for an abort, so it makes no further
     * change after the build ended and lockable-resources freed the function for others.
     */
    @Test
    void terminateStopsTheDeploymentBeforeItChangesAnythingMore(JenkinsRule j) throws Exception {
        Simulated.function(sim, "orders");
        Simulated.addCredentials();
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition(Simulated.step(sim, "orders", "environment: ['A=1'], publish: true"),
                true));
        ThreadPoolExecutor deployThreads = (ThreadPoolExecutor) DeployExecutor.get();
        clock.stop();

        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("[safeLambdaUpdate] Updating configuration", b);
        b.doTerm();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        for (int i = 0; i < 300 && deployThreads.getActiveCount() > 0; i++) {
            Thread.sleep(100); // the deployment notices within one "still waiting" (5 s)
        }
        assertEquals(0, deployThreads.getActiveCount(), "the deployment stopped");
        clock.restart(); // the configuration update, already submitted, ends: nothing follows it

        assertEquals(0, sim.stats().calls("PublishVersion"), "nothing published after the step ended");
        assertEquals(Map.of("A", "1"), sim.function("orders").orElseThrow().latest().environment());
    }

    @Test
    void insideALockStepOnTheSameFunctionDoesNotLockAgain(JenkinsRule j) throws Exception {
        Simulated.addCredentials();
        String arn = Simulated.function(sim, "orders");
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition("lock(resource: '" + arn + "') {\n"
                + "  " + Simulated.step(sim, "orders", "environment: ['A=1'], deadlineMinutes: 1") + "\n"
                + "  echo 'still inside the lock'\n"
                + "}", true));

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        j.assertLogContains("[safeLambdaUpdate] Not locking " + arn + ": this build already holds it (lock step)", b);
        j.assertLogNotContains("Waiting for lock", b);
        j.assertLogNotContains("[safeLambdaUpdate] Lock acquired", b);
        j.assertLogNotContains("[safeLambdaUpdate] Lock released", b);
        j.assertLogContains("still inside the lock", b);
        assertEquals(Map.of("A", "1"), sim.function("orders").orElseThrow().latest().environment());
    }

    @Test
    void lockFalseTakesNoLock(JenkinsRule j) throws Exception {
        Simulated.addCredentials();
        String arn = Simulated.function(sim, "orders");
        WorkflowRun holder = Simulated.holdWithALockStep(j, arn);

        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition(Simulated.step(sim, "orders", "environment: ['A=1'], lock: false"), true));
        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        j.assertLogNotContains("Waiting for lock", b);
        j.assertLogNotContains("already holds", b);
        j.assertLogContains("[safeLambdaUpdate] Not locking " + arn + ": lock: false", b);
        j.assertLogNotContains("[safeLambdaUpdate] Lock acquired", b);
        j.assertLogNotContains("[safeLambdaUpdate] Lock released", b);
        assertEquals(holder, Simulated.holder(arn), "the other build's lock was neither taken nor released");
        SemaphoreStep.success("hold/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(holder));
    }

    /**
     * With a DynamoDB lock table set for the controller, the step also takes the DynamoDB lock after its lockable
     * resource: here the endpoint given for DynamoDB is the Lambda simulator's, which refuses DynamoDB's calls, so the
     * deployment stops in the lock phase naming the table (lock unavailable) and nothing is sent to Lambda; a step
     * that opts out deploys.
     */
    @Test
    void aControllerWideDynamoDbTableIsTakenAfterTheLockableResourceUnlessTheStepOptsOut(JenkinsRule j)
            throws Exception {
        Simulated.addCredentials();
        Simulated.function(sim, "orders");
        SafeLambdaUpdateConfiguration config = SafeLambdaUpdateConfiguration.get();
        config.setLockTable("safe-lambda-update-locks");
        config.setLockRegion(sim.region());
        config.setLockEndpointUrl(sim.endpoint().toString()); // no DynamoDB there: the lock cannot be had
        long updatesBefore = sim.stats().calls("UpdateFunctionConfiguration");

        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition(Simulated.step(sim, "orders", "environment: ['A=1']"), true));
        WorkflowRun locked = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("LOCK_UNAVAILABLE", locked);
        j.assertLogContains("lock table 'safe-lambda-update-locks'", locked);
        j.assertLogNotContains("Updating configuration", locked);
        assertEquals(updatesBefore, sim.stats().calls("UpdateFunctionConfiguration"));

        WorkflowJob optOut = j.createProject(WorkflowJob.class, "deploy-here-only");
        optOut.setDefinition(new CpsFlowDefinition(Simulated.step(sim, "orders",
                "environment: ['A=2'], crossHostLock: false"), true));
        j.assertBuildStatusSuccess(optOut.scheduleBuild2(0));
        assertEquals(Map.of("A", "2"), sim.function("orders").orElseThrow().latest().environment());
    }

    /**
     * The settings' own lock credentials are the administrator's: a job cannot have requests signed with them sent to
     * an endpoint it names (AWS_ENDPOINT_URL_DYNAMODB in its environment), which would receive the access key id and
     * replayable signed requests. With the step's own credentials, the job's endpoint is used: it signs with its own.
     */
    @Test
    void theAdministratorsLockCredentialsNeverGoToAnEndpointTheJobNames(JenkinsRule j) throws Exception {
        Simulated.addCredentials();
        SystemCredentialsProvider.getInstance().getCredentials().add(new AWSCredentialsImpl(CredentialsScope.GLOBAL,
                "lock-admin", "AKIALOCKADMIN0000001", "lock-admin-secret", "the lock table's"));
        SystemCredentialsProvider.getInstance().save();
        Simulated.function(sim, "orders");
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", exchange -> {
            received.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] refusal = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                    + "\"message\":\"Requested resource not found\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(400, refusal.length);
            exchange.getResponseBody().write(refusal);
            exchange.close();
        });
        elsewhere.start();
        try {
            SafeLambdaUpdateConfiguration config = SafeLambdaUpdateConfiguration.get();
            config.setLockTable("safe-lambda-update-locks");
            config.setLockRegion("xx-nowhere-1"); // AWS's endpoint there does not resolve: no lock within the deadline
            config.setLockCredentialsId("lock-admin");
            WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
            p.setDefinition(new CpsFlowDefinition("withEnv(['AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:"
                    + elsewhere.getAddress().getPort() + "']) {\n  " + Simulated.step(sim, "orders",
                    "environment: ['A=1'], deadlineMinutes: 1") + "\n}", true));

            WorkflowRun withTheirs = j.buildAndAssertStatus(Result.FAILURE, p);
            j.assertLogContains("LOCK_TIMEOUT", withTheirs);
            assertEquals(List.of(), received, "nothing signed with the administrator's credentials reached the job's");

            config.setLockCredentialsId(null);
            j.assertLogContains("LOCK_UNAVAILABLE", j.buildAndAssertStatus(Result.FAILURE, p)); // "no such table"
            assertFalse(received.isEmpty(), "with the step's own credentials the job's endpoint is used");
            assertTrue(received.get(0).contains("AKIASIMULATEDKEY0001"), received.get(0));
        } finally {
            elsewhere.stop(0);
        }
    }

    /**
     * Parallel branches of one build deploying one function inside an enclosing {@code lock} step take no second
     * lockable resource, yet still deploy one at a time: no 409, each branch's change lands.
     */
    @Test
    void parallelBranchesUnderAnEnclosingLockStillTakeTurns(JenkinsRule j) throws Exception {
        Simulated.addCredentials();
        String arn = Simulated.function(sim, "orders");
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition("lock(resource: '" + arn + "') {\n"
                + "  parallel a: { " + Simulated.step(sim, "orders", "environment: ['A=1']") + " },\n"
                + "           b: { " + Simulated.step(sim, "orders", "environment: ['B=2']") + " }\n"
                + "}", true));

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        j.assertLogContains("Not locking " + arn + ": this build already holds it (lock step)", b);
        assertEquals(0, sim.stats().refusals("ResourceConflictException"), "no update met another in progress");
        assertEquals(Map.of("A", "1", "B", "2"), sim.function("orders").orElseThrow().latest().environment());
    }

    /**
     * A lock block in another parallel branch of the same build does not enclose the step: recognized from the flow
     * graph, not from "held by this build", so the step waits for that branch's lock and changes nothing meanwhile.
     */
    @Test
    @Timeout(120) // without the fix the step deploys under the other branch's lock and the message never comes
    void aLockHeldByAnotherBranchOfTheSameBuildIsWaitedFor(JenkinsRule j) throws Exception {
        Simulated.addCredentials();
        String arn = Simulated.function(sim, "orders");
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition("parallel holding: {\n"
                + "  lock(resource: '" + arn + "') { semaphore 'hold' }\n"
                + "}, deploying: {\n"
                + "  sleep time: 200, unit: 'MILLISECONDS'\n"
                + "  " + Simulated.step(sim, "orders", "environment: ['A=1']") + "\n"
                + "}", true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        SemaphoreStep.waitForStart("hold/1", b);
        j.waitForMessage("Waiting for lock " + arn + " held by a lock step in another branch of this build", b);
        assertEquals(0, sim.stats().calls("UpdateFunctionConfiguration"), "nothing changed under another's lock");

        SemaphoreStep.success("hold/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        assertEquals(Map.of("A", "1"), sim.function("orders").orElseThrow().latest().environment());
    }
}
