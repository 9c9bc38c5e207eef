package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.Durations;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.LockQueue;
import io.jenkins.plugins.safelambdaupdate.LockTicket;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;

/**
 * One {@code safeLambdaUpdate}, in three persisted phases, never on the CPS VM thread:
 * <ol>
 *   <li><b>Preparing</b>: on a {@link DeployExecutor} thread, every parameter is checked and one GetFunction reads the
 *       canonical ARN that names the function's lock ({@link StepDeployment#resolve}).
 *   <li><b>Waiting</b> for the lock, holding no thread: the step queues in this controller's {@link LockWaiters} with
 *       a {@link LockTicket} and tries the lockable resource from {@link Timer} every second, or at once when one of
 *       ours releases; only the first of the queue tries. The build shows a {@link PauseAction} and logs the holder
 *       whenever it changes ({@link LockWait}). A restart puts the step back in its place ({@link #onResume}).
 *   <li><b>Deploying</b>, under the held lock, on a {@link DeployExecutor} thread; only this phase blocks a restart.
 *       A deployment cut by a restart runs again under the same hold: the engine keeps what is already in place. Its
 *       zip on an agent that has not reconnected yet is waited for from {@link Timer} ({@link AgentWait}), the lock
 *       kept, until the step's deadline.
 * </ol>
 * {@code stop} leaves the queue at once (nothing is sent to AWS) or interrupts the deployment, which makes no further
 * change, releases the lock and reports the state the function was left in. Work cut because Jenkins stops ends
 * nothing: the step prepares, waits or deploys again after the restart.
 */
