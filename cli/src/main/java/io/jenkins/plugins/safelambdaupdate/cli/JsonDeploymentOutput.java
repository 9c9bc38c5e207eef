package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reports a deployment as JSON lines: one object per event (see {@link JsonValues#event}), then one final object
 * of {@code "type": "result"} with {@code "outcome": "succeeded"} and the fields of
 * {@link DeploymentResult#toMap()}, or {@code "outcome": "failed"} (see {@link JsonValues#failure}).
 */
final class JsonDeploymentOutput implements DeploymentOutput {
    private final JsonLines lines;

    /** @param lines where to write, not null */
    JsonDeploymentOutput(JsonLines lines) {
        this.lines = Objects.requireNonNull(lines, "lines cannot be null");
    }

    @Override
    public void onEvent(DeploymentEvent event) {
        lines.write(JsonValues.event(event));
    }

    @Override
    public void succeeded(DeploymentResult result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", "result");
        map.put("outcome", "succeeded");
        map.putAll(result.toMap());
        map.put("exitCode", 0);
        lines.write(map);
    }

    @Override
    public void failed(DeploymentException failure, int exitCode) {
        lines.write(JsonValues.failure(failure, exitCode));
    }
}
