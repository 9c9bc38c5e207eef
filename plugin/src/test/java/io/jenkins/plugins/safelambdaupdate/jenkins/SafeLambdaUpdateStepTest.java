package io.jenkins.plugins.safelambdaupdate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.FilePath;
import hudson.model.Fingerprint;
import hudson.model.Result;
import io.jenkins.plugins.safelambdaupdate.simulator.AliasSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.FunctionSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** One deployment at a time: the happy path, the returned map, the log, credentials, bad input, and the forms. */
@WithJenkins
class SafeLambdaUpdateStepTest {
    private LambdaSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = Simulated.start();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Test
    void deploysAZipFromTheWorkspacePublishesAndMovesTheAliasAndReturnsTheResult(JenkinsRule j) throws Exception {
        Simulated.addCredentials();
        String arn = Simulated.function(sim, "orders");
        byte[] zip = Simulated.zip("orders-v2");
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        j.jenkins.getWorkspaceFor(p).child("build/function.zip").copyFrom(new ByteArrayInputStream(zip));
        p.setDefinition(new CpsFlowDefinition("node {\n"
                + "  def r = " + Simulated.step(sim, "orders", "zipFile: 'build/function.zip', publish: true,"
                        + " alias: 'live', environment: ['STAGE=test'], memorySize: 256") + "\n"
                + "  echo \"arn=${r.functionArn} version=${r.version} alias=${r.alias} sha=${r.codeSha256}"
                        + " retries=${r.retries} skipped=${r.skipped}\"\n"
                + "}", true));

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        FunctionSnapshot deployed = sim.function("orders").orElseThrow();
        assertEquals(Simulated.sha256(zip), deployed.codeSha256());
        assertEquals(Map.of("STAGE", "test"), deployed.latest().environment());
        assertEquals(256, deployed.latest().memorySize());
        AliasSnapshot live = deployed.aliases().get(0);
        assertEquals(List.of("live", "1"), List.of(live.name(), live.functionVersion()));
        j.assertLogContains("arn=" + arn + " version=1 alias=live sha=" + Simulated.sha256(zip) + " retries=0"
                + " skipped=[]", b);
        for (String line : List.of("Resolved orders to " + arn, "Lock acquired", "Function settled: State=Active",
                "Updating code", "Code update confirmed after", "Updating configuration",
                "Configuration update confirmed after", "Published version 1", "Alias live -> 1 (created)",
                "Verified code and configuration", "Lock released after")) {
            j.assertLogContains("[safeLambdaUpdate] " + line, b);
        }
        assertNull(Simulated.resource(arn), "the ephemeral lock is removed once released");
    }

