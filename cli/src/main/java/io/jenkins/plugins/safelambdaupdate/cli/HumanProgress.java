package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.EventRenderer;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A deployment's events for a person, one line each with the seconds since the command started. The failure itself
 * is not repeated here: the command prints it once, on standard error, with the state left.
 */
final class HumanProgress implements DeploymentListener {
    private final PrintWriter out;
    private final Instant start;
    private final EventRenderer renderer = new EventRenderer();

    /**
     * @param out where the lines go: standard output, or standard error when the result is JSON
     * @param start the instant shown as 0.0 s
     */
    HumanProgress(PrintWriter out, Instant start) {
        this.out = Objects.requireNonNull(out, "out cannot be null");
        this.start = Objects.requireNonNull(start, "start cannot be null");
    }

    @Override
    public void onEvent(DeploymentEvent event) {
        if (event instanceof DeploymentEvent.Failed) {
            return;
        }
        double seconds = Duration.between(start, event.at()).toMillis() / 1000.0;
        out.println(String.format(Locale.ROOT, "[%6.1fs] %s", Math.max(0, seconds), renderer.render(event)));
        out.flush();
    }
}
