package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.internal.ExplainedCredentials;
import io.jenkins.plugins.safelambdaupdate.internal.RateLimitingInterceptor;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/**
 * The one place where the AWS Lambda client is built: region, credentials, endpoint override, retry strategy and
 * an optional shared request rate limit, over the Apache HTTP client.
 */
public final class LambdaClients {
    private LambdaClients() {
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** The HTTP connection pool's default size. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;

    /** Builder of a {@link LambdaClient}. Not thread-safe. */
    public static final class Builder {
        private String region;
        private AwsCredentialsProvider credentialsProvider;
        private URI endpointOverride;
        private RetryStrategy retryStrategy;
        private RequestRateLimiter requestRateLimiter;
        private AwsEnvironment environment;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;

        private Builder() {
        }

        /**
         * @param value the region, for example {@code us-east-1}; required unless {@link #environment} gives one
         * @return this
         */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /**
         * @param value the credentials provider; default: from {@link #environment} when it has keys or a profile,
         *     else the SDK's default chain
         * @return this
         */
        public Builder credentialsProvider(AwsCredentialsProvider value) {
            this.credentialsProvider = value;
            return this;
        }

        /** @param value the endpoint (for example a simulator's); default: from {@link #environment}, else AWS's @return this */
        public Builder endpointOverride(URI value) {
            this.endpointOverride = value;
            return this;
        }

        /**
         * @param value the retry strategy; default: the SDK's standard AWS strategy with 5 attempts, retrying 429 and
         *     5xx with exponential backoff and jitter (409 and 412 are never retried by the SDK)
         * @return this
         */
        public Builder retryStrategy(RetryStrategy value) {
            this.retryStrategy = value;
            return this;
        }

        /** @param value a limiter shared by the clients of this process, or null for none (default) @return this */
        public Builder requestRateLimit(RequestRateLimiter value) {
            this.requestRateLimiter = value;
            return this;
        }

        /**
         * Sizes the HTTP connection pool: at most one connection per thread deploying through the client at once is
         * ever used (a request waiting for the rate limit holds none), so size it to the deploying threads.
         *
         * @param value at least 1; default {@value #DEFAULT_MAX_CONNECTIONS}
         * @return this
         * @throws IllegalArgumentException if value is under 1
         */
        public Builder maxConnections(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, was " + value);
            }
            this.maxConnections = value;
            return this;
        }

        /**
         * @param value AWS environment variables supplying what is not set explicitly (region, credentials, profile,
         *     endpoint), or null (default)
         * @return this
         */
        public Builder environment(AwsEnvironment value) {
            this.environment = value;
            return this;
        }

        /**
         * @return a new client; the caller closes it
         * @throws InvalidRequestException naming {@code region} if no region is set
         * @throws DeploymentException with {@link FailureKind#AWS_ERROR} if the shared AWS config files do not parse
         */
        @SuppressWarnings("deprecation") // the Apache 4 client is the one this project ships with
        public LambdaClient build() {
            String effectiveRegion = region;
            AwsCredentialsProvider credentials = credentialsProvider;
            URI endpoint = endpointOverride;
            if (environment != null) {
                if (effectiveRegion == null) {
                    effectiveRegion = environment.region().orElse(null);
                }
                if (credentials == null) {
                    credentials = environment.credentials().orElse(null);
                }
                if (credentials == null && environment.profile().isPresent()) {
                    credentials = ProfileCredentialsProvider.builder().profileName(environment.profile().get()).build();
                }
                if (endpoint == null) {
                    endpoint = environment.endpoint().orElse(null);
                }
            }
            if (effectiveRegion == null || effectiveRegion.isBlank()) {
                throw new InvalidRequestException("region", "region cannot be null");
            }
            ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                    .retryStrategy(retryStrategy != null ? retryStrategy
                            : AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(5).build());
            if (requestRateLimiter != null) {
                override.addExecutionInterceptor(new RateLimitingInterceptor(requestRateLimiter));
            }
            LambdaClientBuilder builder = LambdaClient.builder()
                    .region(Region.of(effectiveRegion))
                    .credentialsProvider(new ExplainedCredentials(credentials != null ? credentials
                            : DefaultCredentialsProvider.builder().build()))
                    .httpClientBuilder(ApacheHttpClient.builder()
                            .maxConnections(maxConnections)
                            .connectionTimeout(Duration.ofSeconds(10))
                            .socketTimeout(Duration.ofSeconds(120)))
                    .overrideConfiguration(override.build());
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            try {
                return builder.build();
            } catch (IllegalArgumentException | IllegalStateException e) {
                // The SDK reads the shared config files while building; one that does not parse is no bad input of ours.
                throw new DeploymentException(FailureKind.AWS_ERROR, "The AWS configuration cannot be read (shared "
                        + "config and credentials files, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE): "
                        + e.getMessage(), null, null, e);
            }
        }
    }
}
