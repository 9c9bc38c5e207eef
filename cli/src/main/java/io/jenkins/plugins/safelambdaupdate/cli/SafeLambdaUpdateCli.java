package io.jenkins.plugins.safelambdaupdate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code safe-lambda-update} command: only its subcommands do anything. Run as
 * {@code java -jar safe-lambda-update.jar <command>}.
 */
@Command(name = "safe-lambda-update", mixinStandardHelpOptions = true,
        versionProvider = SafeLambdaUpdateCli.Version.class,
        description = "Serialized, sequenced, waited-for AWS Lambda deployments from CI.",
        subcommands = {DeployCommand.class, StatusCommand.class, WaitCommand.class, SimulateCommand.class,
            DemoCommand.class, LockTableCommand.class})
public final class SafeLambdaUpdateCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: the usage, and the usage exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(commandLine(CommandLine.defaultFactory()).execute(args));
    }

    /**
     * @param factory creates the commands (tests inject collaborators through it)
     * @return the command line with its error handling; set its writers with {@code setOut}/{@code setErr}
     */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(SafeLambdaUpdateCli.class, factory)
                // Not picocli's RunLast itself: given one of its built-in handlers, execute() replaces the writers
                // set with setOut/setErr by System.out/System.err as they were when the handler was created, when
                // those differ from the current ones (another thread's System.setErr was enough).
                .setExecutionStrategy(parseResult -> new CommandLine.RunLast().execute(parseResult))
                .setExecutionExceptionHandler(SafeLambdaUpdateCli::report)
                .setParameterExceptionHandler(new UsageErrors());
    }

    /**
     * Prints what went wrong as one line. A stack trace only for what is neither bad input
     * (IllegalArgumentException: invalid-input exit code, 2) nor a failure of the environment
     * (I/O, illegal state: execution-exception exit code, 1).
     */
    static int report(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        command.getErr().println(command.getColorScheme().errorText("Error: " + describe(e)));
        boolean badInput = e instanceof IllegalArgumentException;
        if (!badInput && !(e instanceof UncheckedIOException || e instanceof IOException
                || e instanceof IllegalStateException)) {
            e.printStackTrace(command.getErr());
        }
        int exitCode = badInput ? command.getCommandSpec().exitCodeOnInvalidInput()
                : command.getCommandSpec().exitCodeOnExecutionException();
        if (parsed != null && parsed.originalArgs().contains("--json")) {
            // A script reading the result gets one here too.
            new JsonLines(command.getOut()).write(JsonValues.failure(badInput ? "INVALID_REQUEST" : "ERROR",
                    describe(e), null, exitCode));
        }
        return exitCode;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += ": " + cause.getMessage();
        }
        return message;
    }

    /** The version from the Maven descriptor in the jar; "development build" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties pom = new Properties();
            try (InputStream in = SafeLambdaUpdateCli.class.getResourceAsStream(
                    "/META-INF/maven/io.jenkins.plugins/safe-lambda-update-cli/pom.properties")) {
                if (in != null) {
                    pom.load(in);
                }
            }
            return new String[] {"safe-lambda-update " + pom.getProperty("version", "(development build)")};
        }
    }
}
