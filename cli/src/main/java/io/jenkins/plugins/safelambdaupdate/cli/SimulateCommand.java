package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.simulator.Faults;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.SampleZips;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: runs the Lambda control-plane simulator in the foreground until interrupted, so that the AWS
 * CLI, an SDK or {@code deploy --endpoint-url} can be tried without an AWS account.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs an emulator of the AWS Lambda control plane (states over time, 409/412/429 refusals, "
                + "quotas, faults) until Ctrl+C.",
                "Point the AWS CLI or an SDK at the printed endpoint; any credentials work."})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = LambdaSimulator.DEFAULT_HOST,
            description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "0", description = "Port to listen on; 0 picks a free one. "
            + "Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--region", defaultValue = LambdaSimulator.DEFAULT_REGION,
            description = "Region served; ARNs of other regions are not found. Default: ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--account", defaultValue = LambdaSimulator.DEFAULT_ACCOUNT_ID,
            description = "Account id in every ARN. Default: ${DEFAULT-VALUE}.")
    String account;

    @Option(names = "--create-delay", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "How long a new function stays Pending. Default: ${DEFAULT-VALUE}.")
    Duration createDelay;

    @Option(names = "--update-delay", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "How long an update stays InProgress. Default: ${DEFAULT-VALUE}.")
    Duration updateDelay;

    @Option(names = "--publish-delay", paramLabel = "DURATION", defaultValue = "500ms",
            converter = DurationConverter.class,
            description = "How long a new version stays Pending. Default: ${DEFAULT-VALUE}.")
    Duration publishDelay;

    @Option(names = "--function", paramLabel = "NAME",
            description = "Creates a function at start, Active at once, with a tiny Python zip. Repeatable.")
    List<String> functions = new ArrayList<>();

    @Option(names = "--quotas", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Enforce the account quotas: GetFunction 100 req/s, other calls 15 req/s combined "
                    + "(429 beyond). Default: on.")
    boolean quotas;

    @Option(names = "--throttle-rate", paramLabel = "P", defaultValue = "0",
            description = "Share of calls throttled with 429, 0 to 1. Default: ${DEFAULT-VALUE}.")
    double throttleRate;

    @Option(names = "--error-rate", paramLabel = "P", defaultValue = "0",
            description = "Share of calls failed with 500 ServiceException, 0 to 1. Default: ${DEFAULT-VALUE}.")
    double errorRate;

    @Option(names = "--latency", paramLabel = "DURATION[..DURATION]",
            description = "Delay added to every call, fixed (100ms) or drawn from a range (50ms..300ms).")
    String latency;

    @Option(names = "--fail-next-update", paramLabel = "FUNCTION=REASONCODE",
            description = "The next update of FUNCTION ends LastUpdateStatus=Failed with that reason code. "
                    + "Repeatable.")
    Map<String, String> failNextUpdate = new LinkedHashMap<>();

    @Option(names = "--seed", description = "Seed of the fault dice and ids, for a run that repeats itself.")
    Long seed;

    @Override
    public Integer call() {
        LambdaSimulator.Builder builder = configure();
        try (LambdaSimulator simulator = builder.start()) {
            injectFaults(simulator.faults());
            printBanner(simulator, spec.commandLine().getOut());
            // Ctrl+C runs the hooks, not an interrupt: close the server there. Tests interrupt instead.
            Thread hook = new Thread(simulator::close, "lambda-simulator-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } finally {
                removeHook(hook);
            }
        }
        spec.commandLine().getOut().println("Lambda simulator stopped.");
        spec.commandLine().getOut().flush();
        return CommandLine.ExitCode.OK;
    }

    private LambdaSimulator.Builder configure() {
        LambdaSimulator.Builder builder = LambdaSimulator.builder();
        checked("--host", () -> builder.host(host));
        checked("--port", () -> builder.port(port));
        checked("--region", () -> builder.region(region));
        checked("--account", () -> builder.accountId(account));
        checked("--create-delay", () -> builder.createDelay(createDelay));
        checked("--update-delay", () -> builder.updateDelay(updateDelay));
        checked("--publish-delay", () -> builder.publishDelay(publishDelay));
        builder.quotas(quotas);
        if (seed != null) {
            builder.seed(seed);
        }
        for (String name : functions) {
            checked("--function", () -> builder.function(name, tinyZip(name)));
        }
        return builder;
    }

    private void injectFaults(Faults faults) {
        checked("--throttle-rate", () -> faults.throttleRate(throttleRate));
        checked("--error-rate", () -> faults.errorRate(errorRate));
        if (latency != null) {
            String[] range = latency.split("\\.\\.", -1);
            DurationConverter durations = new DurationConverter();
            checked("--latency", () -> {
                if (range.length > 2) {
                    throw new IllegalArgumentException("write one duration or a range MIN..MAX, was " + latency);
                }
                faults.latency(durations.convert(range[0]), durations.convert(range[range.length - 1]));
            });
        }
        failNextUpdate.forEach((function, reasonCode) ->
                checked("--fail-next-update", () -> faults.failNextUpdate(function, reasonCode)));
    }

    private void printBanner(LambdaSimulator simulator, PrintWriter out) {
        String endpoint = simulator.endpoint().toString();
        out.println("Lambda simulator listening at " + endpoint);
        out.println("  region " + simulator.region() + ", account " + simulator.accountId());
        out.println("  delays: create " + DurationConverter.format(simulator.createDelay()) + ", update "
                + DurationConverter.format(simulator.updateDelay()) + ", publish "
                + DurationConverter.format(simulator.publishDelay()));
        out.println("  quotas: " + (simulator.quotasEnabled()
                ? "on (GetFunction 100 req/s, other calls 15 req/s; 429 beyond)" : "off"));
        if (throttleRate > 0 || errorRate > 0 || latency != null || !failNextUpdate.isEmpty()) {
            out.println("  faults: throttle " + throttleRate + ", errors " + errorRate + ", latency "
                    + (latency == null ? "none" : latency) + ", failing next update " + failNextUpdate);
        }
        if (!functions.isEmpty()) {
            out.println("  functions (Active): " + String.join(", ", functions));
        }
        String example = functions.isEmpty() ? "my-function" : functions.get(0);
        out.println("Try:");
        out.println("  aws lambda get-function --function-name " + example + " --endpoint-url " + endpoint
                + " --region " + simulator.region());
        out.println("Any credentials work, e.g. AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test. "
                + "Press Ctrl+C to stop.");
        out.flush();
    }

    /** Runs a setting and reports what it refuses as an error of the flag. */
    private void checked(String flag, Runnable setting) {
        try {
            setting.run();
        } catch (IllegalArgumentException | CommandLine.TypeConversionException e) {
            throw new ParameterException(spec.commandLine(), "Invalid " + flag + ": " + e.getMessage(), e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and the hook is running: nothing to remove.
        }
    }

    /** @return a zip with a Python handler that names the function */
    static byte[] tinyZip(String function) {
        return SampleZips.pythonHandler(function);
    }
}
