package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DynamoDbLockTable;
import io.jenkins.plugins.safelambdaupdate.LockTableException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code lock-table create}: creates the lock table (partition key {@code key}, a string; on-demand capacity) and waits
 * until it is active. Idempotent.
 */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Create the DynamoDB lock table (partition key 'key' of type string, on-demand capacity) and "
                + "wait until it is active. A table that already exists with this schema is left as it is.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the table exists and is active (created now or before)",
            "2:invalid input or usage (nothing was sent to AWS)",
            "3:AWS refused (access denied, a table of that name with another schema, network)"})
public final class LockTableCreateCommand implements Callable<Integer> {

    @Option(names = {"--table", "--lock-table"}, required = true, paramLabel = "NAME",
            description = "The table's name: 3 to 255 letters, digits, '_', '-' or '.'.")
    String table;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (as for deploy). Default: AWS_REGION, else AWS_DEFAULT_REGION.")
    String region;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Named profile to take credentials from. Default: the SDK's default chain.")
    String profile;

    @Mixin
    DynamoDbConnectionOptions connection = new DynamoDbConnectionOptions();

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    /** Creates the command for this process's environment. */
    public LockTableCreateCommand() {
        this(System.getenv());
    }

    /** @param environment the environment variables to take AWS settings from, not null */
    public LockTableCreateCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment cannot be null"));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String name = DynamoDbLockTable.checkName(table);
            AwsOptions aws = new AwsOptions();
            aws.region = region;
            aws.profile = profile;
            try (DynamoDbClient client = connection.newClient(aws.lambdaRegion(null, environment),
                    aws.profileCredentials(), environment)) {
                boolean created = DynamoDbLockTable.create(client, name);
                out.println(created ? "Created DynamoDB lock table " + name + "; it is active."
                        : "DynamoDB lock table " + name + " already exists and is active; nothing to do.");
                out.flush();
                return ExitCodes.SUCCESS;
            }
        } catch (LockTableException e) {
            err.println("AWS error: " + e.getMessage());
            err.flush();
            return ExitCodes.AWS_ERROR;
        } catch (DeploymentException e) {
            // This command calls the table --table (--lock-table is its alias here).
            return CommandFailures.report(e, spec.commandLine(), false,
                    parameter -> parameter == Parameter.LOCK_TABLE ? "--table" : CliParameters.flag(parameter));
        }
    }
}
