package io.jenkins.plugins.safelambdaupdate.jenkins;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import io.jenkins.plugins.safelambdaupdate.HttpProxy;
import io.jenkins.plugins.safelambdaupdate.RenewingCredentials;
import io.jenkins.plugins.safelambdaupdate.SharedCredentialSessions;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * One role of aws-credentials assumed through one STS client of ours, kept for every deployment that uses it (see
 * {@link ControllerRoleSessions}) and renewed before it expires. The AssumeRole request is the plugin's own
 * ({@code AWSCredentialsImpl#resolveCredentials()} builds, and never closes, a new STS and HTTP client per call):
 * session name {@code Jenkins}, the external id and the session duration of the credentials, their keys (or, when blank,
 * the controller's default chain, as aws-credentials does), the SDK's region else us-east-1, and the controller's proxy.
 */
final class StsRoleSession implements SharedCredentialSessions.Session {
    private final StsClient sts;
    private final RenewingCredentials credentials;

    private StsRoleSession(StsClient sts, RenewingCredentials credentials) {
        this.sts = sts;
        this.credentials = credentials;
    }

    /** @return the session; no AWS call until its credentials are first resolved */
    @SuppressWarnings("deprecation") // the Apache 4 client is the one aws-java-sdk2-core ships with
    static StsRoleSession open(AWSCredentialsImpl role, HttpProxy proxy) {
        Region region = region();
        ApacheHttpClient.Builder http = ApacheHttpClient.builder();
        if (proxy != null) {
            proxy.applyTo(http, "sts." + region.id() + ".amazonaws.com");
        }
        // httpClientBuilder, not httpClient: the STS client then owns the HTTP client and closes it with itself.
        StsClientBuilder builder = StsClient.builder().region(region).httpClientBuilder(http);
        String secret = role.getSecretKey() == null ? "" : role.getSecretKey().getPlainText();
        if (!isBlank(role.getAccessKey()) || !isBlank(secret)) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(role.getAccessKey(), secret)));
        }
        StsClient sts = builder.build();
        int seconds = role.getStsTokenDuration();
        String externalId = isBlank(role.getIamExternalId()) ? null : role.getIamExternalId();
        RenewingCredentials renewing = RenewingCredentials.of(() -> {
            Credentials c = sts.assumeRole(r -> r.roleArn(role.getIamRoleArn()).roleSessionName("Jenkins")
                    .externalId(externalId).durationSeconds(seconds)).credentials();
            return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
        }, Duration.ofSeconds(seconds));
        return new StsRoleSession(sts, renewing);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return credentials.resolveCredentials();
    }

    @Override
    public void close() {
        credentials.close();
        sts.close();
    }

    private static Region region() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException none) {
            return Region.US_EAST_1;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
