package io.jenkins.plugins.safelambdaupdate.bench;

import io.jenkins.plugins.safelambdaupdate.bench.crosshost.CrossHostOptions;
import io.jenkins.plugins.safelambdaupdate.bench.soak.SoakOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark's command line: runs the strategies side by side against the simulator and prints a Markdown table;
 * optionally writes JSON and a PNG chart.
 */
@Command(name = "safe-lambda-update-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Deploys to the Lambda simulator with each strategy side by side (naive, check-then-update, "
                + "waiters-only, engine) and measures failures, lost updates, time, API calls and request rates.")
public final class BenchMain implements Callable<Integer> {
    /** Exit code: the benchmark ran. */
    public static final int OK = 0;
    /** Exit code: the benchmark could not run. */
    public static final int FAILED = 1;

    @Option(names = "--quick", description = "K = 1, 4, 8, the 32-function scenario, cold deployers and a 16-function "
            + "fleet (under 3 minutes on 2 cores)")
    boolean quick;

    @Option(names = "--deployers", split = ",", paramLabel = "K",
            description = "the K of the one-function scenarios; default 1,2,4,8,16 (with --quick 1,4,8)")
    List<Integer> deployers;

    @Option(names = "--functions", paramLabel = "M",
            description = "M of the M-different-functions scenario, 0 for none; default 32")
    Integer functions;

    @Option(names = "--cold", paramLabel = "N",
            description = "deployers that learned nothing (engine only), at the timings and 3 times slower ones, "
                    + "0 for none; default 6")
    Integer cold;

    @Option(names = "--fleet", paramLabel = "F",
            description = "functions of the fleet (engine only; 2 deployments each, from 1 and from 4 processes), "
                    + "0 for none; default 200 (with --quick 16)")
    Integer fleet;

    @Option(names = "--strategies", split = ",", paramLabel = "NAME",
            description = "strategies to run, in order; default naive,check-then-update,waiters-only,engine")
    List<String> strategies;

    @Option(names = "--update-ms", paramLabel = "MS", description = "simulator update duration; default 1500")
    long updateMs = BenchSettings.DEFAULT_UPDATE.toMillis();

    @Option(names = "--publish-ms", paramLabel = "MS", description = "simulator publish duration; default 500")
    long publishMs = BenchSettings.DEFAULT_PUBLISH.toMillis();

    @Option(names = "--json", paramLabel = "FILE", description = "also write the records as JSON")
    Path json;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "also draw the chart as PNG")
    Path chart;

    @CommandLine.Mixin
    SoakOptions soak = new SoakOptions(); // --soak and its options

    @CommandLine.Mixin
    CrossHostOptions crossHost = new CrossHostOptions(); // --cross-host and its options

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the command line, for tests (set its out and err writers) */
    public static CommandLine commandLine() {
        return new CommandLine(new BenchMain())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("benchmark failed: " + e);
                    return FAILED;
                });
    }

    @Override
    public Integer call() throws Exception {
        if (soak.requested()) {
            return soak.run(spec.commandLine());
        }
        if (crossHost.requested()) {
            return crossHost.run(spec.commandLine());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BenchReport report = new Benchmark(settings(), line -> {
            err.println(line);
            err.flush();
        }).run();
        out.print(MarkdownReport.render(report));
        out.flush();
        if (json != null) {
            JsonReport.write(report, json);
            err.println("JSON written to " + json);
        }
        if (chart != null) {
            ChartWriter.write(report, chart);
            err.println("chart written to " + chart);
        }
        return OK;
    }

    BenchSettings settings() {
        BenchSettings base = quick ? BenchSettings.quick() : BenchSettings.full();
        try {
            return new BenchSettings(strategies != null ? strategies : base.strategies(),
                    deployers != null ? deployers : base.sameFunctionCounts(),
                    functions != null ? functions : base.distinctFunctions(),
                    Duration.ofMillis(updateMs), Duration.ofMillis(publishMs), base.seed(), base.jvmWarmUp(),
                    cold != null ? cold : base.coldDeployers(), fleet != null ? fleet : base.fleetFunctions());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