    @Test
    void usesAndTracksCredentialsById(JenkinsRule j) throws Exception {
        AWSCredentialsImpl credentials = Simulated.addCredentials();
        Simulated.function(sim, "billing");
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition(Simulated.step(sim, "billing", "environment: ['A=1']"), true));

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        Fingerprint usage = CredentialsProvider.getFingerprintOf(credentials);
        assertTrue(usage != null && usage.getRangeSet(p).includes(b.getNumber()), "the use of the credentials is tracked");
        j.assertLogNotContains(Simulated.SECRET_KEY, b);
    }

    @Test
    void credentialsWithoutKeysOrRoleSayTheyFallBackToTheEnvironment(JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new AWSCredentialsImpl(CredentialsScope.GLOBAL,
                "instance-identity", "", "", "use the controller's own identity"));
        SystemCredentialsProvider.getInstance().save();
        Simulated.function(sim, "reports");
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition("withEnv(['AWS_ACCESS_KEY_ID=AKIAENVIRONMENTKEY02',"
                + " 'AWS_SECRET_ACCESS_KEY=fallback-secret-never-printed']) {\n  "
                + Simulated.step(sim, "reports", "credentialsId: 'instance-identity', memorySize: 256") + "\n}", true));

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        j.assertLogContains("[safeLambdaUpdate] Credentials 'instance-identity' hold no access key and no role", b);
        assertEquals(256, sim.function("reports").orElseThrow().latest().memorySize());
        j.assertLogNotContains("fallback-secret-never-printed", b);
    }

    /**
     * A step with no credentials of its own fails, saying how to give it some, before any AWS call: the controller's
     * own identity (here through the SDK's system properties, first in its default chain) serves only where an
     * administrator allows it.
     */
    @Test
    void theControllersOwnIdentityIsUsedOnlyWhereAnAdministratorAllowsIt(JenkinsRule j) throws Exception {
        Simulated.function(sim, "reports");
        long callsBefore = sim.stats().totalCalls();
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition("safeLambdaUpdate functionName: 'reports', memorySize: 512, region: '"
                + sim.region() + "', endpointUrl: '" + sim.endpoint() + "'", true));
        System.setProperty("aws.accessKeyId", "AKIACONTROLLERIDENT1");
        System.setProperty("aws.secretAccessKey", "controller-secret-never-printed");
        try {
            WorkflowRun refused = j.buildAndAssertStatus(Result.FAILURE, p);
            j.assertLogContains("credentialsId is missing", refused);
            j.assertLogContains("Manage Jenkins > System > Safe Lambda Update", refused);
            assertEquals(callsBefore, sim.stats().totalCalls(), "no AWS call with the controller's identity");

            SafeLambdaUpdateConfiguration.get().setAllowControllerIdentity(true);
            WorkflowRun allowed = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
            assertEquals(512, sim.function("reports").orElseThrow().latest().memorySize());
            j.assertLogNotContains("controller-secret-never-printed", allowed);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void credentialsThatNeedAnMfaTokenAreRefusedClearlyBeforeAnyAwsCall(JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new AWSCredentialsImpl(CredentialsScope.GLOBAL,
                "with-mfa", "AKIAMFAKEY0000000001", "mfa-secret-never-printed", "needs a token",
                "arn:aws:iam::123456789012:role/deployer", "arn:aws:iam::123456789012:mfa/alice"));
        SystemCredentialsProvider.getInstance().save();
        Simulated.function(sim, "reports");
        long callsBefore = sim.stats().totalCalls();
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition(Simulated.step(sim, "reports", "credentialsId: 'with-mfa',"
                + " memorySize: 256"), true));

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("credentialsId 'with-mfa' assumes its role with an MFA token", b);
        j.assertLogNotContains("mfa-secret-never-printed", b);
        assertEquals(callsBefore, sim.stats().totalCalls());
    }

    @Test
    void takesCredentialsRegionAndEndpointFromTheEnvironmentAndNeverPrintsSecrets(JenkinsRule j) throws Exception {
        Simulated.function(sim, "search");
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition("withEnv(['AWS_ACCESS_KEY_ID=AKIAENVIRONMENTKEY01',"
                + " 'AWS_SECRET_ACCESS_KEY=env-secret-never-printed', 'AWS_REGION=" + sim.region() + "',"
                + " 'AWS_ENDPOINT_URL=" + sim.endpoint() + "']) {\n"
                + "  safeLambdaUpdate functionName: 'search', environment: ['DB_PASSWORD=value-never-printed']\n"
                + "}", true));

        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));

        assertEquals(Map.of("DB_PASSWORD", "value-never-printed"),
                sim.function("search").orElseThrow().latest().environment());
        j.assertLogContains("[safeLambdaUpdate] Verified code and configuration", b);
        j.assertLogNotContains("env-secret-never-printed", b);
        j.assertLogNotContains("value-never-printed", b);
    }

    @Test
    void badInputFailsTheBuildNamingTheParameterBeforeAnyAwsCall(JenkinsRule j) throws Exception {
        Simulated.addCredentials();
        Simulated.function(sim, "orders");
        Map<String, String> refusals = Map.of(
                "memorySize: 64", "memorySize must be between 128 and 10240 MB, was 64",
                "environment: ['NO_EQUALS_SIGN']", "environment entry 1 is not of the form KEY=VALUE",
                "alias: 'live'", "alias live needs publish",
                "environmentMode: 'sideways'", "environmentMode must be one of merge, replace, was 'sideways'",
                "region: 'mars'", "region 'mars' is not an AWS region name",
                "deadlineMinutes: 0", "deadlineMinutes must be between 1 and 720 (12 hours), was 0",
                // checked before the zip is looked for, let alone copied
                "zipFile: 'not-there.zip', timeout: 901", "timeout must be between 1 and 900 seconds, was 901",
                "credentialsId: 'missing'", "credentialsId 'missing' does not name AWS credentials",
                "zipFile: 'build/function.zip', imageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/r:1'",
                "zipFile cannot be combined with imageUri: give exactly one way to deploy code, zipFile, s3Bucket/s3Key or imageUri");
        int n = 0;
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            WorkflowJob p = j.createProject(WorkflowJob.class, "bad-" + n++);
            p.setDefinition(new CpsFlowDefinition("node { " + Simulated.step(sim, "orders", refusal.getKey()) + " }",
                    true));
            j.assertLogContains(refusal.getValue(), j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0)));
        }
        assertEquals(0, sim.stats().totalCalls(), "bad input never reaches AWS");
    }

    @Test
    void refusesAZipOutsideTheWorkspace(JenkinsRule j) throws Exception {
        Simulated.addCredentials();
        Simulated.function(sim, "orders");
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        FilePath workspace = j.jenkins.getWorkspaceFor(p);
        FilePath outside = workspace.getParent().child("outside.zip");
        outside.copyFrom(new ByteArrayInputStream(Simulated.zip("x")));
        workspace.mkdirs();
        Files.createSymbolicLink(Path.of(workspace.getRemote(), "link.zip"), Path.of(outside.getRemote()));
        Map<String, String> refusals = Map.of(
                "../outside.zip", "zipFile ../outside.zip must be a path inside the workspace",
                outside.getRemote(), "zipFile " + outside.getRemote() + " must be a path inside the workspace",
                "link.zip", "zipFile link.zip is reached through the symbolic link link.zip");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            p.setDefinition(new CpsFlowDefinition("node { " + Simulated.step(sim, "orders", "zipFile: '"
                    + refusal.getKey().replace("\\", "\\\\") + "'") + " }", true));
            j.assertLogContains(refusal.getValue(), j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0)));
        }
        assertEquals(0, sim.stats().totalCalls());
    }

    @Test
    void formRoundTripKeepsEveryParameter(JenkinsRule j) throws Exception {
        SafeLambdaUpdateStep step = new SafeLambdaUpdateStep("orders-api");
        step.setZipFile("build/function.zip");
        step.setEnvironment(List.of("STAGE=prod", "GREETING=hello world"));
        step.setEnvironmentMode("replace");
        step.setMemorySize(512);
        step.setTimeout(30);
        step.setHandler("index.handler");
        step.setRuntime("python3.13");
        step.setDescription("deployed by Jenkins");
        step.setLayers(List.of("arn:aws:lambda:eu-west-1:123456789012:layer:shared:3"));
        step.setRole("arn:aws:iam::123456789012:role/orders-api");
        step.setPublish(true);
        step.setAlias("live");
        step.setRegion("eu-west-1");
        step.setCredentialsId("aws-deploy");
        step.setEndpointUrl("http://127.0.0.1:4566");
        step.setLock(false);
        step.setDeadlineMinutes(30);
        step.setConflictRetries(3);
        step.setOnForeignChange("fail");
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));

        SafeLambdaUpdateStep minimal = new SafeLambdaUpdateStep("orders-api");
        j.assertEqualDataBoundBeans(minimal, new StepConfigTester(j).configRoundTrip(minimal));

        SafeLambdaUpdateStep s3 = new SafeLambdaUpdateStep("orders-api");
        s3.setS3Bucket("artifacts");
        s3.setS3Key("orders/1.4.2.zip");
        s3.setS3ObjectVersion("3HL4kqtJlcpXroDTDmJ");
        j.assertEqualDataBoundBeans(s3, new StepConfigTester(j).configRoundTrip(s3));
    }

    @Test
    void snippetsRoundTrip(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        snippets.assertRoundTrip(new SafeLambdaUpdateStep("orders-api"), "safeLambdaUpdate 'orders-api'");

        SafeLambdaUpdateStep step = new SafeLambdaUpdateStep("orders-api");
        step.setZipFile("build/function.zip");
        step.setPublish(true);
        step.setAlias("live");
        step.setEnvironment(List.of("STAGE=prod"));
        step.setMemorySize(256);
        step.setCredentialsId("aws-deploy");
        step.setLock(false);
        step.setDeadlineMinutes(30);
        snippets.assertRoundTrip(step, "safeLambdaUpdate alias: 'live', credentialsId: 'aws-deploy',"
                + " deadlineMinutes: 30, environment: ['STAGE=prod'], functionName: 'orders-api', lock: false,"
                + " memorySize: 256, publish: true, zipFile: 'build/function.zip'");

        SafeLambdaUpdateStep image = new SafeLambdaUpdateStep("orders-api");
        image.setImageUri("123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2");
        image.setEnvironmentMode("replace");
        image.setOnForeignChange("fail");
        snippets.assertRoundTrip(image, "safeLambdaUpdate environmentMode: 'replace', functionName: 'orders-api',"
                + " imageUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2', onForeignChange: 'fail'");
    }
}
