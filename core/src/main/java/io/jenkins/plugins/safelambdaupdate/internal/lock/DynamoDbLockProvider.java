package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.DynamoDbLockSettings;
import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.LockWaitListener;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Locks functions across hosts with a lease in a DynamoDB table, through AWS's DynamoDB Lock Client. Threads of one
 * process queue locally first (in arrival order), so only one of them per function reads DynamoDB while waiting.
 */
public final class DynamoDbLockProvider implements LockProvider {

    private final DynamoDbLease lease;
    private final InProcessLockProvider local = new InProcessLockProvider();

    /**
     * @param client the DynamoDB client, not null; not closed by the provider
     * @param settings table, lease, heartbeat, refresh period and owner name, not null
     */
    public DynamoDbLockProvider(DynamoDbClient client, DynamoDbLockSettings settings) {
        this.lease = new DynamoDbLease(Objects.requireNonNull(client, "client cannot be null"),
                Objects.requireNonNull(settings, "settings cannot be null"));
    }

    @Override
    public FunctionLock acquire(String lockName, Duration timeout, LockWaitListener listener)
            throws InterruptedException, LockTimeoutException {
        Objects.requireNonNull(lockName, "lockName cannot be null");
        Objects.requireNonNull(timeout, "timeout cannot be null");
        Objects.requireNonNull(listener, "listener cannot be null");
        long deadline = System.nanoTime() + timeout.toNanos();
        FunctionLock queued;
        try {
            queued = local.acquire(lockName, timeout, listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // as the lease's wait does: the caller's caller must see it
            throw e;
        }
        FunctionLock held;
        try {
            held = lease.acquire(lockName, deadline, listener);
        } catch (InterruptedException | LockTimeoutException | RuntimeException e) {
            queued.close();
            throw e;
        }
        return new ReleaseOnce(lockName, () -> {
            try {
                held.close();
            } finally {
                queued.close();
            }
        });
    }
}
