package io.jenkins.plugins.safelambdaupdate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A controller restart in the middle of a deployment: the step ends with a clear message and its lock is freed. */
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
    void restartDuringADeploymentEndsTheStepAndFreesItsLock() throws Throwable {
        String arn = Simulated.function(sim, "orders");
        clock.stop(); // the update stays in progress across the restart
        sessions.then(j -> {
            Simulated.addCredentials();
            WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
            // the build goes on after the step fails, so the lock is seen freed by the step, not by the build's end
            p.setDefinition(new CpsFlowDefinition("try {\n"
                    + "  " + Simulated.step(sim, "orders", "environment: ['A=1']") + "\n"
                    + "} catch (e) {\n"
                    + "  echo \"caught: ${e.message}\"\n"
                    + "  semaphore 'after'\n"
                    + "}", true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("[safeLambdaUpdate] Updating configuration", b);
            assertEquals(b, Simulated.holder(arn));
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("deploy", WorkflowJob.class).getBuildByNumber(1);
            SemaphoreStep.waitForStart("after/1", b);
            j.assertLogContains("caught: [safeLambdaUpdate] Jenkins restarted while safeLambdaUpdate was deploying"
                    + " orders; the deployment was interrupted and its lock freed", b);
            assertNull(Simulated.holder(arn), "the step freed its lock while the build still runs");
            SemaphoreStep.success("after/1", null);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
        });
    }
}
