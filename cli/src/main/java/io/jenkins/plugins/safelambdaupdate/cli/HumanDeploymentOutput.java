package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.Durations;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.EventRenderer;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Renders a deployment for a person: one line per event with the seconds since the command started, then a short
 * summary. A failure goes to standard error only (by the command), so the engine's {@code Failed} event is not
 * repeated here.
 */
final class HumanDeploymentOutput implements DeploymentOutput {
    private final PrintWriter out;
    private final Instant start;
    private final EventRenderer renderer = new EventRenderer();

    /**
     * @param out standard output, not null
     * @param start the instant shown as 0.0 s, not null
     */
    HumanDeploymentOutput(PrintWriter out, Instant start) {
        this.out = Objects.requireNonNull(out, "out cannot be null");
        this.start = Objects.requireNonNull(start, "start cannot be null");
    }

    @Override
    public void onEvent(DeploymentEvent event) {
        if (event instanceof DeploymentEvent.Failed) {
            return; // the command prints the failure on standard error, with the state left
        }
        double seconds = Duration.between(start, event.at()).toMillis() / 1000.0;
        out.println(String.format(Locale.ROOT, "[%6.1fs] %s", Math.max(0, seconds), renderer.render(event)));
        out.flush();
    }

    @Override
    public void succeeded(DeploymentResult result) {
        out.println("Deployed " + result.functionArn());
        result.version().ifPresent(v -> row("version", v + result.alias().map(a -> " (alias " + a + ")").orElse("")));
        row("CodeSha256", result.codeSha256());
        row("RevisionId", result.revisionId());
        row("took", seconds(result.total()) + " (lock wait " + seconds(result.lockWait()) + ", retries "
                + result.retries().size() + ")");
        row("API calls", result.apiCalls().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        out.flush();
    }

    @Override
    public void failed(DeploymentException failure, int exitCode) {
        out.flush();
    }

    private void row(String label, String value) {
        out.println(String.format(Locale.ROOT, "  %-11s %s", label, value == null ? "-" : value));
    }

    private static String seconds(Duration d) {
        return Durations.format(d);
    }
}
