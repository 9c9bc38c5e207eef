package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import java.util.concurrent.atomic.AtomicBoolean;

/** A held lock whose release runs exactly once, however often {@link #close()} is called. */
public final class ReleaseOnce implements FunctionLock {

    private final String name;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();

    public ReleaseOnce(String name, Runnable release) {
        this.name = name;
        this.release = release;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }
}
