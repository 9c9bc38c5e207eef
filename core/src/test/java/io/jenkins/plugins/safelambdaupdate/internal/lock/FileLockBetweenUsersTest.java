package io.jenkins.plugins.safelambdaupdate.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two users of one host and one lock directory, for real: this test runs as root (as CI does) and starts the second
 * deployer as user {@code nobody} with {@code setpriv}. A setgid group directory is shared; anywhere else the second
 * user is told why the lock file cannot be used and what to do.
 */
class FileLockBetweenUsersTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:my-fn";
    private static final int NOBODY = 65534;

    @TempDir
    Path temp;
    private Path classPath;

    @BeforeEach
    void copyClassesWhereNobodyCanReadThem() throws Exception {
        boolean able = "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/bin/setpriv"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(able).as("CI runs as root, with setpriv (util-linux)").isTrue();
        }
        assumeTrue(able, "needs root and setpriv");
        Files.setAttribute(temp, "unix:mode", 0755);
        classPath = temp.resolve("classes");
        copyTree(Path.of(FileLockProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI()), classPath);
        copyTree(Path.of(FileLockBetweenUsersTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                classPath);
    }

    @Test
    void aSetgidGroupDirectoryLetsAnotherUserOfTheGroupQueueForTheLock() throws Exception {
        Path directory = Files.createDirectory(temp.resolve("shared"));
        Files.setAttribute(directory, "unix:gid", NOBODY);
        Files.setAttribute(directory, "unix:mode", 02770);
        Process other;
        try (FunctionLock held = new FileLockProvider(directory).acquire(ARN, Duration.ofSeconds(5), h -> { })) {
            other = startAsNobody(directory);
            assertThat(readLine(other)).startsWith("WAITING process ");
        }
        assertThat(readLine(other)).isEqualTo("LOCKED");
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anotherUserOutsideASharedDirectoryIsToldWhyAndWhatToDo() throws Exception {
        Path directory = Files.createDirectory(temp.resolve("world-writable"));
        Files.setAttribute(directory, "unix:mode", 01777);
        FileLockProvider provider = new FileLockProvider(directory);
        try (FunctionLock held = provider.acquire(ARN, Duration.ofSeconds(5), h -> { })) {
            // held or not, the file is root's and private
        }
        Process other = startAsNobody(directory);
        String line = readLine(other);
        assertThat(line).startsWith("UNAVAILABLE Lock file " + provider.lockFile(ARN))
                .contains("permission denied").contains("owner root").contains("install -d -m 2770 -g GROUP");
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private Process startAsNobody(Path directory) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", java, "-cp", classPath.toString(),
                FileLockProviderTest.LockHolderMain.class.getName(), directory.toString(), ARN, "0"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private BufferedReader reader;

    private String readLine(Process process) throws IOException {
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }
        return reader.readLine();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                        Files.setAttribute(target, "unix:mode", 0755);
                    } else if (!Files.exists(target)) {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                        Files.setAttribute(target, "unix:mode", 0644);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
