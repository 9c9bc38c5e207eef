package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.LockUnavailableException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The directory of the lock files, and who may use the files in it. A directory we create is private to this user
 * (0700). A directory with the setgid bit is shared by a group on purpose ({@code install -d -m 2770 -g GROUP DIR}):
 * lock files in it are created group-writable (0660), so that every member of the group can take the lock, and the
 * setgid bit gives them the directory's group. Anywhere else lock files are private (0600).
 */
final class LockDirectory {
    private static final int SETGID = 02000;
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_FILE = PosixFilePermissions.fromString("rw-rw----");
    private static final Set<PosixFilePermission> PRIVATE_NOTE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> GROUP_NOTE = PosixFilePermissions.fromString("rw-rw-r--");

    private final Path path;

    LockDirectory(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /**
     * Creates the directory when missing, private to this user; an existing one is left as it is.
     *
     * @throws LockUnavailableException naming the directory when it cannot be created or is not a directory
     */
    void create() {
        if (Files.isDirectory(path)) {
            return;
        }
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (isPosix(parent)) {
                Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
                // The mode given at creation is narrowed by the umask only, never widened: set it exactly.
                Files.setPosixFilePermissions(path, PRIVATE_DIRECTORY);
            } else {
                Files.createDirectory(path);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(path)) {
                throw new LockUnavailableException("Lock directory " + path + " exists but is not a directory", e);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new LockUnavailableException("Lock directory " + path + " cannot be created: " + e, e);
        }
    }

    /** @return whether the directory is shared by a group on purpose: it has the setgid bit */
    boolean sharedWithGroup() {
        try {
            return (((Integer) Files.getAttribute(path, "unix:mode")) & SETGID) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    /** @return the permissions of a new lock file: group-writable in a shared directory, else private */
    Set<PosixFilePermission> lockFilePermissions() {
        return sharedWithGroup() ? GROUP_FILE : PRIVATE_FILE;
    }

    /** @return the permissions of a holder note: readable by every waiter, writable by the group where shared */
    Set<PosixFilePermission> notePermissions() {
        return sharedWithGroup() ? GROUP_NOTE : PRIVATE_NOTE;
    }

    /** @return the attributes to create a file with, or none where the file system has no POSIX permissions */
    FileAttribute<?>[] creationAttributes(Set<PosixFilePermission> permissions) {
        return isPosix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    static boolean isPosix(Path somewhere) {
        return somewhere != null && somewhere.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
