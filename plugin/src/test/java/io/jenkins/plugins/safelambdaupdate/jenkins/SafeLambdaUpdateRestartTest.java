package io.jenkins.plugins.safelambdaupdate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Label;
import hudson.model.Result;
import io.jenkins.plugins.safelambdaupdate.simulator.FunctionSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jvnet.hudson.test.TestExtension;
import org.kohsuke.stapler.DataBoundConstructor;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Controller restarts: a deployment cut by a restart runs again under the same hold and completes; waiters come back
 * in their places in the queue and deploy after the restart, in order.
 */
class SafeLambdaUpdateRestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private final Simulated.StoppableClock clock = new Simulated.StoppableClock();
    private final LambdaSimulator sim = Simulated.start(clock);

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Test
    @Timeout(300)
    void aDeploymentCutByARestartRunsAgainUnderTheSameHoldAndTheFunctionEndsWithThisBuildsCode() throws Throwable {
        String arn = Simulated.function(sim, "orders");
        byte[] zip = Simulated.zip("orders-v2");
        clock.stop(); // the update stays in progress across the restart
        sessions.then(j -> {
            Simulated.addCredentials();
            deployUntilUpdatingCode(j, "node", zip, arn);
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("deploy", WorkflowJob.class).getBuildByNumber(1);
            j.waitForMessage("[safeLambdaUpdate] Jenkins restarted while this step was deploying " + arn
                    + ": deploying again under the same lock", b);
            assertEquals(b, Simulated.holder(arn), "the hold was kept across the restart");
            endsWithThisBuildsCode(j, b, zip, arn);
        });
    }

    /**
     * The zip lies on an agent, which reconnects only after the restarted controller resumed the build: the lock is
     * kept while it is away, and the deployment then runs again under it and ends with this build's code. (The
     * enclosing {@code node} block resumes first and itself waits for its agent; the step waits too, keeping the lock,
     * should the workspace still be offline when it resumes.)
     */
    @Test
    @Timeout(300)
    void aResumedDeploymentWhoseZipIsOnAnAgentKeepsTheLockUntilTheAgentIsBackAndEndsWithThisBuildsCode()
            throws Throwable {
        String arn = Simulated.function(sim, "orders");
        byte[] zip = Simulated.zip("orders-v2");
        clock.stop(); // the update stays in progress across the restart
        String[] agentName = new String[1];
        sessions.then(j -> {
            Simulated.addCredentials();
            agentName[0] = j.createOnlineSlave(Label.get("zips")).getNodeName();
            deployUntilUpdatingCode(j, "node('zips')", zip, arn);
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("deploy", WorkflowJob.class).getBuildByNumber(1);
            j.waitForMessage("Waiting for reconnection of " + agentName[0], b);
            j.waitForMessage("[safeLambdaUpdate] Jenkins restarted while this step was deploying " + arn
                    + ": deploying again under the same lock", b);
            assertEquals(b, Simulated.holder(arn), "the hold was kept: " + JenkinsRule.getLog(b));
            endsWithThisBuildsCode(j, b, zip, arn);
            j.assertLogNotContains("its lock was not kept", b);
        });
    }

    /**
     * The workspace's agent is still away when the deployment resumes (it reconnected for the {@code node} block and
     * dropped again before the step resumed): the step says once what it waits for, keeps the lock, and deploys this
     * build's code once the agent is back.
     */
    @Test
    @Timeout(300)
    void aResumedDeploymentWaitsForTheAgentWithItsZipKeepingTheLockAndDeploysWhenItIsBack() throws Throwable {
        String arn = Simulated.function(sim, "orders");
        byte[] zip = Simulated.zip("orders-v2");
        String[] agentName = restartWithTheAgentAway(zip, arn);
        sessions.then(j -> {
            WorkflowRun b = waitingForTheAgent(j, agentName[0], arn);
            j.jenkins.getComputer(agentName[0]).connect(false).get();
            j.waitForMessage("[safeLambdaUpdate] Jenkins restarted while this step was deploying " + arn
                    + ": deploying again under the same lock", b);
            endsWithThisBuildsCode(j, b, zip, arn);
            assertEquals(1, JenkinsRule.getLog(b).split("waiting for agent ", -1).length - 1, "said once");
        });
    }

    /** An abort ends the wait for the agent at once: the lock is released, and nothing more is sent to AWS. */
    @Test
    @Timeout(300)
    void anAbortWhileWaitingForTheAgentReleasesTheLock() throws Throwable {
        String arn = Simulated.function(sim, "orders");
        String[] agentName = restartWithTheAgentAway(Simulated.zip("orders-v2"), arn);
        sessions.then(j -> {
            WorkflowRun b = waitingForTheAgent(j, agentName[0], arn);
            long calls = sim.stats().totalCalls();
            b.doStop();
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
            assertNull(Simulated.resource(arn), "released");
            assertEquals(calls, sim.stats().totalCalls(), "nothing more sent to AWS");
        });
    }

    /**
     * Session 1 deploys {@code zip} from an agent and restarts mid-update; the agent drops again after the {@code node}
     * block resumed and before the step resumes.
     *
     * @return the agent's name (in an array, set by session 1)
     */
    private String[] restartWithTheAgentAway(byte[] zip, String arn) throws Throwable {
        clock.stop(); // the update stays in progress across the restart
        String[] agentName = new String[1];
        sessions.then(j -> {
            Simulated.addCredentials();
            agentName[0] = j.createOnlineSlave(Label.get("zips")).getNodeName();
            deployUntilUpdatingCode(j, "node('zips')", "resumeGate", zip, arn);
        });
        return agentName;
    }

    /** @return build 1, once its step said that it waits for the agent, keeping the lock */
    private WorkflowRun waitingForTheAgent(JenkinsRule j, String agentName, String arn) throws Exception {
        WorkflowRun b = j.jenkins.getItemByFullName("deploy", WorkflowJob.class).getBuildByNumber(1);
        ResumeGate.RESUMING.acquire(); // the node block has its agent back; the step has not resumed yet
        j.jenkins.getComputer(agentName).disconnect(null).get();
        ResumeGate.OPEN.release();
        j.waitForMessage("[safeLambdaUpdate] Jenkins restarted while this step was deploying " + arn
                + ": waiting for agent " + agentName + " to reconnect, to read zipFile function.zip from its"
                + " workspace; the lock is kept meanwhile", b);
        assertTrue(b.isBuilding(), JenkinsRule.getLog(b));
        assertEquals(b, Simulated.holder(arn), "the hold is kept while the agent is away");
        return b;
    }

    /** Starts build 1 of a new job {@code deploy} deploying {@code zip} in {@code node}; returns once the update is sent. */
    private void deployUntilUpdatingCode(JenkinsRule j, String node, byte[] zip, String arn) throws Exception {
        deployUntilUpdatingCode(j, node, "dir('.')", zip, arn);
    }

    /** Likewise, the step inside the block {@code inner} (within {@code node}). */
    private void deployUntilUpdatingCode(JenkinsRule j, String node, String inner, byte[] zip, String arn)
            throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition(node + " { " + inner + " {\n"
                + "  writeFile file: 'function.zip', encoding: 'Base64', text: '"
                + Base64.getEncoder().encodeToString(zip) + "'\n"
                + "  def r = " + Simulated.step(sim, "orders", "zipFile: 'function.zip', publish: true,"
                        + " environment: ['A=1']") + "\n"
                + "  echo \"deployed version ${r.version}\"\n"
                + "} }", true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("[safeLambdaUpdate] Updating code", b);
        while (sim.stats().calls("UpdateFunctionCode") == 0) { // the line comes just before the call
            Thread.sleep(10);
        }
        assertEquals(b, Simulated.holder(arn));
    }

    /** Lets the update in progress end; the build succeeds with {@code zip} deployed and the lock released. */
    private void endsWithThisBuildsCode(JenkinsRule j, WorkflowRun b, byte[] zip, String arn) throws Exception {
        clock.restart(); // the update that was in progress ends
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        FunctionSnapshot deployed = sim.function("orders").orElseThrow();
        assertEquals(Simulated.sha256(zip), deployed.codeSha256(), "this build's code");
        assertEquals(Map.of("A", "1"), deployed.latest().environment());
        j.assertLogContains("CodeSha256 " + Simulated.sha256(zip) + " already deployed", b);
        j.assertLogContains("deployed version 1", b);
        assertNull(Simulated.resource(arn), "released after the resumed deployment");
    }

    /** @return a build of a new job {@code job} deploying {@code orders}, once it says it waits for {@code holder} */
    private WorkflowRun deployWaitingBehind(JenkinsRule j, String job, String arguments, WorkflowRun holder,
                                            String arn) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, job);
        p.setDefinition(new CpsFlowDefinition(Simulated.step(sim, "orders", arguments), true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("[safeLambdaUpdate] Waiting for lock " + arn + " held by " + holder.getFullDisplayName(), b);
        return b;
    }

    @Test
    @Timeout(300)
    void waitersSurviveARestartAndDeployAfterItInTheirOrder() throws Throwable {
        String arn = Simulated.function(sim, "orders");
        sessions.then(j -> {
            Simulated.addCredentials();
            WorkflowRun holder = Simulated.holdWithALockStep(j, arn);
            for (String order : new String[] {"first", "second"}) {
                deployWaitingBehind(j, "deploy-" + order, "description: '" + order + "'", holder, arn);
            }
        });
        sessions.then(j -> {
            WorkflowRun first = j.jenkins.getItemByFullName("deploy-first", WorkflowJob.class).getBuildByNumber(1);
            WorkflowRun second = j.jenkins.getItemByFullName("deploy-second", WorkflowJob.class).getBuildByNumber(1);
            WorkflowRun holder = j.jenkins.getItemByFullName("holding", WorkflowJob.class).getBuildByNumber(1);
            for (WorkflowRun b : new WorkflowRun[] {first, second}) {
                j.waitForMessage("[safeLambdaUpdate] Jenkins restarted while this step waited for lock " + arn
                        + ": waiting on in its place in the queue", b);
            }
            SemaphoreStep.success("hold/1", null);
            j.assertBuildStatusSuccess(j.waitForCompletion(holder));
            j.assertBuildStatusSuccess(j.waitForCompletion(first));
            j.assertBuildStatusSuccess(j.waitForCompletion(second));
            assertEquals("second", sim.function("orders").orElseThrow().latest().description(),
                    "the second in the queue deployed last");
            j.assertLogContains("[safeLambdaUpdate] Lock acquired after", first);
            assertNull(Simulated.resource(arn));
        });
    }

    /**
     * Jenkins stopping shuts the deployment threads down first (a terminator), while the timer still re-checks: a
     * waiter whose lock comes free then takes no lock it could not deploy under and does not fail, and after the
     * restart it waits on in its place and deploys.
     */
    @Test
    @Timeout(300)
    void aWaiterWhoseLockComesFreeWhileJenkinsStopsDoesNotFailAndDeploysAfterTheRestart() throws Throwable {
        String arn = Simulated.function(sim, "orders");
        sessions.then(j -> {
            Simulated.addCredentials();
            WorkflowRun holder = Simulated.holdWithALockStep(j, arn);
            WorkflowRun b = deployWaitingBehind(j, "deploy", "description: 'after'", holder, arn);

            DeployExecutor.shutDown(); // the first thing Jenkins does when it stops
            SemaphoreStep.success("hold/1", null);
            j.assertBuildStatusSuccess(j.waitForCompletion(holder));
            while (b.isBuilding() && !JenkinsRule.getLog(b).contains("[safeLambdaUpdate] Jenkins is stopping")) {
                Thread.sleep(50);
            }
            assertTrue(b.isBuilding(), "the waiter did not fail: " + JenkinsRule.getLog(b));
            j.assertLogContains("[safeLambdaUpdate] Jenkins is stopping: this step takes no lock now; after the"
                    + " restart it waits on for lock " + arn + " in its place in the queue", b);
            assertNull(Simulated.resource(arn), "no lock taken");
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("deploy", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("[safeLambdaUpdate] Jenkins restarted while this step waited for lock " + arn, b);
            assertEquals("after", sim.function("orders").orElseThrow().latest().description());
            assertNull(Simulated.resource(arn));
        });
    }

    /**
     * A test block step {@code resumeGate { }} whose resumption after a restart waits until the test opens it: the steps
     * inside it resume only then (Pipeline resumes enclosing blocks first), so a test can change the world in between.
     */
    public static final class ResumeGate extends Step {
        /** Released once when the gate's execution resumes. */
        static final Semaphore RESUMING = new Semaphore(0);
        /** Released by the test to let the gate's resumption end. */
        static final Semaphore OPEN = new Semaphore(0);

        @DataBoundConstructor
        public ResumeGate() {
        }

        @Override
        public StepExecution start(StepContext context) {
            return new Execution(context);
        }

        private static final class Execution extends StepExecution {
            private static final long serialVersionUID = 1L;

            Execution(StepContext context) {
                super(context);
            }

            @Override
            public boolean start() {
                getContext().newBodyInvoker().withCallback(BodyExecutionCallback.wrap(getContext())).start();
                return false;
            }

            @Override
            public void onResume() {
                RESUMING.release();
                OPEN.acquireUninterruptibly();
            }
        }

        @TestExtension
        public static final class DescriptorImpl extends StepDescriptor {
            @Override
            public String getFunctionName() {
                return "resumeGate";
            }

            @Override
            public boolean takesImplicitBlockArgument() {
                return true;
            }

            @Override
            public Set<? extends Class<?>> getRequiredContext() {
                return Set.of();
            }
        }
    }
}
