package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.LearnedDurations;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.RequestValidator;
import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code deploy}: one safe deployment of a Lambda function. Validates every option before any AWS call, takes the
 * function's lock, and reports the engine's events as they happen (progress lines, or JSON lines on standard error
 * with {@code --json-events}); with {@code --json} standard output holds exactly one JSON object, the result, on
 * success and failure alike. Ctrl-C interrupts the deployment: the engine stops, releases the lock and reports the
 * state left.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Deploy code and/or configuration to a Lambda function safely: serialized per function, "
                + "sequenced, waited for, verified.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:deployed and verified",
            "1:deployment failed (update failed, function failed, conflicts exhausted, foreign change, verification)",
            "2:invalid input or usage (nothing was sent to AWS)",
            "3:function not found, or another AWS error (credentials, permissions, network, persistent throttling)",
            "4:interrupted, deadline exceeded or lock not acquired in time",
            "5:the lock cannot be used (lock file or directory: permissions, a symbolic link; DynamoDB lock table missing "
                    + "or access denied); nothing was changed"})
public final class DeployCommand implements Callable<Integer> {
    /** Beside the default lock directory: what earlier runs learned about how long updates take. */
    static final String LEARNED_DURATIONS_FILE = "learned-durations.properties";


    @Mixin
    RequestOptions request = new RequestOptions();

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Mixin
    LockOptions lock = new LockOptions();

    @Mixin
    DynamoDbLockOptions dynamoDbLock = new DynamoDbLockOptions();

    @Option(names = "--json", description = "Print exactly one JSON object on standard output, the result "
            + "(\"type\":\"result\"), on success and failure alike; progress goes to standard error.")
    boolean json;

    @Option(names = "--json-events", description = "Report the deployment's events as JSON lines on standard "
            + "error (one object per event, with a stable \"type\"), instead of progress lines.")
    boolean jsonEvents;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final Path userHome;
    private final TimeSource time;

    /** Creates the command for this process: its environment variables and home directory. */
    public DeployCommand() {
        this(System.getenv(), Paths.get(System.getProperty("user.home")), TimeSource.system());
    }

    /**
     * @param environment the environment variables to take AWS settings and XDG_RUNTIME_DIR from, not null
     * @param userHome the home directory under which the default lock directory lies, not null
     * @param time the time source of the deployer, not null
     */
    public DeployCommand(Map<String, String> environment, Path userHome, TimeSource time) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment cannot be null"));
        this.userHome = Objects.requireNonNull(userHome, "userHome cannot be null");
        this.time = Objects.requireNonNull(time, "time cannot be null");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeploymentListener events = jsonEvents ? new JsonEventLines(new JsonLines(err))
                : new HumanProgress(json ? err : out, time.now());
        InterruptOnShutdown interrupter = InterruptOnShutdown.install(InterruptOnShutdown.DEFAULT_GRACE);
        try {
            DeploymentResult result = deploy(events);
            if (json) {
                new JsonLines(out).write(JsonValues.success(result));
            } else {
                HumanSummary.print(result, out);
            }
            return ExitCodes.SUCCESS;
        } catch (DeploymentException e) {
            return CommandFailures.report(e, spec.commandLine(), json);
        } finally {
            interrupter.close();
        }
    }

    private DeploymentResult deploy(DeploymentListener events) {
        DeploymentRequest deploymentRequest = request.toRequest();
        // Bad input changes nothing, on this host either: the request and the AWS settings are checked before the
        // lock directory is created or what earlier runs learned is rewritten.
        new RequestValidator().validate(deploymentRequest);
        FunctionReference function = FunctionReference.parse(deploymentRequest.functionName());
        try (LambdaClient client = aws.newClient(function, environment);
             DynamoDbLock dynamoDb = DynamoDbLock.open(lock, dynamoDbLock, aws, function, environment)) {
            LockProvider lockProvider = dynamoDb != null ? dynamoDb.provider() : lock.provider(environment, userHome);
            return deploy(deploymentRequest, client, lockProvider, events);
        }
    }

    private DeploymentResult deploy(DeploymentRequest deploymentRequest, LambdaClient client,
                                    LockProvider lockProvider, DeploymentListener events) {
        // One run is one deployment: start from what earlier runs on this host learned about update durations.
        Path learnedFile = learnedDurationsFile(environment, userHome);
        LearnedDurations learned = LearnedDurations.loadFrom(learnedFile);
        try {
            SafeLambdaDeployer deployer = SafeLambdaDeployer.builder()
                    .client(client)
                    .lockProvider(lockProvider)
                    .timeSource(time)
                    .learnedDurations(learned)
                    .build();
            return deployer.deploy(deploymentRequest, events);
        } finally {
            save(learned, learnedFile);
        }
    }

    /** @return where runs of this user on this host keep what they learned: beside the default lock directory */
    static Path learnedDurationsFile(Map<String, String> environment, Path userHome) {
        return LockOptions.defaultDirectory(environment, userHome).resolveSibling(LEARNED_DURATIONS_FILE);
    }

    private static void save(LearnedDurations learned, Path file) {
        try {
            learned.saveTo(file);
        } catch (UncheckedIOException e) {
            // Only a hint for the next run's polling: a read-only home must not fail a deployment that succeeded.
        }
    }
}
