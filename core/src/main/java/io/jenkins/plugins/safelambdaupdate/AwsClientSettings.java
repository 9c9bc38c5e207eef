package io.jenkins.plugins.safelambdaupdate;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What every AWS client of this project is built from: region, credentials and endpoint. The builders of
 * {@link LambdaClients} and {@link DynamoDbClients} extend it; each says what its defaults are.
 *
 * @param <B> the builder
 */
abstract class AwsClientSettings<B extends AwsClientSettings<B>> {
    String region;
    AwsCredentialsProvider credentialsProvider;
    URI endpointOverride;

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
}
