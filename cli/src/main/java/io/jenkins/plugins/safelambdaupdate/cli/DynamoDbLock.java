package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.DynamoDbLockSettings;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code --lock dynamodb} for one run: the lock table's client (closed with this) and the provider over it. */
final class DynamoDbLock implements AutoCloseable {
    private final DynamoDbClient client;
    private final LockProvider provider;

    private DynamoDbLock(DynamoDbClient client, LockProvider provider) {
        this.client = client;
        this.provider = provider;
    }

    /**
     * Checks the lock options together (no AWS call is made) and, for {@code --lock dynamodb}, opens the lock.
     *
     * @return the DynamoDB lock, or null when another kind of lock was asked for
     * @throws InvalidRequestException naming the flag: a DynamoDB option without {@code --lock dynamodb},
     *     {@code --lock-dir} with it, or a bad table, lease, region or endpoint
     */
    static DynamoDbLock open(LockOptions lock, DynamoDbLockOptions options, AwsOptions aws,
                             FunctionReference function, Map<String, String> environment) {
        if (lock.kind != LockOptions.Kind.dynamodb) {
            if (options.given()) {
                throw new InvalidRequestException(Parameter.LOCK, "must be dynamodb for ", Parameter.LOCK_TABLE, ", ",
                        Parameter.LOCK_LEASE, ", ", Parameter.LOCK_HEARTBEAT, ", ", Parameter.LOCK_REFRESH, ", ",
                        Parameter.LOCK_OWNER, ", ", Parameter.LOCK_REGION, " and ", Parameter.LOCK_ENDPOINT_URL);
            }
            return null;
        }
        if (lock.directory != null) {
            throw new InvalidRequestException(Parameter.LOCK_DIR, "cannot be combined with ", Parameter.LOCK,
                    " dynamodb");
        }
        DynamoDbLockSettings settings = options.settings();
        String lambdaRegion = options.connection.region != null ? null : aws.lambdaRegion(function, environment);
        DynamoDbClient client = options.connection.newClient(lambdaRegion, aws.profileCredentials(), environment);
        return new DynamoDbLock(client, LockProviders.dynamoDb(client, settings));
    }

    /** @return the provider */
    LockProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        client.close();
    }
}
