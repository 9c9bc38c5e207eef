package io.jenkins.plugins.safelambdaupdate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.safelambdaupdate.Durations;
import io.jenkins.plugins.safelambdaupdate.LockTicket;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.graphanalysis.NodeStepTypePredicate;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Waiting for the lock without a thread: what the build shows while it waits, abort while waiting, parallel branches
 * of one build, and how long our step waits next to {@code lock} steps, which lockable-resources serves first.
 */
@WithJenkins
class SafeLambdaUpdateQueueTest {
    private LambdaSimulator sim;
    /** The canonical ARN of {@code orders}, the lock's name. */
    private String arn;

    @BeforeEach
    void startSimulator() {
        sim = Simulated.start();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    /**
     * Adds the credentials and the function {@code orders} ({@link #arn}), and starts a build holding it in a
     * {@code lock} step until its semaphore {@code hold/1} is released.
     */
    private WorkflowRun holdWithALockStep(JenkinsRule j) throws Exception {
        Simulated.addCredentials();
        arn = Simulated.function(sim, "orders");
        return Simulated.holdWithALockStep(j, arn);
    }

    /** @return a job deploying {@code orders} with the given arguments */
    private WorkflowJob deployJob(JenkinsRule j, String arguments) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition(Simulated.step(sim, "orders", arguments), true));
        return p;
    }

    /** Starts a build of {@code p} and waits until it says it waits for {@code holder}. */
    private static WorkflowRun startWaitingBehind(JenkinsRule j, WorkflowJob p, WorkflowRun holder, String arn)
            throws Exception {
        WorkflowRun waiter = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("[safeLambdaUpdate] Waiting for lock " + arn + " held by " + holder.getFullDisplayName(),
                waiter);
        return waiter;
    }

    private static FlowNode stepNode(WorkflowRun b) {
        return new DepthFirstScanner().findFirstMatch(b.getExecution(), new NodeStepTypePredicate("safeLambdaUpdate"));
    }

    /** @return the threads whose stack is in this plugin's code */
    private static List<String> threadsInThisPlugin() {
        List<String> found = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread == Thread.currentThread()) {
                return; // this test
            }
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().startsWith("io.jenkins.plugins.safelambdaupdate.")) {
                    found.add(thread.getName() + " at " + frame);
                    return;
                }
            }
        });
        return found;
    }

    @Test
    @Timeout(120)
    void aWaiterHoldsNoThreadShowsAPauseAndAnAbortLeavesTheQueueWithoutAnyChange(JenkinsRule j) throws Exception {
        WorkflowRun holder = holdWithALockStep(j);
        WorkflowJob p = deployJob(j, "environment: ['A=1']");

        WorkflowRun waiter = startWaitingBehind(j, p, holder, arn);
        FlowNode node = stepNode(waiter);
        assertNotNull(node);
        assertTrue(PauseAction.isPaused(node), "the wait shows on the step's node");
        assertEquals("Waiting for lock " + arn, PauseAction.getCurrentPause(node).getCause());
        assertEquals(List.of(), threadsInThisPlugin(), "no thread is held while waiting");
        StringWriter html = new StringWriter();
        waiter.getLogText().writeHtmlTo(0, html);
        assertTrue(html.toString().contains(holder.getUrl()), "the holder is a link to its build");

        waiter.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(waiter));
        assertFalse(PauseAction.isPaused(node), "the pause ended with the wait");
        j.assertLogNotContains("Lock acquired", waiter);
        for (String mutation : List.of("UpdateFunctionCode", "UpdateFunctionConfiguration", "PublishVersion")) {
            assertEquals(0, sim.stats().calls(mutation), mutation + " was never sent");
        }
        assertEquals(holder, Simulated.holder(arn), "the lock step's hold is undisturbed");

        // the queue is empty again: the next deployment takes the lock as soon as the lock step ends
        WorkflowRun next = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("[safeLambdaUpdate] Waiting for lock " + arn, next);
        SemaphoreStep.success("hold/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(next));
        assertEquals(Map.of("A", "1"), sim.function("orders").orElseThrow().latest().environment());
        assertTrue(PauseAction.getPauseActions(stepNode(next)).stream().noneMatch(PauseAction::isPaused));
        assertFalse(PauseAction.getPauseActions(stepNode(next)).isEmpty(), "the wait is recorded on the node");
    }

    @Test
    @Timeout(120)
    void parallelBranchesOfOneBuildDeployOneAtATime(JenkinsRule j) throws Exception {
        Simulated.addCredentials();
        arn = Simulated.function(sim, "orders");
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy-in-parallel");
        p.setDefinition(new CpsFlowDefinition("parallel a: { " + Simulated.step(sim, "orders", "environment: ['A=1']")
                + " }, b: { " + Simulated.step(sim, "orders", "environment: ['B=2']") + " }", true));

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        j.assertLogContains("Waiting for lock " + arn + " held by another safeLambdaUpdate of this build", b);
        assertEquals(0, sim.stats().refusals("ResourceConflictException"), "no update met another in progress");
        assertEquals(Map.of("A", "1", "B", "2"), sim.function("orders").orElseThrow().latest().environment());
        assertNull(Simulated.resource(arn));
    }

    /**
     * lockable-resources hands a released resource to its own queued {@code lock} steps first, so lock steps that
     * queue after our step still go before it; with a finite number of them, ours is served once they are done: here
     * within 3 releases (the holder's and the two lock steps queued after ours), and it names each new holder once.
     */
    @Test
    @Timeout(180)
    void nextToQueuedLockStepsOurStepIsServedWithinABoundedNumberOfReleases(JenkinsRule j) throws Exception {
        WorkflowRun holder = holdWithALockStep(j);
        WorkflowRun ours = startWaitingBehind(j, deployJob(j, "environment: ['OURS=1']"), holder, arn);
        WorkflowJob locking = j.createProject(WorkflowJob.class, "locking");
        locking.setDefinition(new CpsFlowDefinition("lock(resource: '" + arn + "') { semaphore 'locker' }", true));
        List<WorkflowRun> lockers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            WorkflowRun locker = locking.scheduleBuild2(0).waitForStart();
            j.waitForMessage("is not free, waiting for execution", locker);
            lockers.add(locker);
        }

        SemaphoreStep.success("hold/1", null);
        int releases = 1;
        int served = 0;
        while (!JenkinsRule.getLog(ours).contains("[safeLambdaUpdate] Lock acquired")) {
            Run<?, ?> current = Simulated.holder(arn);
            if (current != null && lockers.contains(current)) {
                served++;
                // each new holder is named in our log before it releases
                j.waitForMessage("[safeLambdaUpdate] Waiting for lock " + arn + " held by "
                        + current.getFullDisplayName(), ours);
                SemaphoreStep.success("locker/" + served, null);
                j.waitForCompletion((WorkflowRun) current);
                releases++;
            }
            if (!ours.isBuilding()) {
                break;
            }
            Thread.sleep(50);
        }

        j.assertBuildStatusSuccess(j.waitForCompletion(ours));
        for (WorkflowRun locker : lockers) {
            j.assertBuildStatusSuccess(j.waitForCompletion(locker));
        }
        System.out.println("[measure] our step was served after " + releases + " releases (" + served
                + " lock steps queued after it went first)");
        assertTrue(releases <= 3, "served within 3 releases, was " + releases);
        for (WorkflowRun named : List.of(holder, lockers.get(0), lockers.get(1))) {
            assertEquals(1, count(JenkinsRule.getLog(ours), "held by " + named.getFullDisplayName()),
                    "each holder is named once, not at every re-check");
        }
        assertEquals(Map.of("OURS", "1"), sim.function("orders").orElseThrow().latest().environment());
    }

    /**
     * "Terminate" ({@code doTerm}) ends a step's context without {@code stop}, and a script that catches the error goes
     * on: the waiter must still leave the queue and never take the lock nor deploy.
     */
    @Test
    @Timeout(120)
    void aWaiterTerminatedWithoutAStopLeavesTheQueueAndNeverDeploys(JenkinsRule j) throws Exception {
        WorkflowRun holder = holdWithALockStep(j);
        WorkflowJob p = j.createProject(WorkflowJob.class, "terminated");
        p.setDefinition(new CpsFlowDefinition("try { " + Simulated.step(sim, "orders", "environment: ['GONE=1']")
                + " } catch (e) { echo \"caught ${e}\" }\nsemaphore 'after'", true));
        WorkflowRun terminated = startWaitingBehind(j, p, holder, arn);

        terminated.doTerm();
        SemaphoreStep.waitForStart("after/1", terminated); // the script went on past the step
        WorkflowRun next = startWaitingBehind(j, deployJob(j, "environment: ['NEXT=1']"), holder, arn);
        SemaphoreStep.success("hold/1", null);

        j.assertBuildStatusSuccess(j.waitForCompletion(next));
        assertEquals(Map.of("NEXT", "1"), sim.function("orders").orElseThrow().latest().environment(),
                "only the next build deployed");
        assertEquals(1, sim.stats().calls("UpdateFunctionConfiguration"));
        assertFalse(PauseAction.isPaused(stepNode(terminated)), "the pause ended with the wait");
        SemaphoreStep.success("after/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(terminated));
        j.assertLogNotContains("Lock acquired", terminated);
    }

    /** The step's deadline bounds the wait: the step fails with the lock timeout, having changed nothing. */
    @Test
    @Timeout(240)
    void aWaiterGivesUpAtTheStepsDeadlineWithAClearMessage(JenkinsRule j) throws Exception {
        WorkflowRun holder = holdWithALockStep(j);
        WorkflowJob p = deployJob(j, "environment: ['A=1'], deadlineMinutes: 1");

        WorkflowRun waiter = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("[safeLambdaUpdate] Deployment failed (LOCK_TIMEOUT): Lock " + arn + " not acquired within"
                + " the deadline of " + Durations.format(Duration.ofMinutes(1)) + ": the lockable resource " + arn
                + " is still held by " + holder.getFullDisplayName(), waiter);
        assertFalse(PauseAction.isPaused(stepNode(waiter)));
        assertEquals(0, sim.stats().calls("UpdateFunctionConfiguration"));
        assertEquals(holder, Simulated.holder(arn));
        SemaphoreStep.success("hold/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(holder));
    }

    /**
     * A release names its ticket: a stale one (an aborted build's thread finishing late, say) frees nothing, also not
     * a {@code lock} step's hold of the same build, never throws, and keeps the thread's interrupt.
     */
    @Test
    void aReleaseOfAnotherTicketNeverFreesTheHolderAndKeepsTheInterrupt(JenkinsRule j) throws Exception {
        WorkflowRun holder = holdWithALockStep(j);
        LockTicket stale = new LockTicket("stale-ticket", Instant.now());

        Thread.currentThread().interrupt();
        LockableResourceHold.release(holder, arn, stale, LockWaiters.queue());

        assertTrue(Thread.interrupted(), "the interrupt is kept");
        assertEquals(holder, Simulated.holder(arn), "the lock step's hold of the same build is untouched");
        SemaphoreStep.success("hold/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(holder));
        assertNull(Simulated.resource(arn));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
