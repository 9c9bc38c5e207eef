package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.FunctionReader;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.io.PrintWriter;
import java.time.Duration;
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
 * {@code wait}: waits, bounded, until no creation or update of the function is in progress, through the SDK's
 * waiters, without taking the lock. Ends 0 when the function settled healthy, 1 when it settled in a failed state.
 */
@Command(name = "wait", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Wait until a function is settled (not Pending, no update InProgress), then show its state.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:settled: neither State nor LastUpdateStatus is Failed",
            "1:settled, but State=Failed or LastUpdateStatus=Failed",
            "2:invalid input or usage (nothing was sent to AWS)",
            "3:function not found, or another AWS error (credentials, permissions, network, persistent throttling)",
            "4:not settled within --deadline, or interrupted"})
public final class WaitCommand implements Callable<Integer> {

    @Option(names = "--function", required = true, paramLabel = "NAME|ARN",
            description = "Function name, full ARN or partial ARN (a qualifier is ignored: $LATEST is awaited).")
    String function;

    @Option(names = {"--deadline", "--timeout"}, paramLabel = "DURATION", defaultValue = "5m",
            converter = DurationConverter.class,
            description = "How long to wait at most, e.g. 90s, 5m (--timeout is the former name). "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = "--json", description = "Print exactly one JSON object on standard output: the state reached "
            + "(\"type\":\"status\"), or on failure the result (\"type\":\"result\", \"outcome\":\"failed\").")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final TimeSource time;

    /** Creates the command for this process's environment. */
    public WaitCommand() {
        this(System.getenv(), TimeSource.system());
    }

    /**
     * @param environment the environment variables to take AWS settings from, not null
     * @param time the time of the wait and its deadline, not null
     */
    public WaitCommand(Map<String, String> environment, TimeSource time) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment cannot be null"));
        this.time = Objects.requireNonNull(time, "time cannot be null");
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        FunctionStatusOutput output = new FunctionStatusOutput(spec.commandLine().getOut(), json);
        long start = time.nanoTime();
        InterruptOnShutdown interrupter = InterruptOnShutdown.install(InterruptOnShutdown.DEFAULT_GRACE);
        try {
            FunctionReference reference = FunctionReference.parse(function);
            try (LambdaClient client = aws.newClient(reference, environment)) {
                FunctionStatus status = FunctionReader.builder().client(client).timeSource(time).build()
                        .awaitSettled(function, timeout);
                long waited = Duration.ofNanos(time.nanoTime() - start).toMillis();
                output.print(status, Map.of("waitedMillis", waited));
                if (healthy(status)) {
                    return ExitCodes.SUCCESS;
                }
                err.println("Function settled in a failed state: " + status.describe());
                err.flush();
                return ExitCodes.FAILED;
            }
        } catch (DeploymentException e) {
            if (!json) { // with --json the failure's result object carries the state left
                e.stateLeft().filter(s -> e.failure() == FailureKind.DEADLINE_EXCEEDED)
                        .ifPresent(s -> output.print(s, Map.of()));
            }
            return CommandFailures.report(e, spec.commandLine(), json);
        } finally {
            interrupter.close();
        }
    }

    private static boolean healthy(FunctionStatus status) {
        return !"Failed".equals(status.state()) && !"Failed".equals(status.lastUpdateStatus());
    }
}
