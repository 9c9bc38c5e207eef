package io.jenkins.plugins.safelambdaupdate;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The AWS settings found in a set of environment variables ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
 * {@code AWS_SESSION_TOKEN}, {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, {@code AWS_PROFILE},
 * {@code AWS_ENDPOINT_URL}), for example a Jenkins step's environment or the process environment. Immutable.
 * {@link #toString()} never prints secrets. Blank values count as absent.
 */
public final class AwsEnvironment {
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final String region;
    private final String defaultRegion;
    private final String profile;
    private final String endpoint;

    private AwsEnvironment(Map<String, String> env) {
        this.accessKeyId = value(env, "AWS_ACCESS_KEY_ID");
        this.secretAccessKey = value(env, "AWS_SECRET_ACCESS_KEY");
        this.sessionToken = value(env, "AWS_SESSION_TOKEN");
        this.region = value(env, "AWS_REGION");
        this.defaultRegion = value(env, "AWS_DEFAULT_REGION");
        this.profile = value(env, "AWS_PROFILE");
        this.endpoint = value(env, "AWS_ENDPOINT_URL");
    }

    private static String value(Map<String, String> env, String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * @param environment environment variables, not null (other keys are ignored)
     * @return the AWS settings among them
     * @throws NullPointerException if environment is null
     */
    public static AwsEnvironment of(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment cannot be null");
        return new AwsEnvironment(environment);
    }

    /**
     * @return a static provider of {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}, with
     *     {@code AWS_SESSION_TOKEN} when set; empty unless both key variables are set
     */
    public Optional<AwsCredentialsProvider> credentials() {
        if (accessKeyId == null || secretAccessKey == null) {
            return Optional.empty();
        }
        return Optional.of(StaticCredentialsProvider.create(sessionToken == null
                ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken)));
    }

    /**
     * @return the credentials these variables name: {@link #credentials()}, else a provider of the {@code AWS_PROFILE}
     *     profile; empty when neither is set
     */
    public Optional<AwsCredentialsProvider> credentialsProvider() {
        Optional<AwsCredentialsProvider> keys = credentials();
        if (keys.isPresent() || profile == null) {
            return keys;
        }
        return Optional.of(ProfileCredentialsProvider.builder().profileName(profile).build());
    }

    /** @return {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, when set */
    public Optional<String> region() {
        return Optional.ofNullable(region != null ? region : defaultRegion);
    }

    /**
     * @return {@code AWS_ENDPOINT_URL} as a URI, when set
     * @throws InvalidRequestException naming {@code AWS_ENDPOINT_URL} unless it is an absolute http or https URL with
     *     a host and no user information (the check of {@link RequestParameters#endpointUrl(String)}); a value with
     *     user information, which may hold a password, is not quoted
     */
    public Optional<URI> endpoint() {
        if (endpoint == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RequestParameters.endpointUrl(endpoint));
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(Parameter.ENDPOINT_URL_VARIABLE, shownEndpoint()
                    + " must be an absolute http or https URL with a host and no user information, such as "
                    + "http://localhost:4566");
        }
    }

    private String shownEndpoint() {
        return endpoint.contains("@") ? "(with user information)" : "'" + endpoint + "'";
    }

    /** @return {@code AWS_PROFILE}, when set */
    public Optional<String> profile() {
        return Optional.ofNullable(profile);
    }

    /**
     * Resolves the region of a deployment: the parameter, then {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION},
     * then the region inside a full function ARN.
     *
     * @param regionParameter the region given by the user, or null/blank when none
     * @param function the function reference, or null when there is none (then no ARN can give the region)
     * @return the region, never null
     * @throws InvalidRequestException naming {@code region} when no source gives a region, or when the region taken
     *     from {@code AWS_REGION} or {@code AWS_DEFAULT_REGION} is not a region name
     */
    public String resolveRegion(String regionParameter, FunctionReference function) {
        if (regionParameter != null && !regionParameter.isBlank()) {
            return regionParameter.trim();
        }
        if (region != null) {
            return checkedRegion("AWS_REGION", region);
        }
        if (defaultRegion != null) {
            return checkedRegion("AWS_DEFAULT_REGION", defaultRegion);
        }
        Optional<String> fromArn = function == null ? Optional.empty() : function.region();
        return fromArn.orElseThrow(() -> new InvalidRequestException(Parameter.REGION, "is not set: set ",
                Parameter.REGION, ", AWS_REGION or AWS_DEFAULT_REGION, or use a full function ARN"));
    }

    /** The same check as the region parameter's, naming the variable the value came from. */
    private static String checkedRegion(String variable, String value) {
        try {
            return RequestParameters.region(value);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(Parameter.REGION, "'" + value + "' from " + variable
                    + " is not an AWS region name such as us-east-1");
        }
    }

    /** @return the variables present, with secrets masked */
    @Override
    public String toString() {
        return "AwsEnvironment{accessKeyId=" + (accessKeyId == null ? "unset" : mask(accessKeyId))
                + ", secretAccessKey=" + (secretAccessKey == null ? "unset" : "****")
                + ", sessionToken=" + (sessionToken == null ? "unset" : "****")
                + ", region=" + region + ", defaultRegion=" + defaultRegion + ", profile=" + profile
                + ", endpoint=" + (endpoint == null ? null : shownEndpoint()) + "}";
    }

    private static String mask(String keyId) {
        return keyId.length() <= 4 ? "****" : "****" + keyId.substring(keyId.length() - 4);
    }
}
