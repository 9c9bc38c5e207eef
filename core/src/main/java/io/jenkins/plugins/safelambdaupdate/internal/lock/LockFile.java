package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.LockUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Opens the lock file of one function so that a file planted by someone else cannot be damaged: the lock file is
 * only ever locked, never written or truncated (the holder's description goes to a {@link HolderNote}); a symbolic
 * link at its path is never followed; anything but a regular file with a single link is refused, naming the path.
 */
final class LockFile {
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> EXISTING = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);

    private LockFile() {
    }

    /**
     * @return a channel on the lock file, writable (an exclusive OS lock needs it), created when missing
     * @throws LockUnavailableException naming the file when it cannot be used, with the reason and what to do
     */
    static FileChannel open(LockDirectory directory, Path file) {
        for (int attempt = 0; ; attempt++) {
            try {
                return create(directory, file);
            } catch (FileAlreadyExistsException exists) {
                try {
                    return existing(file);
                } catch (NoSuchFileException gone) {
                    if (attempt > 3) {
                        throw unusable(file, "it keeps disappearing while being opened", gone);
                    }
                    // Deleted between the two opens: create it again.
                }
            }
        }
    }

    private static FileChannel create(LockDirectory directory, Path file) throws FileAlreadyExistsException {
        Set<PosixFilePermission> permissions = directory.lockFilePermissions();
        try {
            // O_CREAT|O_EXCL never follows a link: whatever is at the path already makes it fail.
            FileChannel channel = FileChannel.open(file, CREATE, directory.creationAttributes(permissions));
            if (LockDirectory.isPosix(file)) {
                // The creation mode was narrowed by the umask; a shared directory needs group write exactly.
                Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setPermissions(permissions);
            }
            return channel;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw unusable(file, reason(e), e);
        }
    }

    private static FileChannel existing(Path file) throws NoSuchFileException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, EXISTING);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw unusable(file, reason(e), e);
        }
        try {
            requireSingleRegularFile(file);
            return channel;
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** A hard link to another file is refused too: the lock is then not ours to take. */
    private static void requireSingleRegularFile(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw unusable(file, "it is not a regular file", null);
            }
            if (LockDirectory.isPosix(file)
                    && ((Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)) != 1) {
                throw unusable(file, "it has more than one hard link", null);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw unusable(file, reason(e), e);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            // O_NOFOLLOW on a symbolic link fails with ELOOP.
            return fs.getReason().contains("symbolic links") ? "it is a symbolic link, which is never followed"
                    : fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private static LockUnavailableException unusable(Path file, String reason, Exception cause) {
        return new LockUnavailableException("Lock file " + file + " cannot be used: " + reason + describe(file)
                + ". To share a lock directory between users of this host, make it a setgid directory of their "
                + "group (install -d -m 2770 -g GROUP DIR) and remove lock files created elsewhere; or give each "
                + "user a lock directory of their own (--lock-dir).", cause);
    }

    /** @return the file's owner and mode, when readable, so the message says whose file is in the way */
    private static String describe(Path file) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return " (owner " + attributes.owner().getName() + ", group " + attributes.group().getName() + ", mode "
                    + PosixFilePermissions.toString(attributes.permissions()) + ")";
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was locked or written through it.
        }
    }
}
