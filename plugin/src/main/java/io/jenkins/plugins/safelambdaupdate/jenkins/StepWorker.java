package io.jenkins.plugins.safelambdaupdate.jenkins;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The {@link DeployExecutor} thread doing one step's AWS work (preparing, then deploying), so that a stop interrupts
 * it, and work that a stop came before never starts. Not persisted: after a restart no work is running.
 */
final class StepWorker {
    private Thread thread;
    private boolean stopped;

    /**
     * Runs {@code task} on a {@link DeployExecutor} thread, or, when stopped before it starts, {@code ifStopped}.
     *
     * @throws RejectedExecutionException when Jenkins is stopping ({@link DeployExecutor#isStopping})
     */
    void submit(Consumer<ExecutorService> task, Runnable ifStopped) {
        ExecutorService executor = DeployExecutor.get();
        executor.submit(() -> {
            if (!begin()) {
                ifStopped.run();
                return;
            }
            try {
                task.accept(executor);
            } finally {
                end();
            }
        });
    }

    private synchronized boolean begin() {
        if (stopped) {
            return false;
        }
        thread = Thread.currentThread();
        return true;
    }

    private synchronized void end() {
        // A task may submit the next one (preparing submits the deployment), which may begin before this one ends:
        // only this task's own thread is forgotten. No interrupt from a late stop reaches the thread's next task.
        if (thread == Thread.currentThread()) {
            thread = null;
        }
    }

    /**
     * Interrupts the running task; a task not started yet will not start.
     *
     * @return whether a task was running
     */
    synchronized boolean stop() {
        stopped = true;
        if (thread == null) {
            return false;
        }
        thread.interrupt();
        return true;
    }
}
