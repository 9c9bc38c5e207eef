package io.jenkins.plugins.safelambdaupdate.internal.lock;

import com.amazonaws.services.dynamodbv2.AcquireLockOptions;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClientOptions;
import com.amazonaws.services.dynamodbv2.LockItem;
import com.amazonaws.services.dynamodbv2.model.LockNotGrantedException;
import io.jenkins.plugins.safelambdaupdate.DynamoDbLockSettings;
import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.LockWaitListener;
import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One lease on one lock item, through its own {@link AmazonDynamoDBLockClient}: the lock client waits (one GetItem
 * per refresh period, taking the item over once it is released, deleted, or unchanged for a whole lease), and once
 * the lock is held its background thread renews the lease every heartbeat period until release. A lock client per
 * lease means its owner name, its observation of the holder and its heartbeat thread live exactly as long as the lease.
 */
final class DynamoDbLease {
    private static final Logger LOG = Logger.getLogger(DynamoDbLease.class.getName());

    private final DynamoDbClient client;
    private final DynamoDbLockSettings settings;
    private final TimeSource time;

    DynamoDbLease(DynamoDbClient client, DynamoDbLockSettings settings, TimeSource time) {
        this.client = client;
        this.settings = settings;
        this.time = time;
    }

    /**
     * @param lockName the lock item's key
     * @param deadlineNanos when to give up, on the scale of the lease's {@link TimeSource#nanoTime()}
     * @param listener told each holder seen while waiting
     * @return the held lease; closing it deletes the item and stops the heartbeats
     * @throws InterruptedException if interrupted while waiting (the flag is set again)
     * @throws LockTimeoutException if the deadline passed first
     * @throws io.jenkins.plugins.safelambdaupdate.LockTableException if DynamoDB refused (missing table, access)
     */
    FunctionLock acquire(String lockName, long deadlineNanos, LockWaitListener listener)
            throws InterruptedException, LockTimeoutException {
        WaitingDynamoDbClient waiting = new WaitingDynamoDbClient(client, deadlineNanos, time, listener::waiting);
        AmazonDynamoDBLockClient lockClient = new AmazonDynamoDBLockClient(
                AmazonDynamoDBLockClientOptions.builder(waiting, settings.tableName())
                        .withOwnerName(settings.ownerName())
                        .withLeaseDuration(settings.leaseDuration().toMillis())
                        .withHeartbeatPeriod(settings.heartbeatPeriod().toMillis())
                        .withTimeUnit(TimeUnit.MILLISECONDS)
                        .withCreateHeartbeatBackgroundThread(true)
                        .build());
        try {
            long waitMillis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - time.nanoTime()));
            LockItem item = lockClient.acquireLock(AcquireLockOptions.builder(lockName)
                    .withRefreshPeriod(settings.refreshPeriod().toMillis())
                    .withAdditionalTimeToWaitForLock(waitMillis)
                    .withTimeUnit(TimeUnit.MILLISECONDS)
                    .withDeleteLockOnRelease(true)
                    .build());
            return new ReleaseOnce(lockName, () -> release(lockClient, item));
        } catch (WaitingDynamoDbClient.WaitEnded e) {
            close(lockClient);
            if (e.reason() == WaitingDynamoDbClient.Reason.INTERRUPTED) {
                throw interrupted(lockName);
            }
            throw timedOut(lockName, waiting);
        } catch (LockNotGrantedException e) {
            close(lockClient);
            throw timedOut(lockName, waiting);
        } catch (InterruptedException e) {
            close(lockClient);
            throw interrupted(lockName);
        } catch (SdkException e) {
            close(lockClient);
            throw LockTableErrors.translate(settings.tableName(), "lock " + lockName + " in", e);
        }
    }

    private static InterruptedException interrupted(String lockName) {
        Thread.currentThread().interrupt();
        return new InterruptedException("Interrupted while waiting for lock " + lockName);
    }

    private LockTimeoutException timedOut(String lockName, WaitingDynamoDbClient waiting) {
        String failure = waiting.lastConnectionFailure();
        return new LockTimeoutException("Timed out waiting for lock " + lockName + " in DynamoDB table "
                + settings.tableName() + (waiting.lastHolder() == null ? "" : ", held by " + waiting.lastHolder())
                + (failure == null ? "" : "; last DynamoDB connection failure: " + failure));
    }

    /**
     * Deletes the lock item (only if it is still ours) and stops the heartbeats. Never throws: the item of a
     * release that failed expires within one lease. Runs with the interrupt flag cleared, because the SDK aborts
     * calls made by an interrupted thread and a deployment that was interrupted must still free the function.
     */
    private void release(AmazonDynamoDBLockClient lockClient, LockItem item) {
        boolean interrupted = Thread.interrupted();
        try {
            if (!lockClient.releaseLock(item)) {
                LOG.warning(() -> "Lock " + item.getPartitionKey() + " in DynamoDB table " + settings.tableName()
                        + " was no longer ours when released: its lease had expired and another holder took it");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Releasing lock " + item.getPartitionKey() + " in DynamoDB table "
                    + settings.tableName() + " failed; it expires within one lease", e);
        } finally {
            close(lockClient);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the lock client's heartbeat thread; it holds no other lock. */
    private static void close(AmazonDynamoDBLockClient lockClient) {
        try {
            lockClient.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a DynamoDB lock client failed", e);
        }
    }
}
