package io.jenkins.plugins.safelambdaupdate.simulator;

import java.time.Duration;

/**
 * Faults the simulator injects, settable at any time from any thread; each setting applies to calls
 * that arrive after it. Random decisions come from the simulator's seeded source
 * ({@link LambdaSimulator.Builder#seed(long)}). Injected faults hit a call before it is handled, so a
 * throttled or failed call changes nothing. Every method returns this object for chaining.
 */
public interface Faults {

    /**
     * Throttles a share of all calls with 429 TooManyRequestsException ({@code Retry-After: 1}), on top of
     * any quota. Default 0.
     *
     * @param probability between 0 and 1
     * @throws IllegalArgumentException outside that range
     */
    Faults throttleRate(double probability);

    /**
     * Fails a share of all calls with 500 ServiceException. Default 0.
     *
     * @param probability between 0 and 1
     * @throws IllegalArgumentException outside that range
     */
    Faults errorRate(double probability);

    /**
     * Fails a share of all calls with ServiceException and the given status. Default 0.
     *
     * @param probability between 0 and 1
     * @param status      500 or 503
     * @throws IllegalArgumentException for a probability outside [0, 1] or another status
     */
    Faults errorRate(double probability, int status);

    /**
     * Delays every call by a fixed time before it is handled. Default none.
     *
     * @param latency zero or more
     * @throws IllegalArgumentException when negative
     */
    Faults latency(Duration latency);

    /**
     * Delays every call by a time drawn uniformly from [min, max] before it is handled.
     *
     * @throws IllegalArgumentException when min is negative or greater than max
     */
    Faults latency(Duration min, Duration max);

    /**
     * Makes the next UpdateFunctionCode or UpdateFunctionConfiguration of the function end with
     * {@code LastUpdateStatus=Failed}: it is accepted and InProgress as usual, then Failed with the
     * reason code and text; the previous code and configuration stay live. Used once.
     *
     * @param functionName the bare function name
     * @param reasonCode   LastUpdateStatusReasonCode, e.g. {@code InvalidConfiguration}
     * @param reason       LastUpdateStatusReason
     * @throws NullPointerException for a null argument
     */
    Faults failNextUpdate(String functionName, String reasonCode, String reason);

    /**
     * As {@link #failNextUpdate(String, String, String)} with the reason text
     * {@code "The function update failed (simulated): REASONCODE"}.
     */
    Faults failNextUpdate(String functionName, String reasonCode);

    /**
     * Makes the next CreateFunction of that name (over HTTP) end {@code State=Failed} instead of Active,
     * with the reason code and text. Used once.
     *
     * @throws NullPointerException for a null argument
     */
    Faults failNextCreate(String functionName, String reasonCode, String reason);

    /**
     * Answers 409 conflicts with the older wording "The function could not be updated due to a concurrent
     * update operation." instead of the two modern ones. Default false.
     */
    Faults legacyConflictMessage(boolean legacy);

    /** Removes every fault: rates 0, no latency, no planned failures, modern wording. */
    Faults clear();
}
