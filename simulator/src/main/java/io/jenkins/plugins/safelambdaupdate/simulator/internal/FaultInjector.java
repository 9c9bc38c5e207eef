package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import io.jenkins.plugins.safelambdaupdate.simulator.Faults;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The simulator's {@link Faults}: settings in volatile immutable values, decisions from one seeded source. */
public final class FaultInjector implements Faults {
    private record ErrorFault(double probability, int status) {
    }

    private record Latency(long minNanos, long maxNanos) {
    }

    /** A planned failure of a transition. */
    record Failure(String reasonCode, String reason) {
    }

    private static final ErrorFault NO_ERRORS = new ErrorFault(0, 500);
    private static final Latency NO_LATENCY = new Latency(0, 0);

    private final Random random;
    private volatile double throttleRate;
    private volatile ErrorFault errors = NO_ERRORS;
    private volatile Latency latency = NO_LATENCY;
    private volatile boolean legacyConflictMessage;
    private final ConcurrentMap<String, Failure> nextUpdateFailures = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Failure> nextCreateFailures = new ConcurrentHashMap<>();

    /** @param seed the seed of the random source behind every probabilistic fault */
    public FaultInjector(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public Faults throttleRate(double probability) {
        this.throttleRate = checkProbability(probability);
        return this;
    }

    @Override
    public Faults errorRate(double probability) {
        return errorRate(probability, 500);
    }

    @Override
    public Faults errorRate(double probability, int status) {
        if (status != 500 && status != 503) {
            throw new IllegalArgumentException("status must be 500 or 503, was " + status);
        }
        this.errors = new ErrorFault(checkProbability(probability), status);
        return this;
    }

    @Override
    public Faults latency(Duration fixed) {
        return latency(fixed, fixed);
    }

    @Override
    public Faults latency(Duration min, Duration max) {
        Objects.requireNonNull(min, "min cannot be null");
        Objects.requireNonNull(max, "max cannot be null");
        if (min.isNegative() || min.compareTo(max) > 0) {
            throw new IllegalArgumentException("latency needs 0 <= min <= max, was " + min + ".." + max);
        }
        this.latency = new Latency(min.toNanos(), max.toNanos());
        return this;
    }

    @Override
    public Faults failNextUpdate(String functionName, String reasonCode, String reason) {
        nextUpdateFailures.put(Objects.requireNonNull(functionName, "functionName cannot be null"),
                failure(reasonCode, reason));
        return this;
    }

    @Override
    public Faults failNextUpdate(String functionName, String reasonCode) {
        return failNextUpdate(functionName, reasonCode, "The function update failed (simulated): " + reasonCode);
    }

    @Override
    public Faults failNextCreate(String functionName, String reasonCode, String reason) {
        nextCreateFailures.put(Objects.requireNonNull(functionName, "functionName cannot be null"),
                failure(reasonCode, reason));
        return this;
    }

    @Override
    public Faults legacyConflictMessage(boolean legacy) {
        this.legacyConflictMessage = legacy;
        return this;
    }

    @Override
    public Faults clear() {
        throttleRate = 0;
        errors = NO_ERRORS;
        latency = NO_LATENCY;
        legacyConflictMessage = false;
        nextUpdateFailures.clear();
        nextCreateFailures.clear();
        return this;
    }

    /**
     * Sleeps for the configured latency.
     *
     * @throws InterruptedException when interrupted while sleeping (the simulator is closing)
     */
    void delay() throws InterruptedException {
        Latency current = latency;
        long nanos = current.minNanos() == current.maxNanos() ? current.minNanos()
                : current.minNanos() + (long) (random.nextDouble() * (current.maxNanos() - current.minNanos()));
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }

    /**
     * Decides whether this call is throttled or fails.
     *
     * @throws LambdaError 429 or 5xx when the dice say so
     */
    void maybeFail() {
        if (throttleRate > 0 && random.nextDouble() < throttleRate) {
            throw Errors.throttled(1);
        }
        ErrorFault current = errors;
        if (current.probability() > 0 && random.nextDouble() < current.probability()) {
            throw Errors.serviceError(current.status(), "Internal service error (injected by the simulator).");
        }
    }

    /** @return the failure planned for the next update of the function, removing it; null when none */
    Failure takeUpdateFailure(String functionName) {
        return nextUpdateFailures.remove(functionName);
    }

    /** @return the failure planned for the next creation of the function, removing it; null when none */
    Failure takeCreateFailure(String functionName) {
        return nextCreateFailures.remove(functionName);
    }

    boolean legacyConflictMessage() {
        return legacyConflictMessage;
    }

    private static Failure failure(String reasonCode, String reason) {
        return new Failure(Objects.requireNonNull(reasonCode, "reasonCode cannot be null"),
                Objects.requireNonNull(reason, "reason cannot be null"));
    }

    private static double checkProbability(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1, was " + probability);
        }
        return probability;
    }
}
