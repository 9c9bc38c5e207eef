package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.FunctionReader;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
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

/** {@code status}: reads a function's state with one GetFunction, without taking the lock. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show a function's State, LastUpdateStatus (with reasons), CodeSha256, RevisionId and "
                + "LastModified.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the state was read",
            "2:invalid input or usage (nothing was sent to AWS)",
            "3:function not found, or another AWS error (credentials, permissions, network, persistent throttling)",
            "4:interrupted, or not read within --deadline"})
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--function", required = true, paramLabel = "NAME|ARN",
            description = "Function name, full ARN or partial ARN (a qualifier is ignored: $LATEST is read).")
    String function;

    @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "How long the read may take at most, retries of throttled reads included, e.g. 30s. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration deadline;

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = "--json", description = "Print exactly one JSON object on standard output: the status "
            + "(\"type\":\"status\"), or on failure the result (\"type\":\"result\", \"outcome\":\"failed\").")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    /** Creates the command for this process's environment. */
    public StatusCommand() {
        this(System.getenv());
    }

    /** @param environment the environment variables to take AWS settings from, not null */
    public StatusCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment cannot be null"));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            FunctionReference reference = FunctionReference.parse(function);
            try (LambdaClient client = aws.newClient(reference, environment)) {
                FunctionStatus status = FunctionReader.builder().client(client).build().status(function, deadline);
                new FunctionStatusOutput(spec.commandLine().getOut(), json).print(status, Map.of());
                return ExitCodes.SUCCESS;
            }
        } catch (DeploymentException e) {
            return CommandFailures.report(e, spec.commandLine(), json);
        }
    }
}
