package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.internal.lock.DynamoDbLockProvider;
import io.jenkins.plugins.safelambdaupdate.internal.lock.FileLockProvider;
import io.jenkins.plugins.safelambdaupdate.internal.lock.HeldLockProvider;
import io.jenkins.plugins.safelambdaupdate.internal.lock.InOrderLockProvider;
import io.jenkins.plugins.safelambdaupdate.internal.lock.InProcessLockProvider;
import io.jenkins.plugins.safelambdaupdate.internal.lock.NoLockProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The lock providers that ship with the engine. Each call returns a new, independent provider. Providers that wait
 * measure their timeout on {@link TimeSource#system()} unless given the deployer's {@link TimeSource}.
 */
public final class LockProviders {

    private LockProviders() {
    }

    /**
     * Locks within this JVM: fair (first come, first served) per lock name. Share one instance
     * between all deployers of the process.
     */
    public static LockProvider inProcess() {
        return new InProcessLockProvider();
    }

    /**
     * Locks across processes of one host: one lock file per function ARN in {@code directory}, held with an OS file
     * lock that the OS releases if the process dies. The directory is created now when missing, private to this user
     * (0700). To share one directory between several users of the host, create it beforehand as a setgid directory of
     * their group ({@code install -d -m 2770 -g GROUP DIR}): lock files in it are then created group-writable.
     * A symbolic link at a lock file's path is never followed, and lock files are never written.
     *
     * @throws NullPointerException if directory is null
     * @throws LockUnavailableException naming the directory when it cannot be created
     */
    public static LockProvider fileLock(Path directory) {
        return fileLock(directory, TimeSource.system());
    }

    /**
     * As {@link #fileLock(Path)}, timed (timeout, retries of the OS lock, the holder note's date) on {@code time}.
     *
     * @throws NullPointerException if an argument is null
     * @throws LockUnavailableException naming the directory when it cannot be created
     */
    public static LockProvider fileLock(Path directory, TimeSource time) {
        return new FileLockProvider(Objects.requireNonNull(directory, "directory cannot be null"),
                Objects.requireNonNull(time, "time cannot be null"));
    }

    /**
     * Locks across hosts: a lease on one item per function ARN in a DynamoDB table (see {@link DynamoDbLockTable}),
     * through AWS's DynamoDB Lock Client. The holder renews its lease every heartbeat period; a holder that dies or
     * loses the network frees the function within one lease. Waiters read the item once per refresh period (threads
     * of this process queue locally first, so one of them reads), are told the holder's owner name whenever it
     * changes, stop at the timeout give or take one refresh period, and stop at once when interrupted (throwing
     * InterruptedException with the interrupt flag set again). The lock serves efficiency, not safety: a holder
     * whose lease expired may still write, and the engine's RevisionId and CodeSha256 preconditions refuse what it
     * writes over another deployment.
     *
     * <p>{@code acquire} throws {@link LockTableException} (naming the table) when the table is missing or access
     * is denied. Settings are checked by {@link DynamoDbLockSettings#builder()}, before any call.
     *
     * @param client the DynamoDB client (see {@link DynamoDbClients}); the provider never closes it
     * @param settings the table, lease, heartbeat, refresh period and owner name
     * @throws NullPointerException if client or settings is null
     */
    public static LockProvider dynamoDb(DynamoDbClient client, DynamoDbLockSettings settings) {
        return dynamoDb(client, settings, TimeSource.system());
    }

    /**
     * As {@link #dynamoDb(DynamoDbClient, DynamoDbLockSettings)}, with the timeout measured on {@code time} (the lock
     * client's pauses between reads and its heartbeats stay on real time).
     *
     * @throws NullPointerException if an argument is null
     */
    public static LockProvider dynamoDb(DynamoDbClient client, DynamoDbLockSettings settings, TimeSource time) {
        return new DynamoDbLockProvider(Objects.requireNonNull(client, "client cannot be null"),
                Objects.requireNonNull(settings, "settings cannot be null"), time);
    }

    /**
     * Two locks, one after the other: {@code first} (a local queue, such as a Jenkins controller's lockable resource),
     * then {@code then} (a lock across hosts, such as {@link #dynamoDb}), both within the one timeout; released in
     * reverse order, and the first released when the second cannot be had. Waiters are told about each.
     *
     * @param first taken first, not null
     * @param then taken once the first is held, not null
     * @return the combined provider
     * @throws NullPointerException if first or then is null
     */
    public static LockProvider inOrder(LockProvider first, LockProvider then) {
        return inOrder(first, then, TimeSource.system());
    }

    /**
     * As {@link #inOrder(LockProvider, LockProvider)}, with the one timeout measured on {@code time}.
     *
     * @throws NullPointerException if an argument is null
     */
    public static LockProvider inOrder(LockProvider first, LockProvider then, TimeSource time) {
        return new InOrderLockProvider(first, then, time);
    }

    /**
     * Takes no lock: for callers that serialize deployments of a function themselves. A deployment reports that it
     * is not locking ({@link DeploymentEvent.LockSkipped}), not a lock acquired and released.
     */
    public static LockProvider none() {
        return none("no lock provider (deployments are serialized by the caller)");
    }

    /**
     * @param reason why no lock is taken, as the deployment's log should say it (for example {@code "lock: false"})
     * @return a provider that takes no lock, like {@link #none()}
     * @throws NullPointerException if reason is null
     */
    public static LockProvider none(String reason) {
        return new NoLockProvider(reason);
    }

    /**
     * Hands a lock the caller already holds to one deployment: for callers that wait for the lock without a thread
     * (a Jenkins step queued on a timer) and then run the deployment. The deployment reports the lock acquired after
     * {@code waited} (or not taken, as {@code lock} says) and releases it as usual. Its {@code acquire} returns the
     * lock once, for the name of the lock only, and otherwise throws {@link LockUnavailableException} (nothing is
     * changed then): a function that resolved to another ARN than the one locked is never deployed under it.
     *
     * @param lock the held lock, not null
     * @param waited how long the caller waited for it, not negative
     * @return the provider, for one deployment
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if waited is negative
     */
    public static LockProvider held(FunctionLock lock, Duration waited) {
        return new HeldLockProvider(lock, waited);
    }
}
