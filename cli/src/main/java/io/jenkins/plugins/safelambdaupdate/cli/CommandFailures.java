package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import java.io.PrintWriter;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The one way every command that talks to AWS ends on a failure: the message (and the state left) on standard error
 * for a person, and with {@code --json} the result object on standard output for a script; the exit code from
 * {@link ExitCodes}.
 */
final class CommandFailures {
    private CommandFailures() {
    }

    /**
     * @param e the failure, not null
     * @param command the command that failed, for its writers
     * @param json whether the command promised a JSON result on standard output
     * @return the exit code to end with
     */
    static int report(DeploymentException e, CommandLine command, boolean json) {
        return report(e, command, json, CliParameters::flag);
    }

    /**
     * @param flagOf the flag of an engine parameter in this command, where it differs from {@link CliParameters}
     * @return as {@link #report(DeploymentException, CommandLine, boolean)}
     */
    static int report(DeploymentException e, CommandLine command, boolean json, Function<Parameter, String> flagOf) {
        int exitCode = ExitCodes.of(e.failure());
        PrintWriter err = command.getErr();
        String message = UserErrors.describe(e, flagOf);
        err.println(message);
        err.flush();
        if (json) {
            new JsonLines(command.getOut()).write(JsonValues.failure(e, message, flagOf, exitCode));
        }
        return exitCode;
    }
}
