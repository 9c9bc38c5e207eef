package io.jenkins.plugins.safelambdaupdate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Credentials with an IAM role: assumed through one STS client per credential, shared by the builds that use it
 * (not one per deployment), and a new session once the credential is edited. STS is a small local server answering
 * AssumeRole as AWS does; the SDK reaches it through its service endpoint setting {@code aws.endpointUrlSts}.
 */
@WithJenkins
class RoleSessionsTest {
    private LambdaSimulator sim;
    private HttpServer sts;
    /** The body of every AssumeRole request received. */
    private final List<String> assumeRoles = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sim = Simulated.start();
        sts = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sts.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            assumeRoles.add(body);
            byte[] answer = ("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                    + "<Credentials><AccessKeyId>ASIASESSION" + assumeRoles.size() + "</AccessKeyId>"
                    + "<SecretAccessKey>session-secret</SecretAccessKey><SessionToken>session-token</SessionToken>"
                    + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser>"
                    + "<Arn>arn:aws:sts::123456789012:assumed-role/deployer/Jenkins</Arn>"
                    + "<AssumedRoleId>AROAEXAMPLE:Jenkins</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                    + "<ResponseMetadata><RequestId>r" + assumeRoles.size() + "</RequestId></ResponseMetadata>"
                    + "</AssumeRoleResponse>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        sts.start();
        System.setProperty("aws.endpointUrlSts", "http://127.0.0.1:" + sts.getAddress().getPort());
        System.setProperty("aws.region", "us-east-1");
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.endpointUrlSts");
        System.clearProperty("aws.region");
        sts.stop(0);
        sim.close();
    }

    private static void role(String externalId) throws IOException {
        List<com.cloudbees.plugins.credentials.Credentials> all =
                SystemCredentialsProvider.getInstance().getCredentials();
        all.removeIf(c -> c instanceof AWSCredentialsImpl a && a.getId().equals("role"));
        all.add(new AWSCredentialsImpl(CredentialsScope.GLOBAL, "role", "AKIABASEKEY000000001", "base-secret",
                "deployer role", "arn:aws:iam::123456789012:role/deployer", null, externalId));
        SystemCredentialsProvider.getInstance().save();
    }

    @Test
    void buildsWithOneRoleCredentialShareOneStsSessionAndAnEditStartsANewOne(JenkinsRule j) throws Exception {
        role("first");
        Simulated.function(sim, "orders");
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition(Simulated.step(sim, "orders", "credentialsId: 'role', memorySize: 256"),
                true));

        for (int build = 0; build < 3; build++) {
            WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
            j.assertLogNotContains("session-secret", b);
        }
        assertEquals(1, assumeRoles.size(), "three deployments, one AssumeRole: " + assumeRoles);
        assertTrue(assumeRoles.get(0).contains("Action=AssumeRole"), assumeRoles.get(0));
        assertTrue(assumeRoles.get(0).contains("ExternalId=first"), assumeRoles.get(0));

        role("second");
        j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        assertEquals(2, assumeRoles.size(), "the edited credential has a session of its own");
        assertTrue(assumeRoles.get(1).contains("ExternalId=second"), assumeRoles.get(1));
    }
}
