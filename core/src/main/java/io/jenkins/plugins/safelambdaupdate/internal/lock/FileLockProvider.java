package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.LockUnavailableException;
import io.jenkins.plugins.safelambdaupdate.LockWaitListener;
import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Locks functions across processes on one host with an OS file lock, one lock file per function ARN
 * in a directory. The OS drops the lock when the holding process dies, even by SIGKILL.
 *
 * <p>Safe in a directory others can write to: the lock file is never written or truncated, a symbolic link at its
 * path is never followed, and the holder's description goes to a separate note (see {@link LockFile},
 * {@link HolderNote}, {@link LockDirectory} for who may share a directory).
 *
 * <p>Threads of one process first queue on an in-process fair permit: the OS lock belongs to the
 * whole process, and Java refuses a second lock on the same file from the same JVM.
 */
public final class FileLockProvider implements LockProvider {

    /** How often a waiter retries the OS lock; local file I/O only, never AWS. */
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(50);

    private final LockDirectory directory;
    private final TimeSource time;
    /** Threads of this process queue first: the OS lock belongs to the whole process. */
    private final LockProvider locks;

    /**
     * On {@link TimeSource#system()}.
     *
     * @param directory the lock directory, created now (private to this user) when missing
     * @throws LockUnavailableException naming the directory when it cannot be created
     */
    public FileLockProvider(Path directory) {
        this(directory, TimeSource.system());
    }

    /**
     * @param directory the lock directory, created now (private to this user) when missing
     * @param time measures the timeout, paces the retries of the OS lock and dates the holder note, not null
     * @throws LockUnavailableException naming the directory when it cannot be created
     */
    public FileLockProvider(Path directory, TimeSource time) {
        this.directory = new LockDirectory(Objects.requireNonNull(directory, "directory cannot be null"));
        this.time = Objects.requireNonNull(time, "time cannot be null");
        this.locks = new InOrderLockProvider(new InProcessLockProvider(),
                (name, timeout, listener) -> acquireFileLock(name, time.nanoTime() + timeout.toNanos(), listener),
                time);
        this.directory.create();
    }

    @Override
    public FunctionLock acquire(String lockName, Duration timeout, LockWaitListener listener)
            throws InterruptedException, LockTimeoutException {
        return locks.acquire(lockName, timeout, listener);
    }

    /** The lock file of a function: the ARN, percent-encoded, so every ARN maps to its own file. */
    public Path lockFile(String lockName) {
        return directory.path().resolve(URLEncoder.encode(lockName, StandardCharsets.UTF_8) + ".lock");
    }

    private FunctionLock acquireFileLock(String lockName, long deadline, LockWaitListener listener)
            throws InterruptedException, LockTimeoutException {
        Path file = lockFile(lockName);
        directory.create();
        FileChannel channel = LockFile.open(directory, file);
        HolderNote note = new HolderNote(directory, file, time);
        try {
            boolean announced = false;
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    note.write();
                    return new ReleaseOnce(lockName, () -> {
                        note.remove(); // while still holding the lock: never the next holder's note
                        releaseQuietly(lock, channel);
                    });
                }
                if (!announced) {
                    listener.waiting(note.read());
                    announced = true;
                }
                long left = deadline - time.nanoTime();
                if (left <= 0) {
                    String holder = note.read();
                    throw new LockTimeoutException("Timed out waiting for lock " + lockName
                            + " (lock file " + file + (holder == null ? "" : ", held by " + holder) + ")");
                }
                time.sleep(Duration.ofNanos(Math.min(RETRY_INTERVAL.toNanos(), left)));
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new LockUnavailableException("Lock file " + file + " cannot be locked: " + e.getMessage(), e);
        } catch (InterruptedException | LockTimeoutException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void releaseQuietly(FileLock lock, FileChannel channel) {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock all the same.
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release: the OS drops the lock with the descriptor.
        }
    }
}
