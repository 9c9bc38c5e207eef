package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.LambdaClients;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * {@code demo}: the project's point, on the built-in simulator. Starts the simulator in-process with realistic short
 * timings and AWS's quotas, creates a function, then runs the same burst of concurrent deployments twice: the naive
 * way ({@link NaivePipeline}) and through the engine. Prints who held the function when, a summary, and the proof
 * that every published version holds its own pipeline's code.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run N concurrent deployments of one function on the built-in Lambda simulator, first the "
                + "naive way, then through safe-lambda-update, and compare.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every engine deployment succeeded and no update was lost",
            "1:an engine deployment failed or an update was lost",
            "2:invalid input or usage",
            "4:interrupted"})
public final class DemoCommand implements Callable<Integer> {
    private static final String FUNCTION = "demo-function";

    @Option(names = "--pipelines", paramLabel = "N", defaultValue = "8",
            description = "Concurrent deployments in each burst (2 to 32). Default: ${DEFAULT-VALUE}.")
    int pipelines;

    @Option(names = "--create-delay", paramLabel = "DURATION", defaultValue = "500ms",
            converter = DurationConverter.class,
            description = "How long a new function stays Pending. Default: ${DEFAULT-VALUE}.")
    Duration createDelay;

    @Option(names = "--update-delay", paramLabel = "DURATION", defaultValue = "1s",
            converter = DurationConverter.class,
            description = "How long an update stays InProgress. Default: ${DEFAULT-VALUE}.")
    Duration updateDelay;

    @Option(names = "--publish-delay", paramLabel = "DURATION", defaultValue = "300ms",
            converter = DurationConverter.class,
            description = "How long a new version stays Pending. Default: ${DEFAULT-VALUE}.")
    Duration publishDelay;

    @Spec
    CommandSpec spec;

    private final Clock clock;

    /** Creates the command with the system clock. */
    public DemoCommand() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock of the timelines and of the deployer, not null */
    public DemoCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (pipelines < 2 || pipelines > 32) {
            // Reported as every other bad option value is (UsageErrors): one line and a hint to --help.
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--pipelines': must be between 2 and 32");
        }
        Path workDir = createWorkDir();
        try (LambdaSimulator simulator = LambdaSimulator.builder().createDelay(createDelay).updateDelay(updateDelay)
                .publishDelay(publishDelay).quotas(true).start();
             LambdaClient client = client(simulator)) {
            return run(simulator, client, workDir, out);
        } finally {
            deleteQuietly(workDir);
        }
    }

    private int run(LambdaSimulator simulator, LambdaClient client, Path workDir, PrintWriter out)
            throws InterruptedException {
        DemoReport report = new DemoReport(out);
        out.println("safe-lambda-update demo: " + pipelines + " CI pipelines deploy one Lambda function at the same "
                + "moment");
        out.println("Lambda simulator at " + simulator.endpoint() + " (create " + DemoReport.seconds(createDelay)
                + ", update " + DemoReport.seconds(updateDelay) + ", publish " + DemoReport.seconds(publishDelay)
                + ", AWS request quotas on)");
        DemoZip original = DemoZip.of("the original code");
        createFunction(client, original);
        out.println("Created " + FUNCTION + "; each pipeline deploys its own zip and sets BUILD=<its number>.");
        out.flush();

        List<DemoZip> zips = new ArrayList<>();
        List<Path> zipFiles = new ArrayList<>();
        for (int i = 1; i <= pipelines; i++) {
            DemoZip zip = DemoZip.of("pipeline " + i);
            zips.add(zip);
            zipFiles.add(write(workDir.resolve("pipeline-" + i + ".zip"), zip.bytes()));
        }

        out.println();
        out.println("1) The naive way: UpdateFunctionCode, then UpdateFunctionConfiguration, no waiting, no lock");
        NaiveRun.Report naive = NaiveRun.run(simulator, new NaivePipeline(client, clock), clock, FUNCTION, zips);
        report.naiveTimeline(naive);
        client.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName(FUNCTION));
        out.println("  Afterwards $LATEST runs " + describeLatest(client, original, zips) + ".");
        out.flush();

        out.println();
        out.println("2) Through safe-lambda-update: one lock per function, waits with the SDK waiters, publishes a "
                + "version each");
        SafeLambdaDeployer deployer = SafeLambdaDeployer.builder().client(client)
                .lockProvider(LockProviders.inProcess()).build();
        EngineRun.Report engine = EngineRun.run(simulator, deployer, clock, FUNCTION, zips, zipFiles);
        report.engineTimeline(engine);
        engine.pipelines().stream().filter(p -> p.failure() != null).forEach(p -> out.println("  #" + p.pipeline()
                + " failed: " + UserErrors.describe(p.failure())));

        out.println();
        out.println("Summary");
        report.summary(naive, engine);

        out.println();
        out.println("Every published version holds its own pipeline's code:");
        List<PublishedVersionCheck.Check> checks = new PublishedVersionCheck(client).check(FUNCTION,
                engine.pipelines());
        report.verification(checks, zips);
        long lost = PublishedVersionCheck.lostUpdates(checks);
        out.println();
        out.println("lost updates: " + lost);
        boolean ok = engine.succeeded() == pipelines && lost == 0;
        out.println(ok ? "All " + pipelines + " deployments through safe-lambda-update succeeded."
                : "Some deployments through safe-lambda-update did not succeed.");
        out.flush();
        return ok ? ExitCodes.SUCCESS : ExitCodes.FAILED;
    }

    private static LambdaClient client(LambdaSimulator simulator) {
        return LambdaClients.builder()
                .region(simulator.region())
                .endpointOverride(simulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                .build();
    }

    private static void createFunction(LambdaClient client, DemoZip zip) {
        client.createFunction(b -> b.functionName(FUNCTION)
                .packageType(PackageType.ZIP)
                .runtime(Runtime.PYTHON3_12)
                .handler("index.handler")
                .role("arn:aws:iam::123456789012:role/demo-lambda-role")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip.bytes()))));
        client.waiter().waitUntilFunctionActiveV2(b -> b.functionName(FUNCTION));
    }

    /** Which pipeline's code and BUILD value $LATEST holds: after the naive burst they rarely belong together. */
    private static String describeLatest(LambdaClient client, DemoZip original, List<DemoZip> zips) {
        GetFunctionConfigurationResponse latest = client.getFunctionConfiguration(b -> b.functionName(FUNCTION));
        String code = zips.stream().filter(z -> z.codeSha256().equals(latest.codeSha256())).map(DemoZip::label)
                .findFirst().orElse(original.codeSha256().equals(latest.codeSha256()) ? original.label() : "unknown");
        Map<String, String> variables = latest.environment() == null ? Map.of() : latest.environment().variables();
        String build = variables.get("BUILD");
        return "the code of " + code + " with " + (build == null ? "no BUILD variable" : "BUILD=" + build);
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("safe-lambda-update-demo");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the demo's zips", e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
