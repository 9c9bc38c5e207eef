package io.jenkins.plugins.safelambdaupdate.bench.crosshost;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.DynamoDbClients;
import io.jenkins.plugins.safelambdaupdate.DynamoDbLockSettings;
import io.jenkins.plugins.safelambdaupdate.LambdaClients;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.RequestRateLimiter;
import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import io.jenkins.plugins.safelambdaupdate.bench.CallRecorder;
import io.jenkins.plugins.safelambdaupdate.simulator.SampleZips;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * One host of the cross-host scenario, in a JVM of its own: K deployers in threads, one engine, the lock of the
 * kind asked for (dynamodb: the shared table; file: a lock directory of this host only; none). Says {@code READY},
 * starts them all once the go file appears, and prints one JSON line per deployment, then one with the DynamoDB calls
 * it made.
 *
 * <p>Arguments: {@code LOCK HOST K GO_FILE LAMBDA_ENDPOINT FUNCTION WORK_DIR [DYNAMODB_ENDPOINT TABLE]}.
 */
public final class CrossHostWorker {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a host waits for the others to be ready. */
    private static final Duration GO_TIMEOUT = Duration.ofMinutes(2);

    private CrossHostWorker() {
    }

    public static void main(String[] args) throws Exception {
        String lock = args[0];
        int host = Integer.parseInt(args[1]);
        int k = Integer.parseInt(args[2]);
        Path go = Path.of(args[3]);
        Path work = Files.createDirectories(Path.of(args[6]).resolve("host-" + host));
        CallRecorder dynamoDbCalls = new CallRecorder();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDBENCH", "bench-secret"));
        DynamoDbClient dynamoDb = lock.equals("dynamodb") ? DynamoDbClients.builder().region("us-east-1")
                .endpointOverride(URI.create(args[7])).credentialsProvider(credentials)
                .addExecutionInterceptor(dynamoDbCalls).build() : null;
        LockProvider locks = switch (lock) {
            case "dynamodb" -> LockProviders.dynamoDb(dynamoDb, DynamoDbLockSettings.builder().tableName(args[8])
                    .ownerName("bench host " + host).build());
            case "file" -> LockProviders.fileLock(work.resolve("locks"));
            default -> LockProviders.none();
        };
        try (LambdaClient lambda = LambdaClients.builder().region("us-east-1").endpointOverride(URI.create(args[4]))
                .credentialsProvider(credentials).requestRateLimit(RequestRateLimiter.lambdaQuotas()).build()) {
            SafeLambdaDeployer deployer = SafeLambdaDeployer.builder().client(lambda).lockProvider(locks).build();
            List<Thread> threads = new ArrayList<>();
            for (int d = 1; d <= k; d++) {
                Path zip = Files.write(work.resolve("code-" + d + ".zip"),
                        SampleZips.pythonHandler("host " + host + " deployer " + d));
                DeploymentRequest request = DeploymentRequest.builder().functionName(args[5])
                        .code(CodeSource.zipFile(zip)).environment(Map.of("BUILD", host + "-" + d)).publish(true)
                        .deadline(Duration.ofMinutes(10)).build();
                int deployerIndex = d;
                threads.add(new Thread(() -> deploy(deployer, request, host, deployerIndex), "deployer-" + d));
            }
            say("READY");
            long giveUp = System.nanoTime() + GO_TIMEOUT.toNanos();
            while (!Files.exists(go) && System.nanoTime() - giveUp < 0) {
                Thread.sleep(5);
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            if (dynamoDb != null) {
                dynamoDb.close();
            }
        }
        say(JSON.writeValueAsString(Map.of("host", host, "dynamoDbCalls",
                dynamoDbCalls.attemptsByOperation().values().stream().mapToLong(Long::longValue).sum())));
    }

    private static void deploy(SafeLambdaDeployer deployer, DeploymentRequest request, int host, int deployerIndex) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("host", host);
        line.put("deployer", deployerIndex);
        try {
            deployer.deploy(request, event -> {
                if (event instanceof DeploymentEvent.LockAcquired e) {
                    line.put("acquired", e.at().toEpochMilli());
                } else if (event instanceof DeploymentEvent.Released e) {
                    line.put("released", e.at().toEpochMilli());
                }
            });
            line.put("succeeded", true);
        } catch (DeploymentException e) {
            line.put("succeeded", false);
            line.put("failure", e.failure().name());
        }
        line.put("ended", System.currentTimeMillis());
        try {
            say(JSON.writeValueAsString(line));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
