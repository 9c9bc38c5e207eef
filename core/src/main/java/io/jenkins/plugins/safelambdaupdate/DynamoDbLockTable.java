package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.internal.lock.LockTableErrors;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The DynamoDB table that holds the function locks, as AWS's DynamoDB Lock Client expects it: partition key
 * {@value #PARTITION_KEY} (string), no sort key, on-demand capacity. One item per function being deployed, keyed by
 * the canonical function ARN, with the attributes {@code ownerName}, {@code leaseDuration} (ms) and
 * {@code recordVersionNumber} (renewed by every heartbeat); the item is deleted when the lock is released.
 */
public final class DynamoDbLockTable {
    /** The partition key: the canonical unqualified function ARN. */
    public static final String PARTITION_KEY = "key";

    /** A new table is usually active within seconds; poll once a second for at most five minutes. */
    private static final Duration ACTIVE_POLL = Duration.ofSeconds(1);
    private static final int ACTIVE_ATTEMPTS = 300;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private DynamoDbLockTable() {
    }

    /**
     * Checks a table name by DynamoDB's rules, without any call.
     *
     * @param tableName the name
     * @return the name
     * @throws InvalidRequestException naming {@code lockTable} unless it is 3 to 255 of {@code A-Z a-z 0-9 _ - .}
     */
    public static String checkName(String tableName) {
        if (tableName == null || tableName.isBlank()) {
            throw new InvalidRequestException(Parameter.LOCK_TABLE, "is required: the DynamoDB table that holds "
                    + "the locks");
        }
        if (!NAME.matcher(tableName).matches()) {
            throw new InvalidRequestException(Parameter.LOCK_TABLE, "'" + tableName + "' is not a DynamoDB table "
                    + "name: 3 to 255 letters, digits, '_', '-' or '.'");
        }
        return tableName;
    }

    /**
     * Creates the lock table (on-demand capacity) and waits until it is active. Idempotent: a table that already
     * exists with the lock table's key schema is left as it is.
     *
     * @param client the DynamoDB client, not null (not closed)
     * @param tableName the table, checked as by {@link #checkName}
     * @return true if the table was created, false if it already existed
     * @throws InvalidRequestException naming {@code lockTable} for a bad name (no call is made)
     * @throws LockTableException naming the table when access is denied, when an existing table has another key
     *     schema, or when DynamoDB refuses otherwise
     */
    public static boolean create(DynamoDbClient client, String tableName) {
        Objects.requireNonNull(client, "client cannot be null");
        String table = checkName(tableName);
        boolean created;
        try {
            client.createTable(CreateTableRequest.builder()
                    .tableName(table)
                    .keySchema(KeySchemaElement.builder().attributeName(PARTITION_KEY).keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(PARTITION_KEY)
                            .attributeType(ScalarAttributeType.S).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .build());
            created = true;
        } catch (ResourceInUseException exists) {
            created = false;
        } catch (SdkException e) {
            throw LockTableErrors.translate(table, "create", e);
        }
        TableDescription description;
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client)
                .overrideConfiguration(o -> o.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(ACTIVE_POLL))
                        .maxAttempts(ACTIVE_ATTEMPTS))
                .build()) {
            description = waiter.waitUntilTableExists(r -> r.tableName(table)).matched().response()
                    .orElseThrow(() -> new LockTableException(table, "DynamoDB lock table '" + table
                            + "' did not become active", null)).table();
        } catch (SdkException e) {
            throw LockTableErrors.translate(table, "describe", e);
        }
        checkSchema(table, description);
        return created;
    }

    private static void checkSchema(String table, TableDescription description) {
        List<KeySchemaElement> keys = description.keySchema();
        if (keys.size() != 1 || !PARTITION_KEY.equals(keys.get(0).attributeName())
                || keys.get(0).keyType() != KeyType.HASH) {
            throw new LockTableException(table, "DynamoDB table '" + table + "' exists but is no lock table: its key "
                    + "schema must be the partition key '" + PARTITION_KEY + "' (string) alone, was " + keys, null);
        }
    }
}
