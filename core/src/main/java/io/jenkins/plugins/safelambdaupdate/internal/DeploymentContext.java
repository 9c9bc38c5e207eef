package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

/**
 * What every step of one run shares: the counting client, the time source, the listener, the phase under way, the
 * canonical function ARN once resolved, the last state observed, and the deadline (on the time source's monotonic
 * clock). Failures are built from it, so each one names the phase and the state the function was left in. Not
 * thread-safe: one run, one thread.
 */
final class DeploymentContext {
    private static final Logger LOG = Logger.getLogger(DeploymentContext.class.getName());

    private final TimeSource time;
    private final CountingLambdaClient client;
    private final LastObserved observed;
    private final DeploymentListener listener;
    private final Instant started;
    private final long startedNanos;
    /** The time the run may take, measured on the monotonic clock from its start. */
    private final Duration allowed;
    private Phase phase = Phase.VALIDATE;
    private String functionArn;

    /** @param allowed the time the run may take */
    DeploymentContext(TimeSource time, CountingLambdaClient client, DeploymentListener listener, Duration allowed) {
        this.time = time;
        this.client = client;
        this.observed = new LastObserved(time);
        this.listener = listener;
        this.started = time.now();
        this.startedNanos = time.nanoTime();
        this.allowed = allowed;
    }

    Instant started() {
        return started;
    }

    /** @return the time allowed from start to deadline */
    Duration allowed() {
        return allowed;
    }

    boolean pastDeadline() {
        return since(startedNanos).compareTo(allowed) >= 0;
    }

    Phase phase() {
        return phase;
    }

    /**
     * @param current the phase now under way, which failures name: set by the run's ledger only
     *     ({@link DeploymentLedger#begin}). Retries never read it: they spend from the {@link RetryBudget} passed to
     *     them.
     */
    void phase(Phase current) {
        phase = current;
    }

    String functionArn() {
        return functionArn;
    }

    void functionArn(String canonicalArn) {
        functionArn = canonicalArn;
    }

    CountingLambdaClient client() {
        return client;
    }

    /** @return the last state of {@code $LATEST} this run observed: its reads, waits and updates feed it */
    LastObserved observed() {
        return observed;
    }

    /** @return the last state of {@code $LATEST} this run observed, or null: what a failure reports as left */
    FunctionStatus lastSeen() {
        return observed.status();
    }

    DeploymentException failure(FailureKind kind, String message, Throwable cause) {
        return new DeploymentException(kind, message, functionArn, lastSeen(), cause);
    }

    Instant now() {
        return time.now();
    }

    /** @return the run's monotonic time in nanoseconds, the scale of every measured duration */
    long nanoTime() {
        return time.nanoTime();
    }

    /** @return the time passed since the given {@link #nanoTime()} */
    Duration since(long nanoTime) {
        return Duration.ofNanos(time.nanoTime() - nanoTime);
    }

    /** Sleeps on the run's time source; an interrupt stops the run. */
    void sleep(Duration duration) {
        try {
            time.sleep(duration);
        } catch (InterruptedException e) {
            throw DeploymentFailures.interrupted(this, e);
        }
    }

    /** @return the time left before the deadline; throws DEADLINE_EXCEEDED when none is left */
    Duration remaining() {
        Duration left = allowed.minus(since(startedNanos));
        if (left.isNegative() || left.isZero()) {
            throw DeploymentFailures.deadlineExceeded(this, null);
        }
        return left;
    }

    /** Bounds one AWS call, SDK retries included, by the deadline. */
    AwsRequestOverrideConfiguration timeouts() {
        return AwsRequestOverrideConfiguration.builder().apiCallTimeout(remaining()).build();
    }

    /** Called before each AWS call: an interrupt or the deadline stops the run before it changes anything more. */
    void checkStillGoing() {
        checkNotInterrupted();
        remaining();
    }

    void checkNotInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw DeploymentFailures.interrupted(this, null);
        }
    }

    /** A listener's failure must not break the deployment, so it is logged and the run goes on. */
    void emit(DeploymentEvent event) {
        if (event instanceof DeploymentEvent.Submitted submitted) {
            observed.sent(submitted.phase());
        }
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deployment listener failed on " + event.getClass().getSimpleName(), e);
        }
    }
}
