package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import java.util.Objects;

/** A deployment's events as JSON lines ({@code --json-events}), one object per event (see {@link JsonValues#event}). */
final class JsonEventLines implements DeploymentListener {
    private final JsonLines lines;

    /** @param lines where to write, not null */
    JsonEventLines(JsonLines lines) {
        this.lines = Objects.requireNonNull(lines, "lines cannot be null");
    }

    @Override
    public void onEvent(DeploymentEvent event) {
        lines.write(JsonValues.event(event));
    }
}
