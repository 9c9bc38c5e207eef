package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import io.jenkins.plugins.safelambdaupdate.Phase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

/**
 * What every step of one run shares: the counting client, the clock, the listener, the phase under way, the canonical
 * function ARN once resolved, the last state observed, and the deadline. Failures are built from it, so each one names
 * the phase and the state the function was left in. Not thread-safe: one run, one thread.
 */
final class DeploymentContext {
    private static final Logger LOG = Logger.getLogger(DeploymentContext.class.getName());

    private final Clock clock;
    private final CountingLambdaClient client;
    private final LastObserved observed;
    private final DeploymentListener listener;
    private final Instant started;
    private final Instant deadline;
    private Phase phase = Phase.VALIDATE;
    private String functionArn;

    /** @param allowed the time the run may take */
    DeploymentContext(Clock clock, CountingLambdaClient client, DeploymentListener listener, Duration allowed) {
        this.clock = clock;
        this.client = client;
        this.observed = new LastObserved(clock);
        this.listener = listener;
        this.started = clock.instant();
        this.deadline = started.plus(allowed);
    }

    Instant started() {
        return started;
    }

    /** @return the time allowed from start to deadline */
    Duration allowed() {
        return Duration.between(started, deadline);
    }

    boolean pastDeadline() {
        return !clock.instant().isBefore(deadline);
    }

    Phase phase() {
        return phase;
    }

    /** @param current the phase now under way: set by the run's ledger only ({@link DeploymentLedger#begin}) */
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
        return clock.instant();
    }

    /** @return the time left before the deadline; throws DEADLINE_EXCEEDED when none is left */
    Duration remaining() {
        Duration left = Duration.between(clock.instant(), deadline);
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
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deployment listener failed on " + event.getClass().getSimpleName(), e);
        }
    }
}
