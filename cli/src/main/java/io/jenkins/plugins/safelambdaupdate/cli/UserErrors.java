package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import java.time.Instant;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import java.util.function.Function;

/** Turns the engine's exceptions into one-line messages for the terminal, naming command-line flags. */
final class UserErrors {

    private UserErrors() {
    }

    /**
     * @param e an invalid request, not null
     * @return for example {@code "Invalid --memory: must be between 128 and 10240 MB, was 64"}
     */
    static String describe(InvalidRequestException e) {
        return describe(e, CliParameters::flag);
    }

    /**
     * @param e an invalid request, not null
     * @param flagOf the flag of an engine parameter in the command at hand (a command may call one differently)
     * @return for example {@code "Invalid --memory: must be between 128 and 10240 MB, was 64"}
     */
    static String describe(InvalidRequestException e, Function<Parameter, String> flagOf) {
        return "Invalid " + flagOf.apply(e.parameter()) + ": " + e.problem(flagOf);
    }

    /**
     * @param e a failed deployment or read, not null
     * @return the message with the kind of failure, and the state the function was left in when known and not
     *     already in the message
     */
    static String describe(DeploymentException e) {
        return describe(e, CliParameters::flag);
    }

    /**
     * @param e a failed deployment or read, not null
     * @param flagOf the flag of an engine parameter in the command at hand
     * @return as {@link #describe(DeploymentException)}
     */
    static String describe(DeploymentException e, Function<Parameter, String> flagOf) {
        if (e instanceof InvalidRequestException invalid) {
            return describe(invalid, flagOf);
        }
        // "Function X not found: ..." says it already: no headline repeating it.
        StringBuilder sb = new StringBuilder(e.failure() == FailureKind.FUNCTION_NOT_FOUND ? ""
                : headline(e) + ": ").append(e.getMessage());
        e.stateLeft().filter(s -> !e.getMessage().contains(s.describe())).ifPresent(s -> sb
                .append(System.lineSeparator()).append("Function left in ").append(s.describeAsOf(Instant.now())));
        return sb.toString();
    }

    private static String headline(DeploymentException e) {
        switch (e.failure()) {
            case AWS_ERROR:
                return "AWS error";
            case INTERRUPTED:
                return "Interrupted";
            case DEADLINE_EXCEEDED:
                return "Deadline exceeded";
            case LOCK_TIMEOUT:
                return "Lock timeout";
            case LOCK_UNAVAILABLE:
                return "Lock unavailable";
            default:
                return "Deployment failed (" + e.failure() + ")";
        }
    }
}
