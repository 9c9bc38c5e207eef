package io.jenkins.plugins.safelambdaupdate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/** Runs the same task on n threads released at the same moment, as n CI pipelines triggered together. */
final class Burst {

    private Burst() {
    }

    /**
     * @param n how many tasks, at least 1
     * @param threadName names the threads, for example {@code "pipeline-"} gives {@code pipeline-1} ...
     * @param task the task, given 1 to n; it must not throw
     * @return the results, in the order 1 to n
     * @throws InterruptedException if interrupted while waiting (the tasks are interrupted too)
     */
    static <T> List<T> run(int n, String threadName, IntFunction<T> task) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(n);
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                results.set(index - 1, task.apply(index));
            }, threadName + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            ready.await();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
        List<T> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(results.get(i));
        }
        return list;
    }
}
