package io.jenkins.plugins.safelambdaupdate.bench.soak;

import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.LambdaClients;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import io.jenkins.plugins.safelambdaupdate.bench.CallRecorder;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.SampleZips;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The soak: {@code deployers} threads deploy to {@code functions} functions of the simulator for {@code rounds}
 * rounds through one {@link SafeLambdaDeployer} with the in-process lock (one process serving many builds, as a
 * Jenkins controller does), while the simulator throttles, fails and delays calls, updates are made to end
 * {@code Failed}, an outside writer changes the same functions without any lock, and some deployments are interrupted
 * at moments picked from their own events. Afterwards {@link SoakChecks} counts every invariant violation.
 */
public final class Soak {
    private static final InterruptMoment[] MOMENTS = InterruptMoment.values();
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final SoakSettings settings;
    private final Consumer<String> progress;

    /**
     * @param settings what to run, not null
     * @param progress receives a line now and then, not null
     */
    public Soak(SoakSettings settings, Consumer<String> progress) {
        this.settings = Objects.requireNonNull(settings, "settings cannot be null");
        this.progress = Objects.requireNonNull(progress, "progress cannot be null");
    }

    /**
     * Runs the soak and checks the invariants.
     *
     * @return the figures
     * @throws InterruptedException when the calling thread is interrupted
     * @throws UncheckedIOException when the zips cannot be written
     */
    public SoakReport run() throws InterruptedException {
        Path directory = createDirectory();
        LambdaSimulator.Builder simulatorBuilder = LambdaSimulator.builder().seed(settings.seed())
                .createDelay(Duration.ZERO).updateDelay(settings.updateDelay())
                .publishDelay(settings.publishDelay());
        List<String> functions = new ArrayList<>();
        for (int i = 0; i < settings.functions(); i++) {
            functions.add(settings.functionName(i));
            simulatorBuilder.function(settings.functionName(i), SampleZips.pythonHandler("initial-" + i));
        }
        try (LambdaSimulator simulator = simulatorBuilder.start()) {
            List<List<DeploymentPlan>> plans = plans(directory);
            simulator.faults().throttleRate(settings.throttleRate()).errorRate(settings.errorRate())
                    .latency(Duration.ZERO, settings.latencyMax());
            CallRecorder recorder = new CallRecorder();
            LockProvider locks = LockProviders.inProcess();
            try (LambdaClient deployerClient = deployerClient(simulator, recorder);
                 LambdaClient writerClient = writerClient(simulator)) {
                return new Run(simulator, functions, plans, recorder, locks, deployerClient, writerClient).execute();
            }
        } finally {
            deleteQuietly(directory);
        }
    }

