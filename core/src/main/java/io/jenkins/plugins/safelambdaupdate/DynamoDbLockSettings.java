package io.jenkins.plugins.safelambdaupdate;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * How the DynamoDB lock ({@link LockProviders#dynamoDb}) holds and waits for a function's lock. Immutable; built with
 * {@link #builder()}, which checks every value before any AWS call and names the parameter it refuses.
 *
 * <ul>
 *   <li>{@code lockTable}: the table (see {@link DynamoDbLockTable} for its schema), required;</li>
 *   <li>{@code lockLease}: how long the lock stays held without a heartbeat, default 20 s: a holder that crashes or
 *       loses the network frees the function within one lease;</li>
 *   <li>{@code lockHeartbeat}: how often the holder renews its lease, default 5 s, at most half the lease;</li>
 *   <li>{@code lockRefresh}: how often a waiter reads the lock item (one strongly consistent GetItem), default 1 s;</li>
 *   <li>{@code lockOwner}: who holds the lock, as waiters see it, default {@code host HOST, process PID}; a front
 *       end adds the build, for example {@code host ci-3, process 4242, build #12 of deploy-job}.</li>
 * </ul>
 */
public final class DynamoDbLockSettings {
    /** Default {@code lockLease}: long enough to ride out a slow heartbeat, short enough to free a crashed holder. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(20);
    /** Default {@code lockHeartbeat}. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);
    /** Default {@code lockRefresh}: one read per waiting host and second. */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);

    static final Duration MIN_LEASE = Duration.ofSeconds(1);
    static final Duration MAX_LEASE = Duration.ofHours(1);
    static final Duration MIN_PERIOD = Duration.ofMillis(100);
    static final int MAX_OWNER_LENGTH = 512;

    private final String tableName;
    private final Duration leaseDuration;
    private final Duration heartbeatPeriod;
    private final Duration refreshPeriod;
    private final String ownerName;

    private DynamoDbLockSettings(Builder b) {
        this.tableName = DynamoDbLockTable.checkName(b.tableName);
        this.leaseDuration = between(Parameter.LOCK_LEASE, b.leaseDuration, MIN_LEASE, MAX_LEASE);
        this.heartbeatPeriod = between(Parameter.LOCK_HEARTBEAT, b.heartbeatPeriod, MIN_PERIOD, MAX_LEASE);
        if (heartbeatPeriod.multipliedBy(2).compareTo(leaseDuration) > 0) {
            throw new InvalidRequestException(Parameter.LOCK_HEARTBEAT, "(" + shown(heartbeatPeriod)
                    + ") must be at most half of ", Parameter.LOCK_LEASE, " (" + shown(leaseDuration)
                    + "), so that one late heartbeat "
                    + "does not lose the lock");
        }
        this.refreshPeriod = between(Parameter.LOCK_REFRESH, b.refreshPeriod, MIN_PERIOD, leaseDuration);
        this.ownerName = owner(b.ownerName);
    }

    /** @return a builder with the defaults above and no table */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the lock table's name */
    public String tableName() {
        return tableName;
    }

    /** @return how long the lock stays held without a heartbeat */
    public Duration leaseDuration() {
        return leaseDuration;
    }

    /** @return how often the holder renews its lease */
    public Duration heartbeatPeriod() {
        return heartbeatPeriod;
    }

    /** @return how often a waiter reads the lock item */
    public Duration refreshPeriod() {
        return refreshPeriod;
    }

    /** @return who holds the lock, as other hosts' waiters are told */
    public String ownerName() {
        return ownerName;
    }

    /** @return a builder holding these settings, for example to name the build in the owner name */
    public Builder toBuilder() {
        return builder().tableName(tableName).leaseDuration(leaseDuration).heartbeatPeriod(heartbeatPeriod)
                .refreshPeriod(refreshPeriod).ownerName(ownerName);
    }

    /**
     * @return {@code host HOST, process PID} for this JVM, the default {@code lockOwner}
     */
    public static String thisProcess() {
        String name = ManagementFactory.getRuntimeMXBean().getName(); // "pid@host" on the JVMs we run on
        int at = name.indexOf('@');
        String host = at >= 0 ? name.substring(at + 1) : "unknown host";
        return "host " + host + ", process " + ProcessHandle.current().pid();
    }

    @Override
    public String toString() {
        return "DynamoDbLockSettings{table=" + tableName + ", lease=" + shown(leaseDuration) + ", heartbeat="
                + shown(heartbeatPeriod) + ", refresh=" + shown(refreshPeriod) + ", owner=" + ownerName + "}";
    }

    private static Duration between(Parameter parameter, Duration value, Duration min, Duration max) {
        if (value == null) {
            throw new InvalidRequestException(parameter, "cannot be null");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidRequestException(parameter, "must be between " + shown(min) + " and "
                    + shown(max) + ", was " + shown(value));
        }
        return value;
    }

    private static String owner(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(Parameter.LOCK_OWNER, "cannot be blank");
        }
        String owner = value.strip();
        if (owner.length() > MAX_OWNER_LENGTH || owner.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException(Parameter.LOCK_OWNER, "must be one line of at most " + MAX_OWNER_LENGTH
                    + " characters");
        }
        return owner;
    }

    /** @return for example {@code 20 s}, {@code 250 ms} or {@code 1 h} */
    static String shown(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + " ms";
        }
        return d.toSeconds() % 3600 == 0 && d.toSeconds() != 0 ? d.toHours() + " h" : d.toSeconds() + " s";
    }

    /** Builder of {@link DynamoDbLockSettings}. Not thread-safe. */
    public static final class Builder {
        private String tableName;
        private Duration leaseDuration = DEFAULT_LEASE;
        private Duration heartbeatPeriod = DEFAULT_HEARTBEAT;
        private Duration refreshPeriod = DEFAULT_REFRESH;
        private String ownerName = thisProcess();

        private Builder() {
        }

        /** @param value the lock table, required (3 to 255 of {@code A-Z a-z 0-9 _ - .}) @return this */
        public Builder tableName(String value) {
            this.tableName = value;
            return this;
        }

        /** @param value the lease, 1 s to 1 h, default 20 s @return this */
        public Builder leaseDuration(Duration value) {
            this.leaseDuration = value;
            return this;
        }

        /** @param value the heartbeat period, at least 100 ms and at most half the lease, default 5 s @return this */
        public Builder heartbeatPeriod(Duration value) {
            this.heartbeatPeriod = value;
            return this;
        }

        /** @param value how often waiters read the lock, 100 ms to the lease, default 1 s @return this */
        public Builder refreshPeriod(Duration value) {
            this.refreshPeriod = value;
            return this;
        }

        /** @param value who holds the lock, one line, default {@link #thisProcess()} @return this */
        public Builder ownerName(String value) {
            this.ownerName = value;
            return this;
        }

        /**
         * @return the settings
         * @throws InvalidRequestException naming {@code lockTable}, {@code lockLease}, {@code lockHeartbeat},
         *     {@code lockRefresh} or {@code lockOwner} when that value is missing or out of range
         */
        public DynamoDbLockSettings build() {
            return new DynamoDbLockSettings(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DynamoDbLockSettings s && tableName.equals(s.tableName)
                && leaseDuration.equals(s.leaseDuration) && heartbeatPeriod.equals(s.heartbeatPeriod)
                && refreshPeriod.equals(s.refreshPeriod) && ownerName.equals(s.ownerName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tableName, leaseDuration, heartbeatPeriod, refreshPeriod, ownerName);
    }
}
