package io.jenkins.plugins.safelambdaupdate.bench.soak;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.bench.CallTrace;
import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to one deployment: its events, its HTTP attempts, its outcome, and the interrupt it received. Written
 * by its deploying thread (and, for the interrupt, by whoever interrupts it, under this object's lock); read once all
 * deployers have ended.
 */
final class DeploymentRecord {
    /** How a call of {@code deploy} ended. */
    enum Outcome {
        /** Not ended (yet): a deployer still running at the end is hung. */
        RUNNING,
        /** Returned a result. */
        SUCCEEDED,
        /** Threw a DeploymentException. */
        FAILED,
        /** Threw anything else. */
        ESCAPED
    }

    private final DeploymentPlan plan;
    private final List<DeploymentEvent> events = new ArrayList<>();
    private final CallTrace calls = new CallTrace();
    private Thread thread;
    private long startNanos;
    private long endNanos;
    private boolean running;
    private Long interruptNanos;
    private Outcome outcome = Outcome.RUNNING;
    private DeploymentResult result;
    private FailureKind failure;
    private String failureMessage;
    private Throwable escaped;
    private boolean interruptFlagAfter;
    private VersionSnapshot latestAtVerification;
    private boolean latestChangedBeforeCheck;
    private boolean hung;

    DeploymentRecord(DeploymentPlan plan) {
        this.plan = plan;
    }

    DeploymentPlan plan() {
        return plan;
    }

    /** Marks the start, on the deploying thread. */
    synchronized void started() {
        thread = Thread.currentThread();
        startNanos = System.nanoTime();
        running = true;
    }

    /**
     * Interrupts the deploying thread if the deployment is still running and was not interrupted yet.
     *
     * @return whether it did
     */
    synchronized boolean interruptIfRunning() {
        if (!running || interruptNanos != null) {
            return false;
        }
        thread.interrupt();
        // Taken after interrupt() returned: any attempt transmitted later started with the flag already set.
        interruptNanos = System.nanoTime();
        return true;
    }

    /** Marks the end, on the deploying thread, right after {@code deploy} returned or threw. */
    synchronized void ended(Outcome how, DeploymentResult value, FailureKind kind, String message, Throwable other) {
        endNanos = System.nanoTime();
        running = false;
        outcome = how;
        result = value;
        failure = kind;
        failureMessage = message;
        escaped = other;
        interruptFlagAfter = Thread.currentThread().isInterrupted();
    }

    /** Notes that it was still running when every deployer should have ended. */
    synchronized void markHung() {
        hung = true;
    }

    synchronized boolean hung() {
        return hung;
    }

    void event(DeploymentEvent event) {
        events.add(event);
    }

    /** @param latest $LATEST as stored when the Verified event was seen, when its RevisionId was the one verified */
    void latestAtVerification(VersionSnapshot latest) {
        this.latestAtVerification = latest;
    }

    /** Notes that $LATEST had already changed again when it was looked at after the Verified event. */
    void latestChangedBeforeCheck() {
        this.latestChangedBeforeCheck = true;
    }

    List<DeploymentEvent> events() {
        return events;
    }

    /** @return the trace its thread's calls are recorded into */
    CallTrace calls() {
        return calls;
    }

    synchronized Outcome outcome() {
        return outcome;
    }

    synchronized DeploymentResult result() {
        return result;
    }

    synchronized FailureKind failure() {
        return failure;
    }

    synchronized String failureMessage() {
        return failureMessage;
    }

    synchronized Throwable escaped() {
        return escaped;
    }

    synchronized long elapsedNanos() {
        return endNanos - startNanos;
    }

    /** @return when it was interrupted ({@link System#nanoTime()}), or null */
    synchronized Long interruptNanos() {
        return interruptNanos;
    }

    /** @return whether an interrupt hit it before {@code deploy} returned */
    synchronized boolean interruptedWhileRunning() {
        return interruptNanos != null && (outcome == Outcome.RUNNING || interruptNanos < endNanos);
    }

    synchronized boolean interruptFlagAfter() {
        return interruptFlagAfter;
    }

    VersionSnapshot latestAtVerification() {
        return latestAtVerification;
    }

    boolean wasLatestChangedBeforeCheck() {
        return latestChangedBeforeCheck;
    }

    /** @return the mutation attempts that may have been sent after the interrupt, empty when none or not interrupted */
    synchronized List<CallTrace.Attempt> mutationsAfterInterrupt() {
        List<CallTrace.Attempt> late = new ArrayList<>();
        if (interruptNanos != null) {
            for (CallTrace.Attempt a : calls.calls().stream().flatMap(c -> c.attempts().stream()).toList()) {
                if (a.isMutation() && a.mayHaveBeenSent() && a.beforeTransmission() - interruptNanos > 0) {
                    late.add(a);
                }
            }
        }
        return late;
    }
}
