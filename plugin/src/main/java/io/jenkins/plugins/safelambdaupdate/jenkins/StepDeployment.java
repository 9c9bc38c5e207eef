package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.EnvironmentMode;
import io.jenkins.plugins.safelambdaupdate.EventRenderer;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import io.jenkins.plugins.safelambdaupdate.FunctionReader;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.LambdaClients;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.RequestParameters;
import io.jenkins.plugins.safelambdaupdate.RequestValidator;
import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The AWS side of one {@code safeLambdaUpdate}, on a {@link DeployExecutor} thread: {@link #resolve} checks every
 * parameter and reads the function's canonical ARN (the lock's name) with one GetFunction before the step queues, and
 * {@link #deploy} runs the engine under a lock the step already holds. Turns the step's values into an engine request,
 * reaches AWS through {@link StepAwsAccess}, and prints the engine's events to the build log. Made anew for each
 * phase (nothing of it survives a restart).
 */
final class StepDeployment {
    /** The prefix of every line this step writes to the build log. */
    static final String PREFIX = "[safeLambdaUpdate] ";
    /** The engine's longest deadline, 12 hours, in the step's unit. */
    private static final int MAX_DEADLINE_MINUTES = 12 * 60;
    /** How long the read of the function before queueing may take, throttling retries included. */
    private static final Duration RESOLVE_DEADLINE = Duration.ofMinutes(2);

    private final SafeLambdaUpdateStep step;
    private final StepContext context;
    private final Run<?, ?> run;
    private final PrintStream log;
    private final StepAwsAccess aws;

    StepDeployment(SafeLambdaUpdateStep step, StepContext context, Run<?, ?> run, PrintStream log) {
        this.step = step;
        this.context = context;
        this.run = run;
        this.log = log;
        this.aws = new StepAwsAccess(step, context, run);
    }

    /**
     * Checks every parameter (before any AWS call), checks and digests a zip on the machine of its workspace, and
     * reads the function once.
     *
     * @return the function's canonical unqualified ARN (the name of its lock) and the code to deploy
     * @throws AbortException naming the parameter, or saying why the function could not be read
     */
    Prepared resolve() throws IOException, InterruptedException {
        try {
            CodeSource choice = codeChoice();
            // Every other parameter is checked before the zip is read on its machine: a bad value costs no read.
            new RequestValidator().validate(request(choice instanceof CodeSource.ZipFile ? null : choice,
                    Duration.ofMinutes(Math.max(1, step.getDeadlineMinutes()))));
            CodeSource code = code(choice);
            try (LambdaClient client = aws.clients(aws.credentials(log)).build()) {
                Duration deadline = Duration.ofMinutes(step.getDeadlineMinutes());
                String arn = FunctionReader.builder().client(client).build()
                        .status(step.getFunctionName(), deadline.compareTo(RESOLVE_DEADLINE) < 0
                                ? deadline : RESOLVE_DEADLINE)
                        .functionArn();
                log.println(PREFIX + new EventRenderer().render(
                        new DeploymentEvent.Resolved(Instant.now(), step.getFunctionName(), arn)));
                return new Prepared(arn, code);
            }
        } catch (DeploymentException e) {
            throw abort(e);
        }
    }

    /**
     * What the preparation found: the lock's name, and the code to deploy (a zip checked and digested on the machine
     * of its workspace; its bytes are read only for the upload).
     */
    record Prepared(String functionArn, CodeSource code) {
    }

    /** @return the failure as the build shows it: a refusal in the step's words, else the engine's message */
    static AbortException abort(DeploymentException e) {
        // The engine's messages name the parameter (in the step's words; the zip by the path the user gave) and
        // never carry a secret or an environment value.
        return new AbortException(PREFIX + (e instanceof InvalidRequestException invalid
                ? StepParameters.describe(invalid) : e.getMessage()));
    }

    /**
     * @return which code the step names (a zip as a placeholder path: nothing is read yet), or null for none
     * @throws InvalidRequestException naming the parameters when the step names more than one, or half an S3 object
     */
    private CodeSource codeChoice() {
        return RequestParameters.codeSource(step.getZipFile() == null ? null : Path.of("zipFile"), step.getS3Bucket(),
                step.getS3Key(), step.getS3ObjectVersion(), step.getImageUri()).orElse(null);
    }

    /** @return the code source; a zip is checked and digested on the machine of the workspace, not read here */
    private CodeSource code(CodeSource choice) throws IOException, InterruptedException {
        return choice instanceof CodeSource.ZipFile
                ? WorkspaceZip.codeSource(context.get(FilePath.class), step.getZipFile()) : choice;
    }

    /**
     * Runs the deployment under a lock the step already holds; the engine releases it.
     *
     * @param locks the held lock ({@link LockProviders#held}) or no lock ({@code lock: false})
     * @param deadline what is left of the step's deadline for this deployment
     * @param prepared the code found when the step prepared, or null to look again (after a restart)
     * @param stepRunning whether the step still runs: asked at each event, an ended step (Terminate, which ends it
     *     without an abort) stops the deployment as an abort does, at its next AWS call or wait
     * @return the step's result map
     * @throws AbortException with the engine's message when the deployment did not complete
     */
    Map<String, Object> deploy(LockProvider locks, Duration deadline, CodeSource prepared, BooleanSupplier stepRunning)
            throws IOException, InterruptedException {
        try {
            CodeSource code = prepared != null ? prepared : code(codeChoice());
            DeploymentRequest request = request(code, deadline);
            // what they are was said when the step started
            AwsCredentialsProvider credentials = aws.credentials(TaskListener.NULL.getLogger());
            LambdaClients.Builder clients = aws.clients(credentials);
            EventRenderer renderer = new EventRenderer();
            LockProvider all = locks;
            try (LambdaClient client = clients.build();
                 CrossHostLock crossHost = crossHostLock(client, credentials)) {
                if (crossHost != null) {
                    // The controller's lock first, so that one build of this controller at a time contends across hosts.
                    all = LockProviders.inOrder(locks, crossHost.provider());
                }
                return SafeLambdaDeployer.builder().client(client).lockProvider(all)
                        .learnedDurations(ControllerLearnedDurations.get().durations()).build()
                        .deploy(request, event -> {
                            if (!(event instanceof DeploymentEvent.Resolved)) { // said before the step queued
                                log.println(PREFIX + renderer.render(event));
                            }
                            if (!Thread.currentThread().isInterrupted() && !stepRunning.getAsBoolean()) {
                                log.println(PREFIX + "The step was ended (Terminate): stopping the deployment");
                                Thread.currentThread().interrupt(); // the engine stops as for an abort
                            }
                        })
                        .toMap();
            }
        } catch (DeploymentException e) {
            throw abort(e);
        }
    }

    /** @return the DynamoDB lock of the controller's settings, or null without a table or with the step opting out */
    private CrossHostLock crossHostLock(LambdaClient client, AwsCredentialsProvider credentials)
            throws IOException, InterruptedException {
        SafeLambdaUpdateConfiguration config = SafeLambdaUpdateConfiguration.get();
        if (!step.isLock() || !step.isCrossHostLock() || config.getLockTable() == null) {
            return null;
        }
        return CrossHostLock.open(config, run, client.serviceClientConfiguration().region().id(), credentials,
                context.get(EnvVars.class));
    }

    private DeploymentRequest request(CodeSource code, Duration deadline) {
        if (step.getDeadlineMinutes() < 1 || step.getDeadlineMinutes() > MAX_DEADLINE_MINUTES) {
            // Said in the step's own words: its parameter is in minutes, the engine's deadline a duration.
            throw new InvalidRequestException(Parameter.DEADLINE, "must be between 1 and "
                    + MAX_DEADLINE_MINUTES + " (12 hours), was " + step.getDeadlineMinutes());
        }
        DeploymentRequest.Builder b = DeploymentRequest.builder()
                .functionName(step.getFunctionName())
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
                .deadline(deadline)
                .conflictRetries(step.getConflictRetries())
                .onForeignChange(RequestParameters.choice(Parameter.ON_FOREIGN_CHANGE, step.getOnForeignChange(), ForeignChangePolicy.REAPPLY));
        if (step.getEnvironment() != null) {
            b.environment(RequestParameters.environment(step.getEnvironment()));
        }
        return b.build();
    }
}
