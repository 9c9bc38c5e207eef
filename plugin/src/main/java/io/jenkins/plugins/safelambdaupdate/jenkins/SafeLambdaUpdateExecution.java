package io.jenkins.plugins.safelambdaupdate.jenkins;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.safelambdaupdate.AwsEnvironment;
import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.EnvironmentMode;
import io.jenkins.plugins.safelambdaupdate.EventRenderer;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.LambdaClients;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.RequestParameters;
import io.jenkins.plugins.safelambdaupdate.RequestValidator;
import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Runs one {@code safeLambdaUpdate} on a background thread (never the CPS VM thread): the lock wait and the deployment
 * both happen there, and aborting the build interrupts it, which makes the engine stop at once and release the lock.
 * Turns the step's values into an engine request, resolves credentials, region and endpoint, and prints the engine's
 * events to the build log. The step does not survive a controller restart: {@link #onResume()} frees its lock and
 * fails with a clear message.
 */
final class SafeLambdaUpdateExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(SafeLambdaUpdateExecution.class.getName());
    /** The prefix of every line this step writes to the build log. */
    static final String PREFIX = "[safeLambdaUpdate] ";

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "only used while running;"
            + " a resumed execution fails without using it")
    private final transient SafeLambdaUpdateStep step;
    private final String functionName;
    /** The engine's longest deadline, 12 hours, in the step's unit. */
    private static final int MAX_DEADLINE_MINUTES = 12 * 60;

    SafeLambdaUpdateExecution(SafeLambdaUpdateStep step, StepContext context) {
        super(context);
        this.step = step;
        this.functionName = step.getFunctionName();
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        PrintStream log = listener.getLogger();
        try {
            // The choice among zipFile, S3 and image is checked before anything is copied (the path is a placeholder).
            CodeSource code = RequestParameters.codeSource(step.getZipFile() == null ? null : Path.of("zipFile"),
                    step.getS3Bucket(), step.getS3Key(), step.getS3ObjectVersion(), step.getImageUri()).orElse(null);
            if (code instanceof CodeSource.ZipFile) {
                // Every other parameter is checked before the zip is read on its machine: a bad value costs no read.
                new RequestValidator().validate(request(null));
                code = WorkspaceZip.codeSource(context.get(FilePath.class), step.getZipFile());
            }
            DeploymentRequest request = request(code);
            EnvVars environment = context.get(EnvVars.class);
            AwsCredentialsProvider credentials = credentials(step.getCredentialsId(), run, log);
            AwsEnvironment aws = AwsEnvironment.of(environment);
            requireCredentials(credentials, aws);
            FunctionReference function = FunctionReference.parse(request.functionName());
            LambdaClients.Builder clients = LambdaClients.builder()
                    .requestRateLimit(ControllerRateLimits.get().forIdentityAndRegion(identity(aws),
                            aws.resolveRegion(step.getRegion(), function)))
                    .proxy(JenkinsProxy.ofController())
                    .environment(aws)
                    .function(function)
                    .region(step.getRegion())
                    .endpointUrl(step.getEndpointUrl())
                    .credentialsProvider(credentials);
            LockProvider locks = step.isLock()
                    ? new LockableResourceLockProvider(run, context.get(FlowNode.class), LockWaiters.get())
                    : LockProviders.none("lock: false");
            EventRenderer renderer = new EventRenderer();
            try (LambdaClient client = clients.build();
                 CrossHostLock crossHost = crossHostLock(run, client, credentials, environment)) {
                if (crossHost != null) {
                    // The local queue first, so that one build of this controller at a time contends across hosts.
                    locks = LockProviders.inOrder(locks, crossHost.provider());
                }
                return SafeLambdaDeployer.builder().client(client).lockProvider(locks)
                        .learnedDurations(ControllerLearnedDurations.get().durations()).build()
                        .deploy(request, event -> log.println(PREFIX + renderer.render(event)))
                        .toMap();
            }
        } catch (DeploymentException e) {
            // The engine's messages name the parameter (in the step's words; the zip by the path the user gave) and
            // never carry a secret or an environment value.
            throw new AbortException(PREFIX + (e instanceof InvalidRequestException invalid
                    ? StepParameters.describe(invalid) : e.getMessage()));
        }
    }

    /**
     * The step cannot carry on after a restart (its thread and its AWS client are gone): free the function lock this
     * build's deployment held and end the step with a message that says what to do.
     */
    @Override
    public void onResume() {
        StepContext context = getContext();
        try {
            LockableResourceLockProvider.releaseAfterRestart(context.get(Run.class), functionName);
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not free the lock of safeLambdaUpdate " + functionName, e);
        }
        context.onFailure(new AbortException(PREFIX + "Jenkins restarted while safeLambdaUpdate was deploying "
                + functionName + "; the deployment was interrupted and its lock freed: check the function's state"
                + " and run the deployment again"));
    }

    /** @return what stands for the AWS account in the controller's shared rate limits (never printed) */
    private String identity(AwsEnvironment aws) {
        if (step.getCredentialsId() != null) {
            return "credentials:" + step.getCredentialsId();
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

    /** @return the DynamoDB lock of the controller's settings, or null without a table or with the step opting out */
    private CrossHostLock crossHostLock(Run<?, ?> run, LambdaClient client, AwsCredentialsProvider credentials,
                                        EnvVars environment) {
        SafeLambdaUpdateConfiguration config = SafeLambdaUpdateConfiguration.get();
        if (!step.isCrossHostLock() || config.getLockTable() == null) {
            return null;
        }
        return CrossHostLock.open(config, run, client.serviceClientConfiguration().region().id(), credentials,
                environment);
    }

    private DeploymentRequest request(CodeSource code) {
        if (step.getDeadlineMinutes() < 1 || step.getDeadlineMinutes() > MAX_DEADLINE_MINUTES) {
            // Said in the step's own words: its parameter is in minutes, the engine's deadline a duration.
            throw new InvalidRequestException(Parameter.DEADLINE, "must be between 1 and "
                    + MAX_DEADLINE_MINUTES + " (12 hours), was " + step.getDeadlineMinutes());
        }
        DeploymentRequest.Builder b = DeploymentRequest.builder()
                .functionName(functionName)
                .code(code)
                .environmentMode(RequestParameters.choice(Parameter.ENVIRONMENT_MODE, step.getEnvironmentMode(), EnvironmentMode.MERGE))
                .memorySize(step.getMemorySize())
                .timeout(step.getTimeout())
                .handler(step.getHandler())
                .runtime(step.getRuntime())
                .description(step.getDescription())
                .layers(step.getLayers())
                .role(step.getRole())
                .publish(step.isPublish())
                .alias(step.getAlias())
                .deadline(Duration.ofMinutes(step.getDeadlineMinutes()))
                .conflictRetries(step.getConflictRetries())
                .onForeignChange(RequestParameters.choice(Parameter.ON_FOREIGN_CHANGE, step.getOnForeignChange(), ForeignChangePolicy.REAPPLY));
        if (step.getEnvironment() != null) {
            b.environment(RequestParameters.environment(step.getEnvironment()));
        }
        return b.build();
    }

    /**
     * Resolves {@code credentialsId} once for this step, in the context of the build (so folder and user-scoped
     * credentials are honoured), and records its use. With an IAM role, this one call is the one STS AssumeRole.
     *
     * @return a static provider, or null without {@code credentialsId} or for credentials with blank keys and no role
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
            log.println(PREFIX + "Credentials '" + credentialsId + "' hold no access key and no role: using the"
                    + " step's AWS environment variables, else the controller's own AWS identity where an administrator"
                    + " allows it");
        }
        return resolved;
    }
}