    /** The deployments of each deployer, decided up front from the seed. */
    List<List<DeploymentPlan>> plans(Path directory) {
        Random random = new Random(settings.seed());
        List<List<DeploymentPlan>> plans = new ArrayList<>();
        Duration anyTimeSpan = settings.updateDelay().multipliedBy(4).plusSeconds(1);
        for (int d = 0; d < settings.deployers(); d++) {
            List<DeploymentPlan> rounds = new ArrayList<>();
            for (int r = 0; r < settings.rounds(); r++) {
                String label = String.format(Locale.ROOT, "d%02d-r%d", d, r);
                byte[] zip = SampleZips.pythonHandler(label);
                Path file = directory.resolve(label + ".zip");
                try {
                    Files.write(file, zip);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
                boolean publish = (d + r) % 4 != 3;
                boolean shortDeadline = random.nextDouble() < settings.shortDeadlineRate();
                Duration deadline = Duration.ofMillis(2000 + random.nextInt(4000));
                boolean interrupted = random.nextDouble() < settings.interruptRate();
                InterruptMoment moment = MOMENTS[random.nextInt(MOMENTS.length)];
                double fraction = random.nextDouble();
                int step = 1 + random.nextInt(6);
                Duration delay = switch (moment) {
                    case WHILE_WAITING_FOR_LOCK -> Duration.ofMillis((long) (300 * fraction));
                    case WHILE_WAITING_FOR_UPDATE -> Duration.ofNanos((long) (settings.updateDelay().toNanos()
                            * fraction));
                    case ANY_TIME -> Duration.ofNanos((long) (anyTimeSpan.toNanos() * fraction));
                    case BETWEEN_PHASES -> Duration.ZERO;
                };
                rounds.add(new DeploymentPlan(d, r, label, settings.functionName(d % settings.functions()), file,
                        SampleZips.codeSha256(zip), 256 + 64 * ((d + r) % 4), publish,
                        publish && d % 2 == 0 ? "live" : null, shortDeadline ? deadline : settings.deadline(),
                        interrupted ? moment : null, delay, step));
            }
            plans.add(rounds);
        }
        return plans;
    }

    /** One execution: the threads, then the checks. */
    private final class Run {
        private final LambdaSimulator simulator;
        private final List<String> functions;
        private final List<List<DeploymentPlan>> plans;
        private final CallRecorder recorder;
        private final LockProvider locks;
        private final SafeLambdaDeployer deployer;
        private final LambdaClient writerClient;
        private final List<DeploymentRecord> records = new ArrayList<>();
        private final CountDownLatch stop = new CountDownLatch(1);
        private final ScheduledExecutorService interrupter = Executors.newScheduledThreadPool(2, runnable -> {
            Thread t = new Thread(runnable, "soak-interrupter");
            t.setDaemon(true);
            return t;
        });
        private volatile boolean abandoned;

        Run(LambdaSimulator simulator, List<String> functions, List<List<DeploymentPlan>> plans,
            CallRecorder recorder, LockProvider locks, LambdaClient deployerClient, LambdaClient writerClient) {
            this.simulator = simulator;
            this.functions = functions;
            this.plans = plans;
            this.recorder = recorder;
            this.locks = locks;
            this.deployer = SafeLambdaDeployer.builder().client(deployerClient).lockProvider(locks).build();
            this.writerClient = writerClient;
        }

        SoakReport execute() throws InterruptedException {
            List<OutsideWriter> writers = new ArrayList<>();
            List<Thread> helpers = new ArrayList<>();
            for (int i = 0; i < functions.size(); i++) {
                OutsideWriter writer = new OutsideWriter(writerClient, functions.get(i), settings.writerEvery(),
                        settings.seed() + 1000 + i, stop);
                writers.add(writer);
                helpers.add(daemon(writer, "outside-writer-" + i));
            }
            UpdateFailurePlanner planner = new UpdateFailurePlanner(simulator.faults(), functions,
                    settings.failedUpdateEvery(), settings.seed() + 2000, stop);
            helpers.add(daemon(planner, "update-failure-planner"));

            long start = System.nanoTime();
            List<Thread> deployers = new ArrayList<>();
            for (int d = 0; d < settings.deployers(); d++) {
                int index = d;
                deployers.add(daemon(() -> deployRounds(index), String.format(Locale.ROOT, "deployer-%02d", d)));
            }
            helpers.forEach(Thread::start);
            deployers.forEach(Thread::start);
            awaitDeployers(deployers, start + settings.overallLimit().toNanos());
            long wallNanos = System.nanoTime() - start;

            stop.countDown();
            for (Thread helper : helpers) {
                helper.join(30_000);
            }
            interrupter.shutdownNow();
            simulator.faults().clear();
            List<DeploymentRecord> all;
            synchronized (records) {
                all = List.copyOf(records);
            }
            return new SoakChecks(settings, simulator, locks, functions).report(all, recorder, writers, planner,
                    TimeUnit.NANOSECONDS.toMillis(wallNanos));
        }

        private void awaitDeployers(List<Thread> deployers, long limitNanos) throws InterruptedException {
            long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            for (Thread t : deployers) {
                while (t.isAlive()) {
                    long now = System.nanoTime();
                    if (now - limitNanos >= 0) {
                        break;
                    }
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(limitNanos, nextProgress) - now)));
                    if (System.nanoTime() - nextProgress >= 0) {
                        nextProgress += PROGRESS_EVERY.toNanos();
                        progress.accept("soak: " + ended() + "/" + settings.deployments() + " deployments ended");
                    }
                }
            }
            abandoned = true;
            synchronized (records) {
                records.stream().filter(r -> r.outcome() == DeploymentRecord.Outcome.RUNNING)
                        .forEach(DeploymentRecord::markHung);
            }
            for (Thread t : deployers) {
                if (t.isAlive()) {
                    progress.accept("soak: " + t.getName() + " still running at the overall limit; interrupting it");
                    t.interrupt();
                    t.join(5_000);
                }
            }
        }

        private long ended() {
            synchronized (records) {
                return records.stream().filter(r -> r.outcome() != DeploymentRecord.Outcome.RUNNING).count();
            }
        }

        private void deployRounds(int index) {
            Random pauses = new Random(settings.seed() * 31 + index);
            for (DeploymentPlan plan : plans.get(index)) {
                if (abandoned) {
                    return;
                }
                DeploymentRecord record = new DeploymentRecord(plan);
                synchronized (records) {
                    records.add(record);
                }
                deployOnce(record);
                // A planned interrupt the deployment left set, or one that arrived as it ended, is not for the next.
                Thread.interrupted();
                try {
                    Thread.sleep(pauses.nextInt(200));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void deployOnce(DeploymentRecord record) {
            DeploymentPlan plan = record.plan();
            SoakListener listener = new SoakListener(record, interrupter, simulator);
            recorder.bind(record.calls());
            record.started();
            listener.beforeDeploy();
            try {
                DeploymentRequest request = DeploymentRequest.builder()
                        .functionName(plan.function())
                        .code(CodeSource.zipFile(plan.zip()))
                        .environment(plan.environment())
                        .memorySize(plan.memorySize())
                        .publish(plan.publish())
                        .alias(plan.alias())
                        .deadline(plan.deadline())
                        .build();
                DeploymentResult result = deployer.deploy(request, listener);
                record.ended(DeploymentRecord.Outcome.SUCCEEDED, result, null, null, null);
            } catch (DeploymentException e) {
                record.ended(DeploymentRecord.Outcome.FAILED, null, e.failure(), e.getMessage(), null);
            } catch (Throwable e) { // NOPMD: anything else escaping deploy is exactly what is counted
                record.ended(DeploymentRecord.Outcome.ESCAPED, null, null, null, e);
            } finally {
                recorder.unbind();
            }
        }
    }

    private static LambdaClient deployerClient(LambdaSimulator simulator, CallRecorder recorder) {
        return LambdaClients.builder()
                .region(simulator.region())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDSOAKDEPLOYERS", "soak-deployers-secret")))
                .endpointOverride(simulator.endpoint())
                .addExecutionInterceptor(recorder)
                .build();
    }

    private static LambdaClient writerClient(LambdaSimulator simulator) {
        return LambdaClients.builder()
                .region(simulator.region())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDSOAKOUTSIDE", "soak-outside-secret")))
                .endpointOverride(simulator.endpoint())
                .build();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("safe-lambda-update-soak");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
