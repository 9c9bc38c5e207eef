package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.Terminator;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that run the bounded AWS work of {@code safeLambdaUpdate}: its short preparation (validate, one
 * GetFunction) and its deployment under the lock. A fixed number of threads (system property
 * {@code io.jenkins.plugins.safelambdaupdate.jenkins.DeployExecutor.threads}, default 8), named
 * {@value #THREAD_NAME} [#n]; more work waits in the executor's queue. Lock waits never take one of these threads.
 */
@Extension
public final class DeployExecutor {
    /** The name of this executor's threads (followed by their number). */
    static final String THREAD_NAME = "safeLambdaUpdate deploy";
    private static final int THREADS = Math.max(1, Integer.getInteger(DeployExecutor.class.getName() + ".threads", 8));

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), new NamingThreadFactory(
                    new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), THREAD_NAME));

    public DeployExecutor() {
        executor.allowCoreThreadTimeOut(true); // no idle threads on a controller that does not deploy
    }

    /** @return this controller's executor */
    static ExecutorService get() {
        return ExtensionList.lookupSingleton(DeployExecutor.class).executor;
    }

    /** Interrupts running deployments when Jenkins stops: they end without further change and resume after. */
    @Terminator
    public static void shutDown() {
        DeployExecutor instance = ExtensionList.lookupSingleton(DeployExecutor.class);
        instance.executor.shutdownNow();
    }

    /**
     * @return whether Jenkins is stopping (this executor was shut down): work that ends now, or could not start,
     *     ends nothing; the step resumes after the restart
     */
    static boolean isStopping() {
        try {
            return get().isShutdown();
        } catch (IllegalStateException e) {
            return true; // Jenkins is gone already
        }
    }
}
