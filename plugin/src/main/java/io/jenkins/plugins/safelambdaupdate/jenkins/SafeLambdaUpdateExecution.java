package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.Durations;
import io.jenkins.plugins.safelambdaupdate.EventRenderer;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.LockQueue;
import io.jenkins.plugins.safelambdaupdate.LockTicket;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 *       whenever it changes. A restart puts the step back in its place ({@link #onResume}).
 *   <li><b>Deploying</b>, under the held lock, on a {@link DeployExecutor} thread; only this phase blocks a restart.
 *       A deployment cut by a restart runs again under the same hold: the engine keeps what is already in place.
 * </ol>
 * {@code stop} leaves the queue at once (nothing is sent to AWS) or interrupts the deployment, which makes no further
 * change, releases the lock and reports the state the function was left in.
 */
final class SafeLambdaUpdateExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(SafeLambdaUpdateExecution.class.getName());
    static final String PREFIX = StepDeployment.PREFIX;
    /** How often a waiter re-checks: holders outside this plugin ({@code lock} steps) release without telling us. */
    private static final long RECHECK_MILLIS = 1000;
    /** The least time a deployment cut by a restart gets to run again, even when the step's deadline has passed. */
    private static final Duration RESUMED_MINIMUM = Duration.ofMinutes(1);

    private enum Phase { PREPARING, WAITING, DEPLOYING }

    private final SafeLambdaUpdateStep step;
    private final String ticketId = UUID.randomUUID().toString();
    private final long deadlineMillis;
    private volatile Phase phase = Phase.PREPARING;
    // Set by the executor and timer threads before the phase changes, and saved by the CPS thread: volatile.
    /** The canonical function ARN, the lock's name; set when the step queues. */
    private volatile String lockName;
    private volatile long queuedAtMillis;
    /** Whether a {@code lock} block around the step holds the function: then no second resource is taken. */
    private volatile boolean enclosed;
    private volatile long waitedMillis;
    private volatile boolean holderTold;
    private volatile String holderToldAbout;

    /** The executor thread working for this step (preparing or deploying), to interrupt on stop. */
    private transient Thread worker;
    private transient volatile ScheduledFuture<?> recheck;
    private transient volatile boolean stopped;
    /** The code found when preparing (a zip's digest): looked up again after a restart. */
    private transient volatile CodeSource code;
    /** Set when the wait reached the deadline. */
    private transient boolean gaveUp;
    /** The wait as the build shows it; made when first needed, also after a restart. */
    private transient WaitPause waitPause;

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
                deploy(false, executor);
                return;
            }
            FlowNode node = getContext().get(FlowNode.class);
            boolean enclosing = EnclosingLocks.hold(node, arn);
            synchronized (this) {
                if (stopped) {
                    return;
                }
                lockName = arn;
                enclosed = enclosing;
                queuedAtMillis = System.currentTimeMillis();
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
        Timer.get().submit(this::attempt);
    }

    /**
     * One try to take the lock, on a timer thread: a short critical section (our queue and the lockable resource),
     * then, outside it, what the build shows and either the deployment or the next try. Nothing that may wait for the
     * flow graph or the CPS thread runs under this execution's monitor, which {@link #stop} takes on that thread.
     */
    private void attempt() {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            Try outcome = tryAcquire(run);
            if (outcome == null) {
                return; // not waiting any more
            }
            if (outcome.timedOut) {
                waitPause().end();
                log(new DeploymentEvent.Failed(Instant.now(), FailureKind.LOCK_TIMEOUT, outcome.message, null));
                throw new AbortException(PREFIX + outcome.message);
            }
            if (outcome.acquired) {
                waitPause().end();
                getContext().saveState();
                submit(executor -> deploy(false, executor));
                return;
            }
            if (outcome.stopping) {
                logLine("Jenkins is stopping: this step takes no lock now; after the restart it waits on for lock "
                        + lockName + " in its place in the queue");
                return;
            }
            if (outcome.message != null) {
                log(new DeploymentEvent.LockWaiting(Instant.now(), lockName, outcome.message));
            }
            waitPause().show(this::isWaiting);
        } catch (Throwable t) {
            fail(t);
        }
    }

    /**
     * What one try found: taken, timed out (with the message), busy (with the holder to tell, if it changed), or not
     * tried because Jenkins is stopping.
     */
    private record Try(boolean acquired, boolean timedOut, String message, boolean stopping) {
        Try(boolean acquired, boolean timedOut, String message) {
            this(acquired, timedOut, message, false);
        }
    }

    private synchronized boolean isWaiting() {
        return phase == Phase.WAITING && !stopped && !gaveUp;
    }

    /** @return the outcome, or null when the step no longer waits */
    private synchronized Try tryAcquire(Run<?, ?> run) {
        if (phase != Phase.WAITING || stopped || gaveUp) {
            return null;
        }
        cancelRecheck();
        if (DeployExecutor.isStopping()) {
            // No lock taken that no thread could deploy under: after the restart the step waits on in its place.
            return new Try(false, false, null, true);
        }
        long now = System.currentTimeMillis();
        LockQueue queue = LockWaiters.queue();
        LockTicket ticket = ticket();
        if (now >= deadlineMillis) {
            queue.leave(lockName, ticket);
            gaveUp = true; // no further try
            return new Try(false, true, "Lock " + lockName + " not acquired within the deadline of "
                    + Durations.format(Duration.ofMinutes(step.getDeadlineMinutes())) + ": the lockable resource "
                    + lockName + " is still held" + (holderToldAbout == null ? "" : " by " + holderToldAbout));
        }
        LockableResourceHold.Attempt attempt = LockableResourceHold.tryTake(run, lockName, ticket,
                queue.isNext(lockName, ticket, Instant.ofEpochMilli(now)), enclosed, queue);
        if (attempt == LockableResourceHold.Attempt.ACQUIRED || attempt == LockableResourceHold.Attempt.ENCLOSED) {
            waitedMillis = now - queuedAtMillis;
            phase = Phase.DEPLOYING;
            return new Try(true, false, null);
        }
        String tell = null;
        if (!holderTold || !Objects.equals(holderToldAbout, attempt.holder())) {
            tell = attempt.linkedHolder();
            holderTold = true;
            holderToldAbout = attempt.holder();
        }
        recheck = Timer.get().schedule(this::attempt, Math.min(RECHECK_MILLIS, deadlineMillis - now),
                TimeUnit.MILLISECONDS);
        return new Try(false, false, tell);
    }

    // ------------------------------------------------------------------------------------------------ deploying

    /**
     * Runs the deployment under the held lock and ends the step. A deployment interrupted because Jenkins stops
     * keeps its hold and ends nothing: it runs again after the restart.
     */
    private void deploy(boolean resumed, ExecutorService executor) {
        Run<?, ?> run;
        try {
            run = getContext().get(Run.class);
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            fail(e);
            return;
        }
        LockTicket ticket = ticket();
        FunctionLock lock = null;
        try {
            if (resumed) {
                logLine("Jenkins restarted while this step was deploying " + lockName + ": deploying again"
                        + (step.isLock() ? " under the same lock (ticket " + ticketId + ")" : "")
                        + "; what is already in place is kept (the code when its CodeSha256 matches, the"
                        + " configuration when equal, the version published for this code)");
            }
            LockProvider locks = LockProviders.none("lock: false");
            if (step.isLock()) {
                Runnable release = () -> {
                    if (!executor.isShutdown()) { // Jenkins stops: the hold is kept for the resumed deployment
                        LockableResourceHold.release(run, lockName, ticket, LockWaiters.queue());
                    }
                };
                lock = enclosed ? FunctionLock.notTaken(lockName, "this build already holds it (lock step);"
                        + " deploying under that lock", release) : FunctionLock.releasingOnce(lockName, release);
                locks = LockProviders.held(lock, Duration.ofMillis(waitedMillis));
            }
            Map<String, Object> result = deployment().deploy(locks, deadlineLeft(resumed), code);
            if (!stopped) {
                getContext().onSuccess(result);
            }
        } catch (Throwable t) {
            fail(t); // when Jenkins stops, the hold is kept for the resumed deployment
        } finally {
            if (lock != null) {
                lock.close(); // released once: a no-op when the engine released it, needed when it never took it
            }
        }
    }

    private Duration deadlineLeft(boolean resumed) {
        Duration left = Duration.ofMillis(Math.max(1000, deadlineMillis - System.currentTimeMillis()));
        return resumed && left.compareTo(RESUMED_MINIMUM) < 0 ? RESUMED_MINIMUM : left;
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /**
     * Runs {@code task} on a {@link DeployExecutor} thread, which {@link #stop} interrupts. A task that a stop came
     * before never starts; a held lock is then released.
     */
    private void submit(Consumer<ExecutorService> task) {
        ExecutorService executor = DeployExecutor.get();
        executor.submit(() -> {
            synchronized (this) {
                if (stopped) {
                    releaseHold();
                    return;
                }
                worker = Thread.currentThread();
            }
            try {
                task.accept(executor);
            } finally {
                synchronized (this) {
                    worker = null; // no interrupt from a late stop reaches the thread's next task
                }
            }
        });
    }

    /**
     * Gives back the hold of a deployment that ends without the engine having released it (stopped before it started,
     * failed before the engine ran). Ticket-checked, so a no-op once released.
     */
    private void releaseHold() {
        if (phase != Phase.DEPLOYING || !step.isLock()) {
            return;
        }
        try {
            LockableResourceHold.release(getContext().get(Run.class), lockName, ticket(), LockWaiters.queue());
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOGGER.log(Level.WARNING, "No build to release the lock of safeLambdaUpdate " + lockName + " for", e);
            LockWaiters.queue().release(lockName, ticket()); // our next waiter must not wait for it; the build's end
                                                             // frees the lockable resource
        }
    }

    /**
     * While waiting: leaves the queue at once, nothing sent to AWS. While deploying: interrupts the deployment, or,
     * when its thread has not started yet (all busy), gives the lock back now rather than when one is free.
     */
    @Override
    public void stop(Throwable cause) throws Exception {
        boolean waiting;
        boolean notStarted;
        synchronized (this) {
            stopped = true;
            cancelRecheck();
            waiting = phase == Phase.WAITING;
            if (waiting) {
                LockWaiters.queue().leave(lockName, ticket());
            }
            notStarted = phase == Phase.DEPLOYING && worker == null;
            if (worker != null) {
                worker.interrupt();
            }
        }
        if (waiting) {
            waitPause().end();
        }
        if (notStarted) {
            releaseHold(); // ticket-checked: a no-op when the deployment already released it
        }
        super.stop(cause);
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
                    logLine("Jenkins restarted while this step waited for lock " + lockName + ": waiting on in its"
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
        LockQueue queue = LockWaiters.queue();
        if (step.isLock()) {
            Run<?, ?> run = getContext().get(Run.class);
            boolean held = enclosed || LockableResourceHold.isHeld(run, lockName, ticket());
            if (!held || !queue.hold(lockName, ticket())) {
                logLine("Jenkins restarted while this step was deploying " + lockName + ", and its lock was not"
                        + " kept: waiting for it again in its place in the queue");
                synchronized (this) {
                    phase = Phase.WAITING;
                }
                requeue();
                return;
            }
        }
        submit(executor -> deploy(true, executor));
    }

    private synchronized void requeue() {
        LockWaiters.queue().restore(lockName, ticket(), this::wake, Instant.now());
        recheck = Timer.get().schedule(this::attempt, LockWaiters.RESTORE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Only a deployment in progress blocks a restart; a waiter resumes in its place. */
    @Override
    public boolean blocksRestart() {
        return phase == Phase.DEPLOYING;
    }

    @Override
    public String getStatus() {
        return switch (phase) {
            case PREPARING -> "reading " + step.getFunctionName();
            case WAITING -> "waiting for lock " + lockName + (holderToldAbout == null ? "" : " held by "
                    + holderToldAbout) + " (ticket " + ticketId + ")";
            case DEPLOYING -> "deploying " + lockName + " (ticket " + ticketId + ")";
        };
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private LockTicket ticket() {
        return new LockTicket(ticketId, Instant.ofEpochMilli(queuedAtMillis));
    }

    private StepDeployment deployment() throws IOException, InterruptedException {
        return new StepDeployment(step, getContext(), getContext().get(Run.class), logger());
    }

    /**
     * Ends the step with the failure (an engine failure as its message, without a stack trace), unless stopped. Work
     * cut because Jenkins stops ends nothing and keeps its hold: {@link #onResume} prepares, waits or deploys again.
     */
    private void fail(Throwable t) {
        if (!stopped && DeployExecutor.isStopping()) {
            LOGGER.log(Level.FINE, "safeLambdaUpdate " + step.getFunctionName() + " cut by Jenkins stopping; it resumes",
                    t);
            return;
        }
        boolean waiting;
        synchronized (this) {
            cancelRecheck();
            waiting = phase == Phase.WAITING && lockName != null;
            if (waiting) {
                LockWaiters.queue().leave(lockName, ticket());
            }
        }
        if (waiting) {
            waitPause().end();
        }
        releaseHold();
        if (stopped) {
            return;
        }
        getContext().onFailure(t instanceof DeploymentException e ? StepDeployment.abort(e) : t);
    }

    private void cancelRecheck() {
        ScheduledFuture<?> pending = recheck;
        if (pending != null) {
            pending.cancel(false);
            recheck = null;
        }
    }

    private synchronized WaitPause waitPause() {
        if (waitPause == null) {
            waitPause = new WaitPause(getContext(), "Waiting for lock " + lockName);
        }
        return waitPause;
    }

    private void log(DeploymentEvent event) {
        logLine(new EventRenderer().render(event));
    }

    private void logLine(String line) {
        logger().println(PREFIX + line);
    }

    private PrintStream logger() {
        try {
            return getContext().get(TaskListener.class).getLogger();
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOGGER.log(Level.WARNING, "No build log for safeLambdaUpdate " + step.getFunctionName(), e);
            return TaskListener.NULL.getLogger();
        }
    }
}
