package io.jenkins.plugins.safelambdaupdate.jenkins;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.EnvVars;
import hudson.model.Run;
import io.jenkins.plugins.safelambdaupdate.AwsEnvironment;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.LambdaClients;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How one {@code safeLambdaUpdate} reaches AWS: whose credentials ({@code credentialsId} in the build's context, else
 * the AWS variables of the step's environment, else the controller's own identity where an administrator allows it),
 * and a Lambda client for its region and endpoint through the controller's proxy and shared request rate limit.
 */
final class StepAwsAccess {
    private final SafeLambdaUpdateStep step;
    private final StepContext context;
    private final Run<?, ?> run;

    StepAwsAccess(SafeLambdaUpdateStep step, StepContext context, Run<?, ?> run) {
        this.step = step;
        this.context = context;
        this.run = run;
    }

    /**
     * @param log where to say that the credentials hold no key (the deployment passes a sink: said when preparing)
     * @return the credentials of {@code credentialsId}, see {@link #credentials(String, Run, PrintStream)}
     */
    AwsCredentialsProvider credentials(PrintStream log) {
        return credentials(step.getCredentialsId(), run, log);
    }

    /**
     * @param credentials from {@link #credentials(PrintStream)}
     * @return a client builder for the step's function, region and endpoint
     * @throws InvalidRequestException naming {@code credentialsId} when the step has no credentials of its own and
     *     the controller's identity is not allowed
     */
    LambdaClients.Builder clients(AwsCredentialsProvider credentials)
            throws IOException, InterruptedException {
        EnvVars environment = context.get(EnvVars.class);
        AwsEnvironment aws = AwsEnvironment.of(environment);
        requireCredentials(credentials, aws);
        FunctionReference function = FunctionReference.parse(step.getFunctionName());
        return LambdaClients.builder()
                .requestRateLimit(ControllerRateLimits.get().forIdentityAndRegion(identity(aws),
                        aws.resolveRegion(step.getRegion(), function)))
                .proxy(JenkinsProxy.ofController())
                .environment(aws)
                .function(function)
                .region(step.getRegion())
                .endpointUrl(step.getEndpointUrl())
                .credentialsProvider(credentials);
    }

    /**
     * @return what stands for the AWS account in the controller's shared rate limits (never printed): for
     *     {@code credentialsId}, the id and what the credential stands for, as one id may name different credentials
     *     in different folders
     */
    private String identity(AwsEnvironment aws) {
        if (step.getCredentialsId() != null) {
            AmazonWebServicesCredentials found = CredentialsProvider.findCredentialById(step.getCredentialsId(),
                    AmazonWebServicesCredentials.class, run, List.of());
            return "credentials:" + (found instanceof AWSCredentialsImpl impl
                    ? ControllerRoleSessions.key(impl, step.getCredentialsId()) : step.getCredentialsId());
        }
        return aws.credentials().map(keys -> "key:" + keys.resolveCredentials().accessKeyId()).orElse("controller");
    }

    /**
     * Without credentials of the step's own (its credentialsId, or AWS keys in its environment) the SDK would fall
     * back to the controller's own identity: only where an administrator allows it.
     */
    private static void requireCredentials(AwsCredentialsProvider credentials, AwsEnvironment environment) {
        if (credentials != null || environment.credentials().isPresent()
                || SafeLambdaUpdateConfiguration.get().isAllowControllerIdentity()) {
            return;
        }
        throw new InvalidRequestException(Parameter.CREDENTIALS, "is missing: give the step AWS credentials"
                + " (credentialsId of the aws-credentials plugin, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in its"
                + " environment through withCredentials or withAWS); the controller's own AWS identity is used only"
                + " where an administrator allows it under Manage Jenkins > System > Safe Lambda Update");
    }

    /**
     * Resolves {@code credentialsId} in the context of the build (so folder and user-scoped credentials are
     * honoured), and records its use.
     *
     * @return a provider, or null without {@code credentialsId} or for credentials with blank keys and no role
     *     (the step's AWS environment variables, else the controller's default chain, then apply)
     */
    private static AwsCredentialsProvider credentials(String credentialsId, Run<?, ?> run, PrintStream log) {
        if (credentialsId == null) {
            return null;
        }
        AmazonWebServicesCredentials found = CredentialsProvider.findCredentialById(credentialsId,
                AmazonWebServicesCredentials.class, run, List.of());
        if (found == null) {
            throw new InvalidRequestException(Parameter.CREDENTIALS, "'" + credentialsId + "' does not name"
                    + " AWS credentials that this build may use");
        }
        CredentialsProvider.track(run, found);
        AwsCredentialsProvider resolved = JenkinsAwsCredentials.provider(found, Parameter.CREDENTIALS, credentialsId);
        if (resolved == null) {
            // Blank keys and no role is how users ask for the controller's own identity: say so, not silently.
            log.println(StepDeployment.PREFIX + "Credentials '" + credentialsId + "' hold no access key and no role:"
                    + " using the step's AWS environment variables, else the controller's own AWS identity where an"
                    + " administrator allows it");
        }
        return resolved;
    }
}
