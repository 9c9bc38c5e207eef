package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who holds a file lock, in a note beside the lock file ({@code NAME.lock.holder}), so that waiters in other
 * processes can say. Written to a new file of our own and renamed over the note (a rename replaces a link, it never
 * writes through one), so a file planted at the note's path cannot be damaged; read without following links, at
 * most {@value #MAX_BYTES} bytes, control characters replaced. Best effort: a note that cannot be written or read
 * only makes waiters say "held by an unknown holder".
 */
final class HolderNote {
    private static final Logger LOG = Logger.getLogger(HolderNote.class.getName());
    static final int MAX_BYTES = 512;

    private final LockDirectory directory;
    private final Path path;
    private final TimeSource time;

    HolderNote(LockDirectory directory, Path lockFile, TimeSource time) {
        this.directory = directory;
        this.time = time;
        this.path = lockFile.resolveSibling(lockFile.getFileName() + ".holder");
    }

    Path path() {
        return path;
    }

    /** Records this process and thread as the holder; called while holding the lock. */
    void write() {
        String holder = "process " + ManagementFactory.getRuntimeMXBean().getName()
                + ", thread " + Thread.currentThread().getName() + ", since " + time.now();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory.path(), ".holder-", ".tmp",
                    directory.creationAttributes(directory.notePermissions()));
            if (LockDirectory.isPosix(temporary)) {
                Files.getFileAttributeView(temporary, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setPermissions(directory.notePermissions());
            }
            Files.writeString(temporary, holder, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.log(Level.FINE, "Cannot write the holder note " + path, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Removes the note; called while still holding the lock, so it never removes the next holder's note. */
    void remove() {
        deleteQuietly(path);
    }

    /** @return who holds the lock, or null when unknown */
    String read() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate(MAX_BYTES);
            try (SeekableByteChannel in = Files.newByteChannel(path, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS)) {
                while (buffer.hasRemaining() && in.read(buffer) > 0) {
                    // fill up to MAX_BYTES: a note is one short line
                }
            }
            String text = sanitized(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
            return text.isEmpty() ? null : text;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** A note is text for a log line: no control characters (a planted note must not drive the terminal). */
    static String sanitized(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return sb.toString().strip();
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException | SecurityException e) {
            LOG.log(Level.FINE, "Cannot delete " + file, e);
        }
    }
}
