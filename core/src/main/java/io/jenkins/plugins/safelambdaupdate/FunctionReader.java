package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.internal.ReadOnlyRuns;
import io.jenkins.plugins.safelambdaupdate.internal.RunSettings;
import io.jenkins.plugins.safelambdaupdate.internal.UpdateDurations;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Reads a function without changing it and without a lock: its state now ({@link #status}), or once no creation or
 * update is in progress ({@link #awaitSettled}, through the SDK's waiters). For {@code status}- and {@code wait}-like
 * commands; a deployment uses {@link SafeLambdaDeployer}. Thread-safe. Build with {@link #builder()}.
 */
public final class FunctionReader {
    /** How long {@link #status} may take by default, retries of throttled reads included: 2 minutes. */
    public static final Duration DEFAULT_STATUS_DEADLINE = Duration.ofMinutes(2);

    private final ReadOnlyRuns runs;

    private FunctionReader(Builder b) {
        this.runs = new ReadOnlyRuns(new RunSettings(b.client, b.clock, duration -> Thread.sleep(duration.toMillis()),
                Duration.ofMillis(100), new UpdateDurations()));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the state of a function's {@code $LATEST}, within a deadline.
     *
     * @param functionReference a name, name:qualifier, full or partial ARN (the qualifier is ignored), not null
     * @param deadline how long the read may take at most, retries of throttled reads included, positive
     * @return the state
     * @throws InvalidRequestException if the reference is malformed or the deadline not positive
     * @throws DeploymentException with {@link FailureKind#FUNCTION_NOT_FOUND}, {@link FailureKind#AWS_ERROR},
     *     {@link FailureKind#DEADLINE_EXCEEDED} or {@link FailureKind#INTERRUPTED}
     */
    public FunctionStatus status(String functionReference, Duration deadline) {
        return runs.status(FunctionReference.parse(functionReference), positive(deadline));
    }

    /**
     * Waits until the function is settled: no creation and no update in progress. Returns at once when it is.
     *
     * @param functionReference a name, name:qualifier, full or partial ARN (the qualifier is ignored), not null
     * @param deadline how long to wait at most, positive
     * @return the settled state (which may be {@code State=Failed} or {@code LastUpdateStatus=Failed})
     * @throws InvalidRequestException if the reference is malformed or the deadline not positive
     * @throws DeploymentException with {@link FailureKind#DEADLINE_EXCEEDED} when not settled in time (with the
     *     state left), {@link FailureKind#FUNCTION_NOT_FOUND}, {@link FailureKind#AWS_ERROR} or
     *     {@link FailureKind#INTERRUPTED} (flag restored)
     */
    public FunctionStatus awaitSettled(String functionReference, Duration deadline) {
        return runs.awaitSettled(FunctionReference.parse(functionReference), positive(deadline));
    }

    private static Duration positive(Duration deadline) {
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new InvalidRequestException(Parameter.DEADLINE, "must be positive, was "
                    + (deadline == null ? null : Durations.format(deadline)));
        }
        return deadline;
    }

    /** Builder of a {@link FunctionReader}. */
    public static final class Builder {
        private LambdaClient client;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** @param value the Lambda client (see {@link LambdaClients}), required; not closed by the reader @return this */
        public Builder client(LambdaClient value) {
            this.client = Objects.requireNonNull(value, "client cannot be null");
            return this;
        }

        /** @param value the clock of deadlines and reported times; default the system's UTC clock @return this */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock cannot be null");
            return this;
        }

        /**
         * @return the reader
         * @throws NullPointerException if no client was set
         */
        public FunctionReader build() {
            Objects.requireNonNull(client, "client cannot be null");
            return new FunctionReader(this);
        }
    }
}
