package io.jenkins.plugins.safelambdaupdate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lock-table}: manages the DynamoDB table of {@code --lock dynamodb}; only its subcommands do anything. */
@Command(name = "lock-table", mixinStandardHelpOptions = true,
        description = "Manage the DynamoDB table that holds the function locks of --lock dynamodb.",
        subcommands = {LockTableCreateCommand.class})
public final class LockTableCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage. */
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: create");
    }
}
