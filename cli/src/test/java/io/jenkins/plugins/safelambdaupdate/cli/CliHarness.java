package io.jenkins.plugins.safelambdaupdate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.safelambdaupdate.TimeSource;
import io.jenkins.plugins.safelambdaupdate.testing.ShortSleeps;
import io.jenkins.plugins.safelambdaupdate.testing.SimulatorPriors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the command line in this JVM as {@code main} would, with an injected process environment and home directory
 * and captured standard output and error; the engine's long sleeps (retry backoff) are cut short.
 */
final class CliHarness {
    private final Map<String, String> environment;
    private final Path home;

    /**
     * @param environment what the commands see as the process environment
     * @param home what the commands see as the user's home directory
     */
    CliHarness(Map<String, String> environment, Path home) {
        this.environment = Map.copyOf(environment);
        this.home = home;
    }

    /** The outcome of one run. */
    record Run(int exitCode, String out, String err) {
        /** @return every line of standard output parsed as JSON */
        List<JsonNode> jsonLines() {
            ObjectMapper mapper = new ObjectMapper();
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\\R")) {
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    nodes.add(mapper.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + line, e);
                }
            }
            return nodes;
        }

        /** @return the one JSON object standard output holds under {@code --json}; fails if it holds anything else */
        JsonNode result() {
            List<JsonNode> lines = jsonLines();
            if (lines.size() != 1) {
                throw new AssertionError("expected exactly one JSON object on standard output, got " + lines.size()
                        + ": " + out);
            }
            return lines.get(0);
        }

        /** @return the JSON lines on standard error ({@code --json-events}); other lines are skipped */
        List<JsonNode> eventLines() {
            ObjectMapper mapper = new ObjectMapper();
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : err.split("\\R")) {
                if (line.startsWith("{")) {
                    try {
                        nodes.add(mapper.readTree(line));
                    } catch (IOException e) {
                        throw new UncheckedIOException("not a JSON line: " + line, e);
                    }
                }
            }
            return nodes;
        }

        /** @return standard output and error together, for assertions on what a user sees */
        String all() {
            return out + err;
        }
    }

    /**
     * Makes the commands start from what a previous run on this host learned about the simulator's timings (see
     * {@link SimulatorPriors}): their first polls come when the simulator is likely done, not at AWS's second.
     *
     * @return this harness
     */
    CliHarness knowing(Duration update, Duration publish) {
        SimulatorPriors.write(DeployCommand.learnedDurationsFile(environment, home), update, publish);
        return this;
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SafeLambdaUpdateCli.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == DeployCommand.class) {
                    return cls.cast(new DeployCommand(environment, home, ShortSleeps.FOR_SIMULATOR));
                }
                if (cls == StatusCommand.class) {
                    return cls.cast(new StatusCommand(environment));
                }
                if (cls == LockTableCreateCommand.class) {
                    return cls.cast(new LockTableCreateCommand(environment));
                }
                if (cls == WaitCommand.class) {
                    return cls.cast(new WaitCommand(environment, ShortSleeps.FOR_SIMULATOR));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
