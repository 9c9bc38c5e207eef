package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.DynamoDbLockSettings;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The settings of {@code deploy --lock dynamodb}: the table, the lease and who the holder says it is. */
final class DynamoDbLockOptions {

    @Option(names = "--lock-table", paramLabel = "NAME",
            description = "DynamoDB table of --lock dynamodb (create it with: lock-table create --table NAME).")
    String table;

    @Option(names = "--lock-lease", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the DynamoDB lock stays held without a heartbeat: a holder that dies frees the "
                    + "function within one lease. Default: 20s.")
    Duration lease;

    @Option(names = "--lock-heartbeat", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often the holder renews its lease, at most half the lease. Default: 5s.")
    Duration heartbeat;

    @Option(names = "--lock-refresh", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often a waiter reads the lock (one DynamoDB read). Default: 1s.")
    Duration refresh;

    @Option(names = "--lock-owner", paramLabel = "TEXT",
            description = "Added to the holder's name that waiters see (host and process are always there), for "
                    + "example the CI job.")
    String owner;

    @Mixin
    DynamoDbConnectionOptions connection = new DynamoDbConnectionOptions();

    /** @return whether an option of this group was given */
    boolean given() {
        return table != null || lease != null || heartbeat != null || refresh != null || owner != null
                || connection.given();
    }

    /**
     * @return the lock settings, checked (no AWS call is made)
     * @throws InvalidRequestException naming {@code --lock-table}, {@code --lock-lease}, {@code --lock-heartbeat},
     *     {@code --lock-refresh} or {@code --lock-owner}
     */
    DynamoDbLockSettings settings() {
        DynamoDbLockSettings.Builder builder = DynamoDbLockSettings.builder().tableName(table);
        if (lease != null) {
            builder.leaseDuration(lease);
            if (heartbeat == null && DynamoDbLockSettings.DEFAULT_HEARTBEAT.multipliedBy(2).compareTo(lease) > 0) {
                builder.heartbeatPeriod(lease.dividedBy(4)); // a short lease alone gets a heartbeat that fits it
            }
        }
        if (heartbeat != null) {
            builder.heartbeatPeriod(heartbeat);
        }
        if (refresh != null) {
            builder.refreshPeriod(refresh);
        } else if (lease != null && DynamoDbLockSettings.DEFAULT_REFRESH.compareTo(lease) > 0) {
            builder.refreshPeriod(lease);
        }
        if (owner != null) {
            if (owner.isBlank()) {
                throw new InvalidRequestException(Parameter.LOCK_OWNER, "cannot be blank");
            }
            builder.ownerName(DynamoDbLockSettings.thisProcess() + ", " + owner.strip());
        }
        return builder.build();
    }
}
