package io.jenkins.plugins.safelambdaupdate.bench.soak;

import java.time.Duration;
import java.util.Objects;

/**
 * What one soak run does: how many deployers, functions and rounds, the faults the simulator injects, how often the
 * outside writer writes, how many deployments are interrupted, and the simulator's timings. Immutable.
 *
 * @param deployers           concurrent deployer threads (default 32)
 * @param functions           functions they share, deployer {@code i} deploying to function {@code i % functions}
 *                            (default 4)
 * @param rounds              deployments per deployer, one after the other (default 5)
 * @param seed                seeds the simulator's fault dice and every plan (default 42)
 * @param throttleRate        share of calls answered 429 with {@code Retry-After} (default 0.10)
 * @param errorRate           share of calls answered 500 (default 0.02)
 * @param latencyMax          added latency of every call, drawn from [0, latencyMax] (default 40 ms)
 * @param failedUpdateEvery   on average, how often the next update of a random function is made to end
 *                            {@code Failed} (default 8 s)
 * @param writerEvery         on average, how often the outside writer changes each function (default 2 s)
 * @param interruptRate       share of deployments whose thread is interrupted at a moment picked from its events
 *                            (default 0.15)
 * @param shortDeadlineRate   share of deployments given a deadline of 2 to 6 s instead of {@code deadline}
 *                            (default 0.10)
 * @param deadline            the deadline of the other deployments (default 90 s)
 * @param deadlineGrace       how far past its deadline a deployment may end before it counts as an overrun (default 5 s)
 * @param updateDelay         the simulator's InProgress time of an update (default 500 ms)
 * @param publishDelay        the simulator's Pending time of a new version (default 200 ms)
 */
public record SoakSettings(int deployers, int functions, int rounds, long seed, double throttleRate, double errorRate,
                           Duration latencyMax, Duration failedUpdateEvery, Duration writerEvery, double interruptRate,
                           double shortDeadlineRate, Duration deadline, Duration deadlineGrace, Duration updateDelay,
                           Duration publishDelay) {

    /** The full soak's defaults. */
    public static final SoakSettings DEFAULTS = new SoakSettings(32, 4, 5, 42, 0.10, 0.02, Duration.ofMillis(40),
            Duration.ofSeconds(8), Duration.ofSeconds(2), 0.15, 0.10, Duration.ofSeconds(90), Duration.ofSeconds(5),
            Duration.ofMillis(500), Duration.ofMillis(200));

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public SoakSettings {
        positive("deployers", deployers);
        positive("functions", functions);
        positive("rounds", rounds);
        if (functions > deployers) {
            throw new IllegalArgumentException("functions (" + functions + ") cannot exceed deployers (" + deployers
                    + ")");
        }
        probability("throttleRate", throttleRate);
        probability("errorRate", errorRate);
        probability("interruptRate", interruptRate);
        probability("shortDeadlineRate", shortDeadlineRate);
        notNegative("latencyMax", latencyMax);
        positive("failedUpdateEvery", failedUpdateEvery);
        positive("writerEvery", writerEvery);
        positive("deadline", deadline);
        notNegative("deadlineGrace", deadlineGrace);
        notNegative("updateDelay", updateDelay);
        notNegative("publishDelay", publishDelay);
    }

    /** @return the function name of index {@code i}: {@code soak-fn-0}, {@code soak-fn-1}, ... */
    public String functionName(int i) {
        return "soak-fn-" + i;
    }

    /** @return deployments in all: deployers times rounds */
    public int deployments() {
        return deployers * rounds;
    }

    /**
     * @return how long to wait at most for all deployers: every round at its longest deadline plus the grace, plus a
     * margin; a deployer still running then is counted as hung
     */
    public Duration overallLimit() {
        return deadline.plus(deadlineGrace).plusSeconds(5).multipliedBy(rounds).plusSeconds(30);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name + " cannot be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void notNegative(String name, Duration value) {
        Objects.requireNonNull(value, name + " cannot be null");
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " cannot be negative, was " + value);
        }
    }

    private static void probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }
}
