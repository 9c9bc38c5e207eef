package io.jenkins.plugins.safelambdaupdate.testing;

import io.jenkins.plugins.safelambdaupdate.DynamoDbClients;
import io.jenkins.plugins.safelambdaupdate.DynamoDbLockTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real DynamoDB-compatible server for the tests: dynalite (the npm test dependency pinned in
 * {@code test-support/dynalite}), started with {@code node} on a free loopback port before the test class and stopped
 * after it. Register it as {@code @RegisterExtension static final Dynalite DYNALITE = new Dynalite();}.
 *
 * <p>When dynalite cannot start (no node, no {@code npm ci} done and no npm to do it), the tests are skipped on a
 * developer's machine and fail under {@code CI=true}.
 */
public final class Dynalite implements BeforeAllCallback, AfterAllCallback {
    private static final String FOLDER = "test-support/dynalite";
    private static final String CLI = "node_modules/dynalite/cli.js";
    private static final long START_TIMEOUT_SECONDS = 60;

    private final AtomicInteger tables = new AtomicInteger();
    private Process process;
    private URI endpoint;

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            Path folder = folder();
            Path cli = folder.resolve(CLI);
            if (!Files.isRegularFile(cli)) {
                npmCi(folder);
            }
            int port = freePort();
            process = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port",
                    String.valueOf(port), "--createTableMs", "20", "--deleteTableMs", "20", "--updateTableMs", "20")
                    .redirectErrorStream(true).start();
            awaitListening(process);
            endpoint = URI.create("http://127.0.0.1:" + port);
        } catch (IOException | RuntimeException e) {
            unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** @return the server's endpoint, for {@code endpointOverride} or {@code AWS_ENDPOINT_URL_DYNAMODB} */
    public URI endpoint() {
        return endpoint;
    }

    /** @return a new client of the server (any credentials work); the caller closes it */
    public DynamoDbClient client() {
        return DynamoDbClients.builder().region("us-east-1").endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .build();
    }

    /** @return the name of a new, active lock table, a different one per call */
    public String newLockTable() {
        String table = "locks-" + tables.incrementAndGet() + "-" + ProcessHandle.current().pid();
        try (DynamoDbClient client = client()) {
            DynamoDbLockTable.create(client, table);
        }
        return table;
    }

    private static void unavailable(Exception e) {
        String message = "dynalite could not start: " + e;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " (CI: run .ci/run, which installs node and runs npm ci in "
                    + FOLDER + ")", e);
        }
        Assumptions.abort(message + " (run npm ci in " + FOLDER + ")");
    }

    /** The pinned test dependency, found from the module's folder upwards. */
    private static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FOLDER).resolve("package-lock.json"))) {
                return dir.resolve(FOLDER);
            }
        }
        throw new IllegalStateException(FOLDER + " not found above " + Path.of("").toAbsolutePath());
    }

    /** A developer's first run: install the pinned dependency, as .ci/run does. */
    private static void npmCi(Path folder) throws IOException, InterruptedException {
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci failed in " + folder);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Reads the server's output until it says it listens; keeps draining it afterwards. */
    private static void awaitListening(Process process) throws InterruptedException {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            StringBuilder output = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.contains("listening")) {
                        listening.complete(null);
                    } else if (!listening.isDone()) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(new UncheckedIOException(e));
            }
            listening.completeExceptionally(new IllegalStateException("dynalite ended: " + output));
        }, "dynalite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "dynalite at " + endpoint;
    }
}
