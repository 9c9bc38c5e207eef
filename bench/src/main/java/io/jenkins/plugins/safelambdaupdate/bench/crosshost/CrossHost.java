package io.jenkins.plugins.safelambdaupdate.bench.crosshost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.safelambdaupdate.DynamoDbClients;
import io.jenkins.plugins.safelambdaupdate.DynamoDbLockTable;
import io.jenkins.plugins.safelambdaupdate.bench.Measurements;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.SampleZips;
import io.jenkins.plugins.safelambdaupdate.simulator.SimulatorStats;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cross-host scenario: H processes (hosts) × K deployers on one function, through the DynamoDB lock, through a
 * file lock per host (which serializes each host's own deployers only) and through no lock. Each lock kind gets a
 * fresh simulator (account quotas enforced) and, for dynamodb, a fresh table on the given DynamoDB endpoint.
 */
public final class CrossHost {
    /** The lock kinds, in the order they run. */
    public static final List<String> LOCKS = List.of("dynamodb", "file", "none");
    private static final String FUNCTION = "cross-host-fn";
    /** How long the hosts' JVMs may take to start. */
    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final int hosts;
    private final int deployersPerHost;
    private final Duration updateDelay;
    private final Duration publishDelay;
    private final URI dynamoDbEndpoint;
    private final Consumer<String> progress;

    /**
     * @param hosts processes, at least 2
     * @param deployersPerHost K, at least 1
     * @param updateDelay the simulator's update duration
     * @param publishDelay the simulator's publish duration
     * @param dynamoDbEndpoint a DynamoDB-compatible server (dynalite) to make lock tables on
     * @param progress told one line per lock kind (thread-safe when lock kinds run at once)
     */
    public CrossHost(int hosts, int deployersPerHost, Duration updateDelay, Duration publishDelay,
                     URI dynamoDbEndpoint, Consumer<String> progress) {
        if (hosts < 2 || deployersPerHost < 1) {
            throw new IllegalArgumentException("--hosts must be at least 2 and --deployers at least 1");
        }
        this.hosts = hosts;
        this.deployersPerHost = deployersPerHost;
        this.updateDelay = updateDelay;
        this.publishDelay = publishDelay;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.progress = progress;
    }

    /** @return one record per lock kind, run one after the other so that their timings do not disturb each other */
    public List<CrossHostRecord> run() throws IOException, InterruptedException {
        List<CrossHostRecord> records = new ArrayList<>();
        for (String lock : LOCKS) {
            records.add(run(lock));
        }
        return records;
    }

    /**
     * @param lock one of {@link #LOCKS}
     * @return its record, from its own simulator, lock table, folder and hosts (so several may run at once where
     *     only their outcomes matter, not their timings)
     */
    public CrossHostRecord run(String lock) throws IOException, InterruptedException {
        if (!LOCKS.contains(lock)) {
            throw new IllegalArgumentException("lock must be one of " + LOCKS + ", was " + lock);
        }
        Path work = Files.createTempDirectory("safe-lambda-update-cross-host-" + lock);
        try {
            CrossHostRecord r = run(lock, work.resolve(lock));
            progress.accept(String.format(java.util.Locale.ROOT, "%-8s %d/%d ok, %d 409s, %.2f x serial bound",
                    lock, r.succeeded(), r.deployments(), r.conflicts(), r.makespanRatio()));
            return r;
        } finally {
            delete(work);
        }
    }

    private CrossHostRecord run(String lock, Path work) throws IOException, InterruptedException {
        String table = "bench-locks-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        if (lock.equals("dynamodb")) {
            try (DynamoDbClient client = DynamoDbClients.builder().region("us-east-1").endpointOverride(dynamoDbEndpoint)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH",
                            "bench-secret"))).build()) {
                DynamoDbLockTable.create(client, table);
            }
        }
        try (LambdaSimulator simulator = LambdaSimulator.builder().updateDelay(updateDelay).publishDelay(publishDelay)
                .quotas(true).function(FUNCTION, SampleZips.pythonHandler("cross-host initial")).start()) {
            Path go = Files.createDirectories(work).resolve("go");
            List<Process> processes = new ArrayList<>();
            List<Path> outputs = new ArrayList<>();
            for (int h = 1; h <= hosts; h++) {
                Path out = Files.createDirectories(work).resolve("host-" + h + ".out");
                outputs.add(out);
                processes.add(new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                        CrossHostWorker.class.getName(), lock, String.valueOf(h), String.valueOf(deployersPerHost),
                        go.toString(), simulator.endpoint().toString(), FUNCTION, work.toString(),
                        dynamoDbEndpoint.toString(), table)
                        .redirectOutput(out.toFile()).redirectError(work.resolve("host-" + h + ".err").toFile())
                        .start());
            }
            awaitReady(outputs);
            simulator.reset(); // the hosts' warm-up reads are not part of the run
            long start = System.currentTimeMillis();
            Files.writeString(go, String.valueOf(start));
            for (Process p : processes) {
                if (!p.waitFor(30, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("a host did not end within 30 minutes");
                }
            }
            return record(lock, start, outputs, simulator.stats());
        }
    }

    private CrossHostRecord record(String lock, long start, List<Path> outputs, SimulatorStats stats)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> deployments = new ArrayList<>();
        long dynamoDbCalls = 0;
        for (Path out : outputs) {
            for (String line : Files.readAllLines(out)) {
                if (line.startsWith("{")) {
                    JsonNode node = json.readTree(line);
                    if (node.has("dynamoDbCalls")) {
                        dynamoDbCalls += node.get("dynamoDbCalls").asLong();
                    } else {
                        deployments.add(node);
                    }
                }
            }
        }
        if (deployments.size() != hosts * deployersPerHost) {
            throw new IllegalStateException("expected " + hosts * deployersPerHost + " deployments, got "
                    + deployments.size() + " (see " + outputs + ")");
        }
        int succeeded = (int) deployments.stream().filter(d -> d.path("succeeded").asBoolean()).count();
        Map<String, Integer> failures = new TreeMap<>();
        deployments.stream().filter(d -> d.has("failure"))
                .forEach(d -> failures.merge(d.get("failure").asText(), 1, Integer::sum));
        long end = deployments.stream().mapToLong(d -> d.get("ended").asLong()).max().orElse(start);
        long serial = deployments.size() * (2 * updateDelay.toMillis() + publishDelay.toMillis());
        List<Long> handOffs = lock.equals("dynamodb") ? crossHostHandOffs(deployments) : List.of();
        return new CrossHostRecord(lock, hosts, deployersPerHost, succeeded, failures,
                stats.refusalsWithStatus(409), stats.refusalsWithStatus(412),
                stats.refusals("TooManyRequestsException"), end - start, serial,
                Measurements.round((double) (end - start) / serial, 3),
                handOffs.isEmpty() ? null : Measurements.median(handOffs),
                handOffs.isEmpty() ? null : Measurements.percentile(handOffs, 100),
                handOffs.size(),
                lock.equals("dynamodb") ? Measurements.round((double) dynamoDbCalls / deployments.size(), 1) : null);
    }

    /** Waits until every host said READY: its JVM, clients and deployers are set up. */
    private static void awaitReady(List<Path> outputs) throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + STARTUP.toNanos();
        for (Path out : outputs) {
            while (!Files.readString(out).contains("READY")) {
                if (System.nanoTime() - giveUp > 0) {
                    throw new IllegalStateException("a host did not start: " + out);
                }
                Thread.sleep(20);
            }
        }
    }

    /** Released by one host, acquired by the next holder on another host: how long the function stayed free. */
    private static List<Long> crossHostHandOffs(List<JsonNode> deployments) {
        List<JsonNode> holds = deployments.stream().filter(d -> d.has("acquired") && d.has("released"))
                .sorted(Comparator.comparingLong(d -> d.get("acquired").asLong())).toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < holds.size(); i++) {
            if (holds.get(i).get("host").asInt() != holds.get(i - 1).get("host").asInt()) {
                gaps.add(holds.get(i).get("acquired").asLong() - holds.get(i - 1).get("released").asLong());
            }
        }
        return gaps;
    }

    /** The hosts' zips, lock files and output: temporary files only. */
    private static void delete(Path work) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(work)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
