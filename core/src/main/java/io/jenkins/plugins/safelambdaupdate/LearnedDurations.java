package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.internal.UpdateDurations;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Properties;

/**
 * What deployers have learned about how long Lambda takes to apply updates and publish versions, per function and
 * phase. The waits use it to poll when completion is likely instead of polling blindly: a deployer that knows a
 * function's updates take about 1.5 s mostly makes one poll per wait, one that knows nothing guesses from what AWS
 * documents and climbs a ladder of polls.
 *
 * <p>What it is not: a promise. An estimate only decides when the first poll of a wait comes; it never decides that
 * an update is done (the waiter's poll does), never makes a wait skip its poll before a deadline is reported, and
 * finds a function that turned faster by probing below what it knew, a little further each time. A function never inherits another's slow history: until it
 * has shown its own durations it gets a conservative prior of at most one second.
 *
 * <p>A deployer keeps its own by default. Give several deployers of one process the same instance (see
 * {@link SafeLambdaDeployer.Builder#learnedDurations}) when they are short-lived, as on a Jenkins controller that
 * builds a deployer per build, so that what one deployment learned serves the next. Thread-safe; holds only
 * durations keyed by function ARN, nothing secret.
 */
public final class LearnedDurations {
    private final UpdateDurations durations = new UpdateDurations();

    /** Creates an empty store: nothing learned yet. */
    public LearnedDurations() {
    }

    /**
     * Reads durations saved by {@link #saveTo(Path)}, so that a short-lived process (one command-line run) starts
     * from what earlier runs learned. A missing, unreadable or malformed file, or one of another format version,
     * gives an empty store, and a damaged or implausible entry (negative, longer than any Lambda update) is ignored
     * on its own: the durations only make polling smarter, never change what is deployed.
     *
     * @param file the file, not null
     * @return the durations read, possibly none
     */
    public static LearnedDurations loadFrom(Path file) {
        Objects.requireNonNull(file, "file cannot be null");
        LearnedDurations learned = new LearnedDurations();
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return learned; // nothing usable: start from nothing, as without a file
        }
        learned.durations.readFrom(saved);
        return learned;
    }

    /**
     * Saves the durations learned so far (function ARNs and milliseconds, nothing secret), replacing the file
     * atomically so that concurrent runs never read half a file.
     *
     * @param file the file, not null; its directory is created when missing
     * @throws UncheckedIOException if the file cannot be written
     */
    public void saveTo(Path file) {
        Objects.requireNonNull(file, "file cannot be null");
        Properties saved = new Properties();
        durations.writeTo(saved);
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try {
                try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    saved.store(out, "safe-lambda-update: how long Lambda updates took, per function (milliseconds)");
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary); // gone already after the move; left over only after a failure
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save learned durations to " + file, e);
        }
    }

    UpdateDurations durations() {
        return durations;
    }
}
