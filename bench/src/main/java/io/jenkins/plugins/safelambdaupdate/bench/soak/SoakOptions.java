package io.jenkins.plugins.safelambdaupdate.bench.soak;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The soak's options, mixed into the benchmark's command line: {@code --soak} runs the soak instead of the benchmark.
 * It also reads the benchmark's own {@code --deployers} (one value), {@code --functions}, {@code --update-ms},
 * {@code --publish-ms} and {@code --json} when given.
 */
public final class SoakOptions {
    /** Exit code: the soak ran and no invariant was violated. */
    public static final int OK = 0;
    /** Exit code: an invariant was violated. */
    public static final int VIOLATED = 1;

    private static final SoakSettings D = SoakSettings.DEFAULTS;

    @Option(names = "--soak", description = "run the soak and fault suite instead: --deployers (default 32) on "
            + "--functions (default 4) for --rounds, with throttling, 5xx, latency, failed updates, an outside writer "
            + "and interrupts; exits 1 when an invariant is violated")
    boolean soak;

    @Option(names = "--rounds", paramLabel = "N", description = "soak: deployments per deployer; default 5")
    int rounds = D.rounds();

    @Option(names = "--seed", paramLabel = "N", description = "soak: seed of the fault dice and plans; default 42")
    long seed = D.seed();

    @Option(names = "--throttle-rate", paramLabel = "P", description = "soak: share of calls throttled; default 0.10")
    double throttleRate = D.throttleRate();

    @Option(names = "--error-rate", paramLabel = "P", description = "soak: share of calls failing 500; default 0.02")
    double errorRate = D.errorRate();

    @Option(names = "--latency-ms", paramLabel = "MS", description = "soak: added latency up to MS; default 40")
    long latencyMs = D.latencyMax().toMillis();

    @Option(names = "--failed-update-every-ms", paramLabel = "MS",
            description = "soak: on average, make an update end Failed this often; default 8000")
    long failedUpdateEveryMs = D.failedUpdateEvery().toMillis();

    @Option(names = "--writer-every-ms", paramLabel = "MS",
            description = "soak: on average, the outside writer changes each function this often; default 2000")
    long writerEveryMs = D.writerEvery().toMillis();

    @Option(names = "--interrupt-rate", paramLabel = "P",
            description = "soak: share of deployments interrupted; default 0.15")
    double interruptRate = D.interruptRate();

    @Option(names = "--short-deadline-rate", paramLabel = "P",
            description = "soak: share of deployments with a 2-6 s deadline; default 0.10")
    double shortDeadlineRate = D.shortDeadlineRate();

    @Option(names = "--deadline-s", paramLabel = "S", description = "soak: the other deployments' deadline; default 90")
    long deadlineSeconds = D.deadline().toSeconds();

    /** @return whether {@code --soak} was given */
    public boolean requested() {
        return soak;
    }

    /**
     * Runs the soak with these options and the benchmark options it shares, prints a summary to the command line's
     * output and progress to its error stream, and writes the JSON when {@code --json} was given.
     *
     * @param commandLine the parsed benchmark command line
     * @return {@link #OK} or {@link #VIOLATED}
     * @throws CommandLine.ParameterException for an option that does not apply or a value out of range
     * @throws IOException when the JSON cannot be written
     * @throws InterruptedException when interrupted
     */
    public int run(CommandLine commandLine) throws IOException, InterruptedException {
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        for (String benchmarkOnly : List.of("--quick", "--strategies", "--chart")) {
            if (parsed.hasMatchedOption(benchmarkOnly)) {
                throw new CommandLine.ParameterException(commandLine, benchmarkOnly + " does not apply to --soak");
            }
        }
        List<Integer> deployers = parsed.matchedOptionValue("--deployers", List.of(D.deployers()));
        if (deployers.size() != 1) {
            throw new CommandLine.ParameterException(commandLine, "--soak takes one --deployers value, was "
                    + deployers);
        }
        SoakSettings settings;
        try {
            settings = new SoakSettings(deployers.get(0), parsed.matchedOptionValue("--functions", D.functions()),
                    rounds, seed, throttleRate, errorRate, Duration.ofMillis(latencyMs),
                    Duration.ofMillis(failedUpdateEveryMs), Duration.ofMillis(writerEveryMs), interruptRate,
                    shortDeadlineRate, Duration.ofSeconds(deadlineSeconds), D.deadlineGrace(),
                    Duration.ofMillis(parsed.matchedOptionValue("--update-ms", D.updateDelay().toMillis())),
                    Duration.ofMillis(parsed.matchedOptionValue("--publish-ms", D.publishDelay().toMillis())));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        SoakReport report = new Soak(settings, line -> {
            err.println(line);
            err.flush();
        }).run();
        out.print(SoakSummary.render(report));
        out.flush();
        Path json = parsed.matchedOptionValue("--json", null);
        if (json != null) {
            SoakJson.write(report, json);
            err.println("JSON written to " + json);
        }
        return report.invariantViolations().total() == 0 ? OK : VIOLATED;
    }
}
