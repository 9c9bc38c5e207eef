package io.jenkins.plugins.safelambdaupdate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Credential sessions (an assumed IAM role's: one STS client and its renewing credentials) shared by every user of one
 * credential, instead of one STS client built, and leaked, per deployment. A session is opened on first use, and closed
 * when the credential's definition changes (a new {@code version}), when it has not been used for {@code idleAfter}
 * (seen at the next use of any session), and on {@link #close()}. Thread-safe; resolving credentials happens outside
 * the lock.
 */
public final class SharedCredentialSessions implements AutoCloseable {

    /** A session: credentials and the clients behind them, closed when no longer needed. */
    public interface Session extends AwsCredentialsProvider, SdkAutoCloseable {
    }

    /** @param lastUsed the time source's monotonic nanoseconds at the last use */
    private record Entry(String version, Session session, long lastUsed) {
    }

    private final Duration idleAfter;
    private final TimeSource time;
    private final Map<String, Entry> sessions = new HashMap<>();
    private boolean closed;

    /**
     * @param idleAfter how long an unused session stays open, positive
     * @param time the time that tells idleness (its monotonic clock), not null
     * @throws IllegalArgumentException if idleAfter is not positive
     */
    public SharedCredentialSessions(Duration idleAfter, TimeSource time) {
        if (idleAfter == null || idleAfter.isNegative() || idleAfter.isZero()) {
            throw new IllegalArgumentException("idleAfter must be positive, was " + idleAfter);
        }
        this.idleAfter = idleAfter;
        this.time = Objects.requireNonNull(time, "time cannot be null");
    }

    /**
     * @param key names the credential (its id), not null
     * @param version a fingerprint of the credential's definition (never printed); another one replaces the session
     * @param open opens a session for this definition (no AWS call yet), not null
     * @return a provider whose every resolution goes through the credential's current session (so it outlives an
     *     idle close: the session is opened again), resolved once now so that a failure shows before any deployment
     *     step
     */
    public AwsCredentialsProvider provider(String key, String version, Supplier<? extends Session> open) {
        Objects.requireNonNull(key, "key cannot be null");
        Objects.requireNonNull(version, "version cannot be null");
        Objects.requireNonNull(open, "open cannot be null");
        AwsCredentialsProvider provider = new AwsCredentialsProvider() {
            @Override
            public AwsCredentials resolveCredentials() {
                return session(key, version, open).resolveCredentials();
            }

            @Override
            public String toString() {
                return "SharedCredentialSessions(" + key + ")";
            }
        };
        provider.resolveCredentials();
        return provider;
    }

    /** @return how many sessions are open */
    public synchronized int openSessions() {
        return sessions.size();
    }

    /** Closes every session; providers handed out fail from now on. */
    @Override
    public void close() {
        List<Session> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>();
            sessions.values().forEach(e -> toClose.add(e.session()));
            sessions.clear();
        }
        toClose.forEach(SdkAutoCloseable::close);
    }

    private Session session(String key, String version, Supplier<? extends Session> open) {
        List<Session> toClose = new ArrayList<>();
        Session session;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the credential sessions were closed (Jenkins is shutting down?)");
            }
            long now = time.nanoTime();
            sessions.entrySet().removeIf(e -> {
                boolean stale = e.getKey().equals(key) ? !e.getValue().version().equals(version)
                        : Duration.ofNanos(now - e.getValue().lastUsed()).compareTo(idleAfter) > 0;
                if (stale) {
                    toClose.add(e.getValue().session());
                }
                return stale;
            });
            Entry entry = sessions.get(key);
            session = entry != null ? entry.session() : Objects.requireNonNull(open.get(), "open gave no session");
            sessions.put(key, new Entry(version, session, now));
        }
        toClose.forEach(SdkAutoCloseable::close);
        return session;
    }
}
