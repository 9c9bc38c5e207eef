package io.jenkins.plugins.safelambdaupdate;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * What every AWS client of this project is built from: region, credentials, endpoint, HTTP proxy and the interceptors
 * told of its calls. The builders of
 * {@link LambdaClients} and {@link DynamoDbClients} extend it; each says what its defaults are.
 *
 * @param <B> the builder
 */
abstract class AwsClientSettings<B extends AwsClientSettings<B>> {
    String region;
    AwsCredentialsProvider credentialsProvider;
    URI endpointOverride;
    HttpProxy proxy;
    final List<ExecutionInterceptor> interceptors = new ArrayList<>();

    AwsClientSettings() {
    }

    /** @return this builder */
    abstract B self();

    /**
     * @param value the region, for example {@code us-east-1}
     * @return this
     */
    public B region(String value) {
        this.region = value;
        return self();
    }

    /**
     * @param value the credentials provider; by default the builder's environment's, else the SDK's default chain
     * @return this
     */
    public B credentialsProvider(AwsCredentialsProvider value) {
        this.credentialsProvider = value;
        return self();
    }

    /**
     * @param value the endpoint, for example a simulator's or a test server's; by default AWS's (see the builder)
     * @return this
     */
    public B endpointOverride(URI value) {
        this.endpointOverride = value;
        return self();
    }

    /**
     * @param value the HTTP proxy to reach AWS through, unless its bypass list names the service's host; null
     *     (default) for none (the SDK's own proxy system properties and variables are not read either way)
     * @return this
     */
    public B proxy(HttpProxy value) {
        this.proxy = value;
        return self();
    }

    /**
     * @param value told of every call and each of its HTTP attempts, for example to count them (the benchmark does),
     *     not null; added after this project's own interceptors
     * @return this
     */
    public B addExecutionInterceptor(ExecutionInterceptor value) {
        interceptors.add(Objects.requireNonNull(value, "value cannot be null"));
        return self();
    }

    /** Sets the proxy on the HTTP client, unless none is set or it bypasses {@code targetHost}. */
    void applyProxy(ApacheHttpClient.Builder http, String targetHost) {
        if (proxy != null) {
            proxy.applyTo(http, targetHost);
        }
    }
}
