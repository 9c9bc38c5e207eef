package io.jenkins.plugins.safelambdaupdate.jenkins;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The thread a stop interrupts: always the step's current work, on {@link DeployExecutor}'s real threads. */
@WithJenkins
class StepWorkerTest {

    /**
     * Preparing submits the deployment from its own thread; when the deployment begins before preparing has ended, a
     * stop must still interrupt the deployment (and not report that nothing runs, which gives the lock back).
     */
    @Test
    @Timeout(60)
    void aStopInterruptsTheTaskThatBeganWhileTheTaskBeforeItWasEnding(JenkinsRule j) throws Exception {
        StepWorker worker = new StepWorker();
        CountDownLatch deploymentBegan = new CountDownLatch(1);
        CompletableFuture<Boolean> deploymentInterrupted = new CompletableFuture<>();
        ThreadPoolExecutor executor = (ThreadPoolExecutor) DeployExecutor.get();
        long completedBefore = executor.getCompletedTaskCount();

        worker.submit(preparing -> {
            worker.submit(deploying -> {
                deploymentBegan.countDown();
                try {
                    new CountDownLatch(1).await(); // a deployment waiting for an update
                    deploymentInterrupted.complete(false);
                } catch (InterruptedException e) {
                    deploymentInterrupted.complete(true);
                }
            }, () -> deploymentInterrupted.complete(false));
            try {
                deploymentBegan.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, () -> { });
        while (executor.getCompletedTaskCount() == completedBefore) { // preparing has ended
            Thread.sleep(10);
        }

        assertTrue(worker.stop(), "a task runs");
        assertTrue(deploymentInterrupted.get(), "the deployment was interrupted");
        while (executor.getCompletedTaskCount() < completedBefore + 2) { // the deployment's task, cleanup included
            Thread.sleep(10);
        }
        assertFalse(worker.stop(), "nothing runs after the interrupted deployment ended");
    }
}
