package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.internal.ExplainedCredentials;
import io.jenkins.plugins.safelambdaupdate.internal.RateLimitingInterceptor;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.Objects;
import java.util.Map;
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

    /**
     * Builder of a {@link LambdaClient}. Not thread-safe. The region is required unless {@link #environment} gives
     * one; credentials and endpoint default to {@link #environment}'s, else the SDK's default chain and AWS's endpoint.
     */
    public static final class Builder extends AwsClientSettings<Builder> {
        private RetryStrategy retryStrategy;
        private RequestRateLimiter requestRateLimiter;
        private AwsEnvironment environment;
        private FunctionReference function;
        private String endpointUrl;
        private String profile;
        private Consumer<ApacheHttpClient.Builder> httpClient = http -> { };
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;

        private Builder() {
        }

        @Override
        Builder self() {
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
         * @param value the function the client is for: a full ARN supplies the region when neither the region nor
         *     the environment does; null (default) for none
         * @return this
         */
        public Builder function(FunctionReference value) {
            this.function = value;
            return this;
        }

        /**
         * @param value the endpoint as the user wrote it (checked when building: an absolute http or https URL with a
         *     host and no user information), or null (default) for {@link #endpointOverride} or the environment's
         * @return this
         */
        public Builder endpointUrl(String value) {
            this.endpointUrl = value;
            return this;
        }

        /**
         * @param value a named profile of the shared AWS config files to take credentials from, or null (default);
         *     ignored when {@link #credentialsProvider} is set
         * @return this
         */
        public Builder profile(String value) {
            this.profile = value;
            return this;
        }

        /**
         * @param value adjusts the HTTP client, after this builder's own settings; not null
         * @return this
         */
        Builder httpClient(Consumer<ApacheHttpClient.Builder> value) {
            this.httpClient = Objects.requireNonNull(value, "httpClient cannot be null");
            return this;
        }

        /**
         * Resolves every setting once, checked in one place: the region (the region given, else AWS_REGION, else
         * AWS_DEFAULT_REGION, else the function ARN's), the endpoint ({@link #endpointUrl}, else
         * {@link #endpointOverride}, else AWS_ENDPOINT_URL), the credentials ({@link #credentialsProvider}, else the
         * {@link #profile}, else the environment's keys or AWS_PROFILE, else the SDK's default chain).
         *
         * @return a new client; the caller closes it
         * @throws InvalidRequestException naming {@code region} if no region is set
         * @throws DeploymentException with {@link FailureKind#AWS_ERROR} if the shared AWS config files do not parse
         */
        @SuppressWarnings("deprecation") // the Apache 4 client is the one this project ships with
        public LambdaClient build() {
            String effectiveRegion = resolvedRegion();
            AwsCredentialsProvider credentials = credentialsProvider;
            if (credentials == null && profile != null) {
                if (profile.isBlank()) {
                    throw new InvalidRequestException(Parameter.PROFILE, "cannot be blank");
                }
                credentials = ProfileCredentialsProvider.builder().profileName(profile.trim()).build();
            }
            URI endpoint = endpointUrl != null ? RequestParameters.endpointUrl(endpointUrl) : endpointOverride;
            if (environment != null) {
                if (credentials == null) {
                    credentials = environment.credentialsProvider().orElse(null);
                }
                if (endpoint == null) {
                    endpoint = environment.endpoint().orElse(null);
                }
            }
            ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                    .retryStrategy(retryStrategy != null ? retryStrategy
                            : AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(5).build());
            if (requestRateLimiter != null) {
                override.addExecutionInterceptor(new RateLimitingInterceptor(requestRateLimiter));
            }
            interceptors.forEach(override::addExecutionInterceptor);
            LambdaClientBuilder builder = LambdaClient.builder()
                    .region(Region.of(effectiveRegion))
                    .credentialsProvider(new ExplainedCredentials(credentials != null ? credentials
                            : DefaultCredentialsProvider.builder().build()))
                    .httpClientBuilder(http(endpoint != null ? endpoint.getHost()
                            : "lambda." + effectiveRegion + ".amazonaws.com"))
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

        private String resolvedRegion() {
            String given = region == null ? null : RequestParameters.region(region);
            return (environment != null ? environment : AwsEnvironment.of(Map.of())).resolveRegion(given, function);
        }

        @SuppressWarnings("deprecation") // the Apache 4 client is the one this project ships with
        private ApacheHttpClient.Builder http(String lambdaHost) {
            ApacheHttpClient.Builder http = ApacheHttpClient.builder()
                    .maxConnections(maxConnections)
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(120));
            applyProxy(http, lambdaHost);
            httpClient.accept(http);
            return http;
        }
    }
}
