package io.jenkins.plugins.safelambdaupdate.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Reports a command line that cannot be parsed (unknown option, bad value, missing option) as one line that never
 * repeats an argument's value: a mistyped {@code --evn PASSWORD=...} must not print the password. Option names stay,
 * values are shown as {@code ***} ({@code NAME=***} where the value holds an {@code =}). Then a hint to the help,
 * not the whole usage text. With {@code --json} among the arguments, the result object also goes to standard
 * output, so that a script reading it gets one.
 */
final class UsageErrors implements IParameterExceptionHandler {
    static final String MASK = "***";

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        int exitCode = command.getCommandSpec().exitCodeOnInvalidInput();
        String message = masked(String.valueOf(e.getMessage()), List.of(args));
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText("Error: " + message));
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        if (List.of(args).contains("--json")) {
            new JsonLines(command.getOut())
                    .write(JsonValues.failure("INVALID_REQUEST", message, parameter(e), exitCode));
        }
        return exitCode;
    }

    /** @return the option the error is about, or the first unknown option; null when none is named */
    private static String parameter(ParameterException e) {
        if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            return option.longestName();
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return unmatched.getUnmatched().stream().filter(arg -> arg.startsWith("-"))
                    .map(arg -> arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg)
                    .findFirst().orElse(null);
        }
        return null;
    }

    /**
     * @param message picocli's message, which quotes the arguments it could not use
     * @param args the command line
     * @return the message with every quoted argument that is not an option name masked
     */
    static String masked(String message, List<String> args) {
        String text = message;
        for (String arg : args) {
            String shown = shown(arg);
            if (!shown.equals(arg)) {
                text = text.replace("'" + arg + "'", "'" + shown + "'");
            }
        }
        return text;
    }

    /** @return an option name as it is, {@code --name=***} for an attached value, {@code ***} for any value */
    private static String shown(String arg) {
        int equals = arg.indexOf('=');
        if (arg.startsWith("-")) {
            return equals < 0 ? arg : arg.substring(0, equals + 1) + MASK;
        }
        return equals > 0 && arg.substring(0, equals).matches("[A-Za-z_][A-Za-z0-9_]*")
                ? arg.substring(0, equals + 1) + MASK : MASK;
    }
}
