package io.jenkins.plugins.safelambdaupdate.cli;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT) or SIGTERM into an interrupt of the working thread: while installed, a JVM shutdown hook
 * interrupts that thread and waits a short grace period for it to finish, so that the engine stops waiting, makes no
 * further change, releases the function lock and reports the state the function was left in before the JVM exits.
 * Closing it (when the work is done and reported) removes the hook, or, during shutdown, lets the hook return.
 */
final class InterruptOnShutdown implements AutoCloseable {
    /** How long the hook waits for the interrupted thread to report and release its lock. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private final Thread worker;
    private final Duration grace;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private InterruptOnShutdown(Thread worker, Duration grace) {
        this.worker = Objects.requireNonNull(worker, "worker cannot be null");
        this.grace = Objects.requireNonNull(grace, "grace cannot be null");
        this.hook = new Thread(this::onShutdown, "safe-lambda-update-interrupt");
    }

    /**
     * Installs the hook for the calling thread.
     *
     * @param grace how long the hook waits for the thread to finish after interrupting it
     * @return the installed guard; close it when the work is done
     */
    static InterruptOnShutdown install(Duration grace) {
        InterruptOnShutdown guard = new InterruptOnShutdown(Thread.currentThread(), grace);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** What the shutdown hook does: interrupt the worker, then wait for it to close this guard (bounded). */
    void onShutdown() {
        if (finished.getCount() == 0) {
            return;
        }
        worker.interrupt();
        try {
            finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks the work finished and removes the hook (a no-op removal while the JVM is already shutting down). */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it returns now that the work is finished.
        }
    }
}