final class SafeLambdaUpdateExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(SafeLambdaUpdateExecution.class.getName());
    /** The least time a deployment cut by a restart gets to run again, even when the step's deadline has passed. */
    private static final Duration RESUMED_MINIMUM = Duration.ofMinutes(1);
    /** How long an aborted deployment may take to say what it left before the step ends without it. */
    private static final long ABORT_REPORT_SECONDS = 10;

    private enum Phase { PREPARING, WAITING, DEPLOYING }

    private final SafeLambdaUpdateStep step;
    private final String ticketId = UUID.randomUUID().toString();
    private final long deadlineMillis;
    // Set by the executor and timer threads before the phase changes, and saved by the CPS thread: volatile.
    private volatile Phase phase = Phase.PREPARING;
    /** The canonical function ARN, the lock's name; set when the step queues. */
    private volatile String lockName;
    private volatile long queuedAtMillis;
    /** Whether a {@code lock} block around the step holds the function: then no second resource is taken. */
    private volatile boolean enclosed;
    private volatile long waitedMillis;
    /** The wait's re-tries, pause and holder lines; set when the step queues for the lock. */
    private volatile LockWait lockWait;

    private transient StepWorker worker;
    private transient volatile boolean stopped;
    /** The abort of a running deployment, ended by the deployment itself once it said what it left; else null. */
    private transient volatile Throwable stoppedBy;
    /** The code found when preparing (a zip's digest; its bytes stay on their machine); looked up after a restart. */
    private transient volatile CodeSource code;
    /** Set when the wait ended without the lock (deadline, failure): no further try. */
    private transient boolean gaveUp;
    /** Set while a resumed deployment waits for the agent with its zip to reconnect ({@link #lookForAgent}). */
    private transient volatile AgentWait agentWait;

    SafeLambdaUpdateExecution(SafeLambdaUpdateStep step, StepContext context) {
        super(context);
        this.step = step;
        this.deadlineMillis = System.currentTimeMillis()
                + TimeUnit.MINUTES.toMillis(Math.max(0, step.getDeadlineMinutes()));
    }

    @Override
    public boolean start() {
        submit(this::prepare);
        return false;
    }

    // ------------------------------------------------------------------------------------------------ preparing

    private void prepare(ExecutorService executor) {
        try {
            StepDeployment.Prepared prepared = deployment().resolve();
            String arn = prepared.functionArn();
            code = prepared.code();
            if (!step.isLock()) {
                synchronized (this) {
                    if (stopped) {
                        return;
                    }
                    lockName = arn;
                    phase = Phase.DEPLOYING;
                }
                getContext().saveState();
                deploy(false, executor, null);
                return;
            }
            boolean enclosing = EnclosingLocks.hold(getContext().get(FlowNode.class), arn);
            synchronized (this) {
                if (stopped) {
                    return;
                }
                lockName = arn;
                enclosed = enclosing;
                queuedAtMillis = System.currentTimeMillis();
                lockWait = new LockWait(arn);
                phase = Phase.WAITING;
                LockWaiters.queue().join(lockName, ticket(), this::wake);
            }
            getContext().saveState();
            attempt();
        } catch (Throwable t) {
            fail(t);
        }
    }

    // ------------------------------------------------------------------------------------------------ waiting

    /** Called by the queue when this waiter may have become first; must not block. */
    private void wake() {
        LockWait.soon(this::attempt);
    }

    /**
     * One try to take the lock, on a timer thread: a short critical section (our queue and the lockable resource),
     * then, outside it, what the build shows and either the deployment or the next try. Nothing that may wait for the
     * flow graph or the CPS thread runs under this execution's monitor, which {@link #stop} takes on that thread.
     */
    private void attempt() {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            if (!isStepRunning(run)) {
                // Ended without stop(): "Terminate" completes the step's context directly, and the script may go on.
                throw new AbortException(StepDeployment.PREFIX + "The step ended while waiting for lock " + lockName
                        + ": it left the queue and changed nothing");
            }
            Try outcome = tryAcquire(run);
            switch (outcome.kind) {
                case NOT_WAITING -> { }
                case STOPPING -> log().line("Jenkins is stopping: this step takes no lock now; after the restart it"
                        + " waits on for lock " + lockName + " in its place in the queue");
                case TIMED_OUT -> {
                    lockWait.pause(getContext()).end();
                    log().event(new DeploymentEvent.Failed(Instant.now(), FailureKind.LOCK_TIMEOUT, outcome.message,
                            null));
                    throw new AbortException(StepDeployment.PREFIX + outcome.message);
                }
                case ACQUIRED -> {
                    lockWait.pause(getContext()).end();
                    getContext().saveState();
                    submit(executor -> deploy(false, executor, null));
                }
                case BUSY -> {
                    if (outcome.message != null) {
                        log().event(new DeploymentEvent.LockWaiting(Instant.now(), lockName, outcome.message));
                    }
                    lockWait.pause(getContext()).show(this::isWaiting);
                }
                default -> throw new IllegalStateException("outcome " + outcome.kind);
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    private enum TryKind { NOT_WAITING, STOPPING, TIMED_OUT, ACQUIRED, BUSY }

    /** What one try found, with the timeout message or the holder to name (when it changed). */
    private record Try(TryKind kind, String message) {
    }

    /** @return whether the build runs and the script is still in this step (its node is still active) */
    private boolean isStepRunning(Run<?, ?> run) throws IOException, InterruptedException {
        FlowNode node = getContext().get(FlowNode.class);
        return run.isBuilding() && (node == null || node.isActive());
    }

    /** @return {@link #isStepRunning}, or true when that cannot be told now (the deployment goes on then) */
    private boolean isStepRunningOrUnknown(Run<?, ?> run) {
        try {
            return isStepRunning(run);
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // an abort: the engine stops at its next call or wait
            return true;
        }
    }

    private synchronized boolean isWaiting() {
        return phase == Phase.WAITING && !stopped && !gaveUp;
    }

    private synchronized Try tryAcquire(Run<?, ?> run) {
        if (!isWaiting()) {
            return new Try(TryKind.NOT_WAITING, null);
        }
        lockWait.cancel();
        if (DeployExecutor.isStopping()) {
            // No lock taken that no thread could deploy under: after the restart the step waits on in its place.
            return new Try(TryKind.STOPPING, null);
        }
        long now = System.currentTimeMillis();
        LockQueue queue = LockWaiters.queue();
        LockTicket ticket = ticket();
        if (now >= deadlineMillis) {
            queue.leave(lockName, ticket);
            gaveUp = true; // no further try
            String holder = lockWait.holder();
            return new Try(TryKind.TIMED_OUT, "Lock " + lockName + " not acquired within the deadline of "
                    + Durations.format(Duration.ofMinutes(step.getDeadlineMinutes())) + ": the lockable resource "
                    + lockName + " is still held" + (holder == null ? "" : " by " + holder));
        }
        LockableResourceHold.Attempt attempt = LockableResourceHold.tryTake(run, lockName, ticket,
                queue.isNext(lockName, ticket, Instant.ofEpochMilli(now)), enclosed, queue);
        if (attempt == LockableResourceHold.Attempt.ACQUIRED || attempt == LockableResourceHold.Attempt.ENCLOSED) {
            waitedMillis = now - queuedAtMillis;
            phase = Phase.DEPLOYING;
            return new Try(TryKind.ACQUIRED, null);
        }
        lockWait.rearm(this::attempt, deadlineMillis - now);
        return new Try(TryKind.BUSY, lockWait.holderChange(attempt));
    }

    // ------------------------------------------------------------------------------------------------ deploying

    /**
     * Runs the deployment under the held lock and ends the step. A deployment interrupted because Jenkins stops
     * keeps its hold and ends nothing: it runs again after the restart.
     *
     * @param workspace where a resumed deployment reads its zip again (null: none, or the code is known)
     */
    private void deploy(boolean resumed, ExecutorService executor, FilePath workspace) {
        FunctionLock lock = null;
        try {
            Run<?, ?> run = getContext().get(Run.class);
            if (!isStepRunning(run)) {
                // "Terminate" (no stop()) may come after the last check of the wait: nothing is deployed then.
                throw new AbortException(StepDeployment.PREFIX + "The step ended before deploying " + lockName
                        + ": it changed nothing" + (step.isLock() ? " and released the lock" : ""));
            }
            if (resumed && code == null && workspace != null) {
                code = WorkspaceZip.codeSource(workspace, step.getZipFile());
            }
            if (resumed) {
                log().line("Jenkins restarted while this step was deploying " + lockName + ": deploying again"
                        + (step.isLock() ? " under the same lock (ticket " + ticketId + ")" : "")
                        + "; what is already in place is kept (the code when its CodeSha256 matches, the"
                        + " configuration when equal, the version published for this code)");
            }
            LockProvider locks = LockProviders.none("lock: false");
            if (step.isLock()) {
                lock = hold().forDeployment(run, executor);
                locks = LockProviders.held(lock, Duration.ofMillis(waitedMillis));
            }
            Map<String, Object> result = deployment().deploy(locks, deadlineLeft(resumed), code,
                    () -> isStepRunningOrUnknown(run));
            if (!stopped) {
                getContext().onSuccess(result);
            }
        } catch (Throwable t) {
            fail(t);
        } finally {
            if (lock != null) {
                lock.close(); // released once: a no-op when the engine released it, needed when it never took it
            }
            endAbort(); // the abort ends the step now that the log says what the deployment left and the lock is free
        }
    }

    private Duration deadlineLeft(boolean resumed) {
        Duration left = Duration.ofMillis(Math.max(1000, deadlineMillis - System.currentTimeMillis()));
        return resumed && left.compareTo(RESUMED_MINIMUM) < 0 ? RESUMED_MINIMUM : left;
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /** Runs {@code task} on this step's {@link StepWorker}; a held lock is released when a stop came first. */
    private void submit(Consumer<ExecutorService> task) {
        worker().submit(task, this::releaseHold);
    }

    /**
     * Gives back the hold of a deployment that ends without the engine having released it (stopped before it started,
     * failed before the engine ran). Ticket-checked, so a no-op once released.
     */
    private void releaseHold() {
        if (phase != Phase.DEPLOYING || !step.isLock()) {
            return;
        }
        hold().release(getContext());
    }

    /**
     * While waiting: leaves the queue at once, nothing sent to AWS. While deploying: interrupts the deployment, or,
     * when its thread has not started yet (all busy), gives the lock back now rather than when one is free.
     */
    @Override
    public void stop(Throwable cause) throws Exception {
        boolean waiting;
        boolean notStarted;
        boolean deploying;
        synchronized (this) {
            stopped = true;
            waiting = phase == Phase.WAITING && lockWait != null;
            if (waiting) {
                lockWait.cancel();
                LockWaiters.queue().leave(lockName, ticket());
            }
            boolean running = worker().stop();
            notStarted = !running && phase == Phase.DEPLOYING;
            deploying = running && phase == Phase.DEPLOYING;
            if (deploying) {
                stoppedBy = cause;
            }
            AgentWait wait = agentWait;
            if (wait != null) {
                wait.cancel();
            }
        }
        if (waiting) {
            lockWait.pause(getContext()).end();
        }
        if (notStarted) {
            releaseHold(); // ticket-checked: a no-op when the deployment already released it
        }
        if (deploying) {
            // Interrupted, the deployment stops at once and reports the state it left and the lock's release; the
            // step ends after that (else the build could end, and its log close, first), or after a bound at worst.
            Timer.get().schedule(this::endAbort, ABORT_REPORT_SECONDS, TimeUnit.SECONDS);
            return;
        }
        super.stop(cause);
    }

    /** Ends the step with the abort of a running deployment, once (the deployment's end or the bound, first). */
    private void endAbort() {
        Throwable cause;
        synchronized (this) {
            cause = stoppedBy;
            stoppedBy = null;
        }
        if (cause != null) {
            getContext().onFailure(cause);
        }
    }

    /**
     * After a controller restart: a waiter goes back to its place in the queue and waits on; a deployment runs again
     * under the same hold (or, if the lock was freed meanwhile, waits for it again in its place); a step that was
     * preparing prepares again (it had changed nothing).
     */
    @Override
    public void onResume() {
        try {
            switch (phase) {
                case PREPARING -> submit(this::prepare);
                case WAITING -> {
                    log().line("Jenkins restarted while this step waited for lock " + lockName + ": waiting on in its"
                            + " place in the queue");
                    requeue();
                }
                case DEPLOYING -> resumeDeployment();
                default -> throw new IllegalStateException("phase " + phase);
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void resumeDeployment() throws IOException, InterruptedException {
        if (step.isLock()) {
            Run<?, ?> run = getContext().get(Run.class);
            if (!hold().resume(run)) {
                log().line("Jenkins restarted while this step was deploying " + lockName + ", and its lock was not"
                        + " kept: waiting for it again in its place in the queue");
                synchronized (this) {
                    phase = Phase.WAITING;
                }
                requeue();
                return;
            }
        }
        if (step.getZipFile() == null) {
            submit(executor -> deploy(true, executor, null));
            return;
        }
        // The zip may lie on an agent that reconnects only after the controller: wait for it, at least as long as a
        // resumed deployment may take, and keep the lock meanwhile.
        agentWait = new AgentWait(getContext(),
                Math.max(deadlineMillis, System.currentTimeMillis() + RESUMED_MINIMUM.toMillis()));
        lookForAgent();
    }

    /**
     * One look, on a timer thread, for the workspace of a resumed deployment's zip: deploys when its agent is
     * connected, else says once what it waits for and looks again; fails naming zipFile and the agent at the deadline.
     */
    private void lookForAgent() {
        try {
            AgentWait wait = agentWait;
            if (stopped || wait == null || DeployExecutor.isStopping()) {
                return; // stopped (the hold was given back) or Jenkins stops (the hold is kept for the next resume)
            }
            if (!isStepRunning(getContext().get(Run.class))) {
                throw new AbortException(StepDeployment.PREFIX + "The step ended while waiting for the agent of"
                        + " zipFile " + step.getZipFile() + ": no further change was made to " + lockName
                        + (step.isLock() ? " and its lock was released" : ""));
            }
            FilePath workspace = wait.workspace();
            if (workspace != null) {
                agentWait = null;
                submit(executor -> deploy(true, executor, workspace));
                return;
            }
            if (wait.expired()) {
                throw new AbortException(StepDeployment.PREFIX + "zipFile " + step.getZipFile() + " could not be read:"
                        + " " + wait.agent() + " did not reconnect within the step's deadline; no further change was"
                        + " made to " + lockName + (step.isLock() ? " and its lock was released" : ""));
            }
            if (wait.firstTell()) {
                log().line("Jenkins restarted while this step was deploying " + lockName + ": waiting for "
                        + wait.agent() + " to reconnect, to read zipFile " + step.getZipFile() + " from its workspace"
                        + (step.isLock() ? "; the lock is kept meanwhile (ticket " + ticketId + ")" : ""));
            }
            synchronized (this) {
                if (!stopped) {
                    wait.rearm(this::lookForAgent);
                }
            }
        } catch (Throwable t) {
            agentWait = null;
            fail(t);
        }
    }

    private synchronized void requeue() {
        if (lockWait == null) {
            lockWait = new LockWait(lockName);
        }
        LockWaiters.queue().restore(lockName, ticket(), this::wake, Instant.now());
        lockWait.after(this::attempt, LockWaiters.RESTORE_GRACE.toMillis());
    }

    /** Only a deployment in progress blocks a restart; a waiter (for the lock or an agent) resumes in its place. */
    @Override
    public boolean blocksRestart() {
        return phase == Phase.DEPLOYING && agentWait == null;
    }

    @Override
    public String getStatus() {
        return switch (phase) {
            case PREPARING -> "reading " + step.getFunctionName();
            case WAITING -> "waiting for lock " + lockName + (lockWait == null || lockWait.holder() == null ? ""
                    : " held by " + lockWait.holder()) + " (ticket " + ticketId + ")";
            case DEPLOYING -> (agentWait == null ? "deploying " : "waiting for the agent of zipFile "
                    + step.getZipFile() + " to deploy ") + lockName + " (ticket " + ticketId + ")";
        };
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private LockTicket ticket() {
        return new LockTicket(ticketId, Instant.ofEpochMilli(queuedAtMillis));
    }

    private StepHold hold() {
        return new StepHold(lockName, ticket(), enclosed);
    }

    private StepDeployment deployment() throws IOException, InterruptedException {
        return new StepDeployment(step, getContext(), getContext().get(Run.class), log().stream());
    }

    private StepLog log() {
        return new StepLog(getContext());
    }

    private synchronized StepWorker worker() {
        if (worker == null) {
            worker = new StepWorker();
        }
        return worker;
    }

    /**
     * Ends the step with the failure (an engine failure as its message, without a stack trace), unless stopped; a no-op
     * for the step's context when it already ended (terminated). Work
     * cut because Jenkins stops ends nothing and keeps its hold: {@link #onResume} prepares, waits or deploys again.
     */
    private void fail(Throwable t) {
        if (!stopped && DeployExecutor.isStopping()) {
            LOGGER.log(Level.FINE, "safeLambdaUpdate " + step.getFunctionName() + " cut by Jenkins stopping;"
                    + " it resumes", t);
            return;
        }
        boolean waiting;
        synchronized (this) {
            waiting = phase == Phase.WAITING && lockWait != null;
            if (waiting) {
                gaveUp = true;
                lockWait.cancel();
                LockWaiters.queue().leave(lockName, ticket());
            }
        }
        if (waiting) {
            lockWait.pause(getContext()).end();
        }
        releaseHold();
        if (stopped) {
            return;
        }
        getContext().onFailure(t instanceof DeploymentException e ? StepDeployment.abort(e) : t);
    }
}
