package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.SampleZips;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Test helpers: zips, SHA-256 and real SDK clients over HTTP against a {@link LambdaSimulator}. */
final class SimulatedAws {
    private SimulatedAws() {
    }

    static byte[] zip(String content) {
        return SampleZips.pythonHandler(content);
    }

    static Path zipFile(Path dir, String content) {
        try {
            Path file = Files.createTempFile(dir, "code", ".zip");
            Files.write(file, zip(content));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        return SampleZips.codeSha256(bytes);
    }

    static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client as front ends build it, with fast SDK retries so fault tests stay short. */
    static LambdaClient client(LambdaSimulator sim, ExecutionInterceptor... interceptors) {
        LambdaClient client = LambdaClients.builder()
                .region(sim.region())
                .endpointOverride(sim.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(2)
                        .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(10)))
                        .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(10)))
                        .circuitBreakerEnabled(false)
                        .build())
                .build();
        if (interceptors.length == 0) {
            return client;
        }
        client.close();
        return LambdaClient.builder()
                .region(Region.of(sim.region()))
                .endpointOverride(sim.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> {
                    c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2)
                            .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(10)))
                            .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(10)))
                            .circuitBreakerEnabled(false).build());
                    for (ExecutionInterceptor i : interceptors) {
                        c.addExecutionInterceptor(i);
                    }
                })
                .build();
    }

    /** Records every request the client sends (each attempt). */
    static final class RequestRecorder implements ExecutionInterceptor {
        private final List<SdkRequest> requests = new ArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            synchronized (requests) {
                requests.add(context.request());
            }
        }

        private final List<Object> responses = new ArrayList<>();

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            synchronized (responses) {
                responses.add(context.response());
                responses.notifyAll();
            }
        }

        /** Blocks until a response of the type was received, for at most ten seconds. */
        boolean awaitResponse(Class<?> type) throws InterruptedException {
            long end = System.nanoTime() + 10_000_000_000L;
            synchronized (responses) {
                while (responses.stream().noneMatch(type::isInstance)) {
                    long left = (end - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        return false;
                    }
                    responses.wait(left);
                }
                return true;
            }
        }

        List<SdkRequest> requests() {
            synchronized (requests) {
                return List.copyOf(requests);
            }
        }

        <T extends SdkRequest> List<T> requests(Class<T> type) {
            List<T> result = new ArrayList<>();
            for (SdkRequest r : requests()) {
                if (type.isInstance(r)) {
                    result.add(type.cast(r));
                }
            }
            return result;
        }
    }
}
