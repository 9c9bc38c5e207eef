package io.jenkins.plugins.safelambdaupdate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The zip on an agent: checked and digested there before the lock, its bytes brought over only for the upload and
 * never when the function already runs it; symbolic links and paths leaving the workspace refused naming zipFile.
 */
@WithJenkins
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WorkspaceZipTest {
    private LambdaSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = Simulated.start();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    /** A job, the online agent labelled {@code zips} it runs on, and its workspace there. */
    private record AgentJob(WorkflowJob job, DumbSlave agent, FilePath workspace) {
        /** Also stores the credentials and creates the function {@code orders}. */
        static AgentJob create(JenkinsRule j, LambdaSimulator sim) throws Exception {
            Simulated.addCredentials();
            Simulated.function(sim, "orders");
            DumbSlave agent = j.createOnlineSlave(Label.get("zips"));
            WorkflowJob job = j.createProject(WorkflowJob.class, "deploy");
            return new AgentJob(job, agent, agent.getWorkspaceFor(job));
        }
    }

    @Test
    void deploysAZipThatLiesOnAnAgentAndSkipsTheUploadWhenTheCodeIsAlreadyThere(JenkinsRule j) throws Exception {
        AgentJob setup = AgentJob.create(j, sim);
        WorkflowJob p = setup.job();
        byte[] zip = Simulated.zip("orders-on-the-agent");
        setup.workspace().child("build/function.zip").copyFrom(new ByteArrayInputStream(zip));
        p.setDefinition(new CpsFlowDefinition("node('zips') {\n  "
                + Simulated.step(sim, "orders", "zipFile: 'build/function.zip', publish: true") + "\n}", true));

        WorkflowRun first = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        j.assertLogContains("Running on " + setup.agent().getNodeName(), first);
        j.assertLogContains("[safeLambdaUpdate] Updating code (CodeSha256 " + Simulated.sha256(zip) + ")", first);
        assertEquals(Simulated.sha256(zip), sim.function("orders").orElseThrow().codeSha256());
        assertEquals(1, sim.stats().calls("UpdateFunctionCode"));

        WorkflowRun second = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        j.assertLogContains("CodeSha256 " + Simulated.sha256(zip) + " already deployed", second);
        j.assertLogNotContains("Updating code", second);
        assertEquals(1, sim.stats().calls("UpdateFunctionCode"), "an unchanged zip is not uploaded again");
    }

    @Test
    void refusesOnTheAgentWhatLambdaWouldRefuseNamingZipFileBeforeAnyAwsCall(JenkinsRule j) throws Exception {
        AgentJob setup = AgentJob.create(j, sim);
        WorkflowJob p = setup.job();
        FilePath workspace = setup.workspace();
        workspace.child("notes.zip").write("not a zip", "UTF-8");
        FilePath outsideDir = workspace.getParent().child("elsewhere");
        outsideDir.child("real.zip").copyFrom(new ByteArrayInputStream(Simulated.zip("x")));
        workspace.child("link.zip").symlinkTo(outsideDir.child("real.zip").getRemote(), j.createTaskListener());
        workspace.child("dir").symlinkTo(outsideDir.getRemote(), j.createTaskListener());
        long callsBefore = sim.stats().totalCalls();

        java.util.Map<String, String> refusals = java.util.Map.of(
                "notes.zip", "zipFile notes.zip is not a readable zip archive",
                "missing.zip", "zipFile missing.zip is not a file in the workspace",
                "link.zip", "zipFile link.zip is reached through the symbolic link link.zip",
                "dir/real.zip", "zipFile dir/real.zip is reached through the symbolic link dir",
                "../elsewhere/real.zip", "zipFile ../elsewhere/real.zip must be a path inside the workspace");
        for (java.util.Map.Entry<String, String> refusal : refusals.entrySet()) {
            p.setDefinition(new CpsFlowDefinition("node('zips') { " + Simulated.step(sim, "orders",
                    "zipFile: '" + refusal.getKey() + "'") + " }", true));
            j.assertLogContains(refusal.getValue(), j.buildAndAssertStatus(Result.FAILURE, p));
        }
        assertEquals(callsBefore, sim.stats().totalCalls(), "refused before any AWS call");
    }
}
