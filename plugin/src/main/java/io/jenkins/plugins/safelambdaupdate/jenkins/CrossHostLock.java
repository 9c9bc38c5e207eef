package io.jenkins.plugins.safelambdaupdate.jenkins;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import hudson.model.Run;
import io.jenkins.plugins.safelambdaupdate.DynamoDbClients;
import io.jenkins.plugins.safelambdaupdate.DynamoDbLockSettings;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.RequestParameters;
import java.util.Map;
import jenkins.model.Jenkins;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB lock of one deployment, from the controller's {@link SafeLambdaUpdateConfiguration}: its client (closed
 * with it) and its provider, whose owner name says which controller and build holds the function.
 */
final class CrossHostLock implements AutoCloseable {
    private final DynamoDbClient client;
    private final LockProvider provider;

    private CrossHostLock(DynamoDbClient client, LockProvider provider) {
        this.client = client;
        this.provider = provider;
    }

    /**
     * @param config the controller's settings, with a lock table
     * @param run the build that deploys, for the owner name
     * @param lambdaRegion the region the step deploys to: the table's unless the settings name another
     * @param stepCredentials the step's credentials, used unless the settings name others; null for those of
     *     {@code environment}
     * @param environment the step's environment (its AWS variables), not null; ignored with the settings' own lock
     *     credentials, whose requests go only to the settings' endpoint (or AWS's)
     * @return the lock, to be closed after the deployment
     * @throws InvalidRequestException naming the setting that cannot be used
     */
    static CrossHostLock open(SafeLambdaUpdateConfiguration config, Run<?, ?> run, String lambdaRegion,
                              AwsCredentialsProvider stepCredentials, Map<String, String> environment) {
        String table = config.getLockTable();
        DynamoDbLockSettings settings = DynamoDbLockSettings.builder().tableName(table)
                .ownerName(ownerName(run)).build();
        AwsCredentialsProvider administrators = administratorsCredentials(config);
        DynamoDbClients.Builder clients = DynamoDbClients.builder()
                // Requests signed with the administrator's credentials go only where the administrator said: never
                // to an endpoint a job names in its environment (AWS_ENDPOINT_URL_DYNAMODB), which would receive them.
                .environment(administrators != null ? Map.of() : environment)
                .proxy(JenkinsProxy.ofController())
                .region(config.getLockRegion() != null ? config.getLockRegion() : lambdaRegion)
                .credentialsProvider(administrators != null ? administrators : stepCredentials);
        if (config.getLockEndpointUrl() != null) {
            clients.endpointOverride(RequestParameters.endpointUrl(config.getLockEndpointUrl()));
        }
        DynamoDbClient client = clients.build();
        return new CrossHostLock(client, LockProviders.dynamoDb(client, settings));
    }

    LockProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        client.close();
    }

    /** @return the lock credentials of the settings, or null when the step's own are used */
    private static AwsCredentialsProvider administratorsCredentials(SafeLambdaUpdateConfiguration config) {
        AmazonWebServicesCredentials global = config.lockCredentials();
        return global == null ? null
                : JenkinsAwsCredentials.provider(global, Parameter.LOCK_CREDENTIALS, config.getLockCredentialsId());
    }

    /** For example {@code "Jenkins https://ci.example.com/ job/deploy #12"}: waiters on other hosts print it. */
    private static String ownerName(Run<?, ?> run) {
        String root = Jenkins.get().getRootUrl();
        return "Jenkins " + (root == null ? DynamoDbLockSettings.thisProcess() : root) + " " + run.getParent().getUrl()
                + " #" + run.getNumber();
    }
}
