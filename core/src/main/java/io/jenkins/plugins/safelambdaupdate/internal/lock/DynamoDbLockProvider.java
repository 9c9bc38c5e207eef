package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.DynamoDbLockSettings;
import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.LockWaitListener;
import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Locks functions across hosts with a lease in a DynamoDB table, through AWS's DynamoDB Lock Client. Threads of one
 * process queue locally first (in arrival order), so only one of them per function reads DynamoDB while waiting.
 */
public final class DynamoDbLockProvider implements LockProvider {

    private final LockProvider locks;

    /**
     * @param client the DynamoDB client, not null; not closed by the provider
     * @param settings table, lease, heartbeat, refresh period and owner name, not null
     * @param time measures the timeout, not null (the lock client's own waiting between reads stays real)
     */
    public DynamoDbLockProvider(DynamoDbClient client, DynamoDbLockSettings settings, TimeSource time) {
        Objects.requireNonNull(time, "time cannot be null");
        DynamoDbLease lease = new DynamoDbLease(Objects.requireNonNull(client, "client cannot be null"),
                Objects.requireNonNull(settings, "settings cannot be null"), time);
        // Threads of this process queue first, so only one of them per function reads DynamoDB while waiting.
        this.locks = new InOrderLockProvider(new InProcessLockProvider(),
                (name, timeout, listener) -> lease.acquire(name, time.nanoTime() + timeout.toNanos(), listener), time);
    }

    @Override
    public FunctionLock acquire(String lockName, Duration timeout, LockWaitListener listener)
            throws InterruptedException, LockTimeoutException {
        return locks.acquire(lockName, timeout, listener);
    }
}
