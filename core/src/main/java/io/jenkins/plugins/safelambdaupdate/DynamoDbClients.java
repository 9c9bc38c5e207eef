package io.jenkins.plugins.safelambdaupdate;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointParams;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;

/**
 * The one place where the DynamoDB client of the lock is built: region, credentials and endpoint, over the Apache
 * HTTP client with short timeouts (lock calls are small). The endpoint is the one given, else
 * {@value #ENDPOINT_VARIABLE} (the SDK's variable for DynamoDB alone), else AWS's own: never {@code AWS_ENDPOINT_URL},
 * which names the Lambda endpoint (a simulator, say) in this project.
 */
public final class DynamoDbClients {
    /** The environment variable naming the DynamoDB endpoint. */
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_DYNAMODB";

    private DynamoDbClients() {
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param environment environment variables, not null
     * @return {@value #ENDPOINT_VARIABLE} as a URI, or null when unset or blank
     * @throws InvalidRequestException naming {@value #ENDPOINT_VARIABLE} unless it is an absolute http or https URL
     *     with a host and no user information (a value with user information is not quoted)
     */
    public static URI endpointFrom(Map<String, String> environment) {
        String value = environment.get(ENDPOINT_VARIABLE);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RequestParameters.endpointUrl(value);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(Parameter.LOCK_ENDPOINT_URL_VARIABLE,
                    (value.contains("@") ? "(with user information)" : "'" + value.trim() + "'")
                    + " must be an absolute http or https URL with a host and no user information, such as "
                    + "http://127.0.0.1:4567");
        }
    }

    /**
     * Builder of a {@link DynamoDbClient}. Not thread-safe. The region is required; credentials default to the
     * environment's keys or profile, else the SDK's default chain; the endpoint as said above.
     */
    public static final class Builder extends AwsClientSettings<Builder> {
        private Map<String, String> environment = Map.of();

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** @param value environment variables (credentials, profile, {@value #ENDPOINT_VARIABLE}), not null @return this */
        public Builder environment(Map<String, String> value) {
            this.environment = Map.copyOf(Objects.requireNonNull(value, "environment cannot be null"));
            return this;
        }

        /**
         * @return a new client; the caller closes it
         * @throws InvalidRequestException naming {@code region} when it is missing or no region name, or
         *     {@value #ENDPOINT_VARIABLE} when it is malformed
         */
        @SuppressWarnings("deprecation") // the Apache 4 client is the one this project ships with
        public DynamoDbClient build() {
            String effectiveRegion = RequestParameters.region(region);
            URI endpoint = endpointOverride != null ? endpointOverride : endpointFrom(environment);
            AwsCredentialsProvider credentials = credentialsProvider != null ? credentialsProvider
                    : AwsEnvironment.of(environment).credentialsProvider()
                            .orElseGet(() -> DefaultCredentialsProvider.builder().build());
            if (endpoint == null && generalEndpointSet()) {
                // The SDK would send DynamoDB calls to AWS_ENDPOINT_URL, the Lambda endpoint here: pin AWS's own.
                endpoint = awsEndpoint(effectiveRegion);
            }
            ApacheHttpClient.Builder http = ApacheHttpClient.builder()
                    .maxConnections(16)
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(10));
            applyProxy(http, endpoint != null ? endpoint.getHost() : "dynamodb." + effectiveRegion + ".amazonaws.com");
            DynamoDbClientBuilder builder = DynamoDbClient.builder()
                    .region(Region.of(effectiveRegion))
                    .credentialsProvider(credentials)
                    .httpClientBuilder(http)
                    .overrideConfiguration(o -> interceptors.forEach(o::addExecutionInterceptor));
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            return builder.build();
        }

        private boolean generalEndpointSet() {
            return present(environment.get("AWS_ENDPOINT_URL")) || present(System.getenv("AWS_ENDPOINT_URL"))
                    || present(System.getProperty("aws.endpointUrl"));
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }

        private static URI awsEndpoint(String region) {
            return DynamoDbEndpointProvider.defaultProvider()
                    .resolveEndpoint(DynamoDbEndpointParams.builder().region(Region.of(region)).build())
                    .join().url();
        }
    }
}
