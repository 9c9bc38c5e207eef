package io.jenkins.plugins.safelambdaupdate.simulator;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * The real AWS SDK v2 Lambda client pointed at a simulator, built as the engine builds it: with the Apache
 * HTTP client, which SDK 2.57 marks deprecated in favour of apache5-client.
 */
@SuppressWarnings("deprecation")
final class SdkClients {
    static final String ROLE = "arn:aws:iam::123456789012:role/test-role";

    private SdkClients() {
    }

    /** @return a client with the SDK's standard retries */
    static LambdaClient client(LambdaSimulator simulator) {
        return builder(simulator).build();
    }

    /** @return a client that makes exactly one attempt, so 429 and 5xx surface */
    static LambdaClient noRetries(LambdaSimulator simulator) {
        return builder(simulator)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(b -> b.maxAttempts(1)).build())
                .build();
    }

    /** @return a client without retries whose connection pool holds {@code connections} connections */
    static LambdaClient withConnections(LambdaSimulator simulator, int connections) {
        return builder(simulator)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(connections))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(b -> b.maxAttempts(1)).build())
                .build();
    }

    /** @return the SDK's waiter, polling every 50 ms for at most 10 s */
    static LambdaWaiter fastWaiter(LambdaClient client) {
        return LambdaWaiter.builder().client(client)
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(50)))
                        .waitTimeout(Duration.ofSeconds(10))
                        .build())
                .build();
    }

    /** @return a CreateFunction request for a python zip function */
    static CreateFunctionRequest.Builder create(String name, byte[] zip) {
        return CreateFunctionRequest.builder()
                .functionName(name)
                .role(ROLE)
                .runtime(Runtime.PYTHON3_12)
                .handler("index.handler")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip)));
    }

    private static software.amazon.awssdk.services.lambda.LambdaClientBuilder builder(LambdaSimulator simulator) {
        return LambdaClient.builder()
                .endpointOverride(simulator.endpoint())
                .region(Region.of(simulator.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder());
    }
}
