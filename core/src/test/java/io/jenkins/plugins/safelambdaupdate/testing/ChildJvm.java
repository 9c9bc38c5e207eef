package io.jenkins.plugins.safelambdaupdate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A main class of the test classpath in a JVM of its own (another "host"), its output kept in files. */
public final class ChildJvm {
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildJvm(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Options for a JVM that lives a few seconds and mostly waits: no optimizing compiler, the serial collector, no
     * performance data file. It starts with about a third less CPU, which several of them at once on two cores need.
     */
    public static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:-UsePerfData");

    /**
     * @param dir where the output files go
     * @param name names the output files
     * @param main the main class
     * @param args its arguments
     */
    public static ChildJvm start(Path dir, String name, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(SHORT_LIVED);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ChildJvm(process, out, err);
    }

    /** @return the lines written so far */
    public List<String> lines() {
        return List.of(read(out).split("\\R"));
    }

    /** @return the first line that starts with the prefix, once written, waiting at most the timeout */
    public Optional<String> awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - end < 0) {
            Optional<String> line = lines().stream().filter(l -> l.startsWith(prefix)).findFirst();
            if (line.isPresent() || !process.isAlive()) {
                return line.isPresent() ? line : lines().stream().filter(l -> l.startsWith(prefix)).findFirst();
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }

    /** @return the exit code, or -1 after killing it when it did not end within the timeout */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** SIGKILL: no finally block and no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** @return everything the process wrote, for assertion messages */
    public String output() {
        return read(out) + read(err);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
