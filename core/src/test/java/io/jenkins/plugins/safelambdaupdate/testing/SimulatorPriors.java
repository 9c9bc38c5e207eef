package io.jenkins.plugins.safelambdaupdate.testing;

import io.jenkins.plugins.safelambdaupdate.LearnedDurations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a deployer learns about a simulator's timings in its first waits, written in the saved form of
 * {@link LearnedDurations} as the prior for every function (its {@code *} entries). A deployer (or a command-line run)
 * that starts from it polls first when the simulator is likely done instead of at AWS's documented second, so tests
 * on timings of a few hundred milliseconds do not wait for AWS's; what a cold deployer does is tested where it matters.
 */
public final class SimulatorPriors {
    /**
     * The bounds written are {@code [delay, delay + SLACK_MILLIS]}, as a wait that saw the update unfinished at the
     * delay and finished a little later would learn; a prior is the middle of such bounds, so the first poll comes
     * half the slack after the simulator's delay, with the request's travel.
     */
    private static final long SLACK_MILLIS = 30;

    private SimulatorPriors() {
    }

    /**
     * @param file    where to write, in {@link LearnedDurations#saveTo}'s form; its directory is created
     * @param update  the simulator's update delay
     * @param publish the simulator's publish delay
     * @return {@code file}
     */
    public static Path write(Path file, Duration update, Duration publish) {
        String updateDone = bounds(update);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, "format=3\n*|code=" + updateDone + "*|configuration=" + updateDone
                    + "*|publish=" + bounds(publish));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bounds(Duration delay) {
        return delay.toMillis() + ":" + (delay.toMillis() + SLACK_MILLIS) + "\n";
    }

    /** @return durations that know the simulator's timings, read from a file written in {@code dir} */
    public static LearnedDurations of(Path dir, Duration update, Duration publish) {
        return LearnedDurations.loadFrom(write(dir.resolve("simulator-priors.properties"), update, publish));
    }
}
