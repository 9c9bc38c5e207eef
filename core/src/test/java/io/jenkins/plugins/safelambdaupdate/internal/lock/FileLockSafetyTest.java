package io.jenkins.plugins.safelambdaupdate.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockUnavailableException;
import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file lock in a directory a hostile neighbour can write to: nothing planted at a lock file's or holder note's
 * path is followed, truncated or written, and what cannot be used is refused naming the path.
 */
class FileLockSafetyTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:my-fn";

    @TempDir
    Path temp;

    @Test
    void aSymbolicLinkAtTheLockPathIsRefusedAndItsTargetIsUntouched() throws Exception {
        Path directory = Files.createDirectory(temp.resolve("locks"));
        Path secret = secretFile();
        FileLockProvider provider = new FileLockProvider(directory);
        Files.createSymbolicLink(provider.lockFile(ARN), secret);

        assertThatThrownBy(() -> provider.acquire(ARN, Duration.ofSeconds(1), h -> { }))
                .isInstanceOf(LockUnavailableException.class)
                .hasMessageContaining(provider.lockFile(ARN).toString())
                .hasMessageContaining("symbolic link");
        assertThat(Files.readString(secret)).isEqualTo("root only");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
    }

    @Test
    void aSymbolicLinkAtTheHolderNoteIsReplacedNotWrittenThrough() throws Exception {
        Path directory = Files.createDirectory(temp.resolve("locks"));
        Path secret = secretFile();
        FileLockProvider provider = new FileLockProvider(directory);
        Path note = new HolderNote(new LockDirectory(directory), provider.lockFile(ARN), TimeSource.system()).path();
        Files.createSymbolicLink(note, secret);

        try (FunctionLock lock = provider.acquire(ARN, Duration.ofSeconds(1), h -> { })) {
            assertThat(Files.isSymbolicLink(note)).isFalse();
            assertThat(Files.readString(note)).startsWith("process ");
        }
        assertThat(Files.readString(secret)).isEqualTo("root only");
        assertThat(note).doesNotExist();
    }

    @Test
    void aFilePlantedAtTheLockPathIsLockedButNeverTruncatedOrWritten() throws Exception {
        Path directory = Files.createDirectory(temp.resolve("locks"));
        FileLockProvider provider = new FileLockProvider(directory);
        Files.writeString(provider.lockFile(ARN), "someone else's data");

        try (FunctionLock lock = provider.acquire(ARN, Duration.ofSeconds(1), h -> { })) {
            assertThat(Files.readString(provider.lockFile(ARN))).isEqualTo("someone else's data");
        }
        assertThat(Files.readString(provider.lockFile(ARN))).isEqualTo("someone else's data");
    }

    @Test
    void aHardLinkOrADirectoryAtTheLockPathIsRefused() throws Exception {
        Path directory = Files.createDirectory(temp.resolve("locks"));
        FileLockProvider provider = new FileLockProvider(directory);
        Path secret = secretFile();
        Files.createLink(provider.lockFile(ARN), secret);
        assertThatThrownBy(() -> provider.acquire(ARN, Duration.ofSeconds(1), h -> { }))
                .isInstanceOf(LockUnavailableException.class).hasMessageContaining("hard link");

        String other = ARN + "-2";
        Files.createDirectory(provider.lockFile(other));
        assertThatThrownBy(() -> provider.acquire(other, Duration.ofSeconds(1), h -> { }))
                .isInstanceOf(LockUnavailableException.class).hasMessageContaining(provider.lockFile(other).toString());
        assertThat(Files.readString(secret)).isEqualTo("root only");
    }

    @Test
    void aLockDirectoryWeCreateIsPrivateAndItsLockFilesToo() throws Exception {
        Path directory = temp.resolve("cache").resolve("locks");
        FileLockProvider provider = new FileLockProvider(directory);
        assertThat(mode(directory)).isEqualTo("rwx------");
        try (FunctionLock lock = provider.acquire(ARN, Duration.ofSeconds(1), h -> { })) {
            assertThat(mode(provider.lockFile(ARN))).isEqualTo("rw-------");
        }
    }

    @Test
    void aSetgidDirectoryIsSharedWithItsGroup() throws Exception {
        Path directory = Files.createDirectory(temp.resolve("shared"));
        Files.setAttribute(directory, "unix:mode", 02770);
        FileLockProvider provider = new FileLockProvider(directory);
        List<String> told = new ArrayList<>();
        try (FunctionLock lock = provider.acquire(ARN, Duration.ofSeconds(1), told::add)) {
            assertThat(mode(provider.lockFile(ARN))).isEqualTo("rw-rw----");
            assertThat(Files.getAttribute(provider.lockFile(ARN), "unix:gid"))
                    .isEqualTo(Files.getAttribute(directory, "unix:gid"));
        }
        assertThat(told).isEmpty();
    }

    @Test
    void aPlantedHolderNoteCannotDriveTheTerminal() {
        assertThat(HolderNote.sanitized("build 12\u001b[2J\u0007 of job\n")).isEqualTo("build 12 [2J  of job");
    }

    private Path secretFile() throws Exception {
        Path secret = temp.resolve("secret");
        Files.writeString(secret, "root only");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        return secret;
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
