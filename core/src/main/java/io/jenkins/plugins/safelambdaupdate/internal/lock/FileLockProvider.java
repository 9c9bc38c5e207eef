package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.LockWaitListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Locks functions across processes on one host with an OS file lock, one lock file per function ARN
 * in a directory. The OS drops the lock when the holding process dies, even by SIGKILL.
 *
 * <p>Threads of one process first queue on an in-process fair permit: the OS lock belongs to the
 * whole process, and Java refuses a second lock on the same file from the same JVM.
 */
public final class FileLockProvider implements LockProvider {

    /** How often a waiter retries the OS lock; local file I/O only, never AWS. */
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(50);

    private final Path directory;
    private final InProcessLockProvider inProcess = new InProcessLockProvider();

    public FileLockProvider(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory cannot be null");
    }

    @Override
    public FunctionLock acquire(String lockName, Duration timeout, LockWaitListener listener)
            throws InterruptedException, LockTimeoutException {
        Objects.requireNonNull(lockName, "lockName cannot be null");
        Objects.requireNonNull(timeout, "timeout cannot be null");
        Objects.requireNonNull(listener, "listener cannot be null");
        long deadline = System.nanoTime() + timeout.toNanos();
        FunctionLock threadLock = inProcess.acquire(lockName, timeout, listener);
        try {
            FunctionLock fileLock = acquireFileLock(lockName, lockFile(lockName), deadline, listener);
            return new ReleaseOnce(lockName, () -> {
                try {
                    fileLock.close();
                } finally {
                    threadLock.close();
                }
            });
        } catch (InterruptedException | LockTimeoutException | RuntimeException e) {
            threadLock.close();
            throw e;
        }
    }

    /** The lock file of a function: the ARN, percent-encoded, so every ARN maps to its own file. */
    public Path lockFile(String lockName) {
        return directory.resolve(URLEncoder.encode(lockName, StandardCharsets.UTF_8) + ".lock");
    }

    private FunctionLock acquireFileLock(String lockName, Path file, long deadline, LockWaitListener listener)
            throws InterruptedException, LockTimeoutException {
        FileChannel channel = open(file);
        try {
            boolean announced = false;
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    recordHolder(channel);
                    return new ReleaseOnce(lockName, () -> releaseQuietly(lock, channel));
                }
                if (!announced) {
                    listener.waiting(readHolder(file));
                    announced = true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new LockTimeoutException("Timed out waiting for lock " + lockName
                            + " (lock file " + file + ", held by " + readHolder(file) + ")");
                }
                Thread.sleep(Math.min(RETRY_INTERVAL.toMillis(), Math.max(1, left / 1_000_000)));
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + file, e);
        } catch (InterruptedException | LockTimeoutException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private FileChannel open(Path file) {
        try {
            Files.createDirectories(directory);
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open lock file " + file, e);
        }
    }

    /** Writes who holds the lock into the file itself, so waiters in other processes can say. */
    private static void recordHolder(FileChannel channel) throws IOException {
        String holder = "process " + ManagementFactory.getRuntimeMXBean().getName()
                + ", thread " + Thread.currentThread().getName() + ", since " + Instant.now();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    private static String readHolder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : text;
        } catch (IOException e) {
            return null;
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
