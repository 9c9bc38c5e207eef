package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.internal.lock.FileLockProvider;
import io.jenkins.plugins.safelambdaupdate.internal.lock.InProcessLockProvider;
import io.jenkins.plugins.safelambdaupdate.internal.lock.NoLockProvider;
import java.nio.file.Path;
import java.util.Objects;

/** The lock providers that ship with the engine. Each call returns a new, independent provider. */
public final class LockProviders {

    private LockProviders() {
    }

    /**
     * Locks within this JVM: fair (first come, first served) per lock name. Share one instance
     * between all deployers of the process.
     */
    public static LockProvider inProcess() {
        return new InProcessLockProvider();
    }

    /**
     * Locks across processes of one host: one lock file per function ARN in {@code directory}
     * (created when missing), held with an OS file lock that the OS releases if the process dies.
     *
     * @throws NullPointerException if directory is null
     */
    public static LockProvider fileLock(Path directory) {
        return new FileLockProvider(Objects.requireNonNull(directory, "directory cannot be null"));
    }

    /** Takes no lock: for callers that serialize deployments of a function themselves. */
    public static LockProvider none() {
        return new NoLockProvider();
    }
}
