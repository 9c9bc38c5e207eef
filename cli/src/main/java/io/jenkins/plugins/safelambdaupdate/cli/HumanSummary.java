package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.Durations;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** The short summary of a deployment that succeeded, for a person. */
final class HumanSummary {
    private HumanSummary() {
    }

    static void print(DeploymentResult result, PrintWriter out) {
        out.println("Deployed " + result.functionArn());
        result.version().ifPresent(v -> row(out, "version", v + result.alias().map(a -> " (alias " + a + ")")
                .orElse("")));
        row(out, "CodeSha256", result.codeSha256());
        row(out, "RevisionId", result.revisionId());
        row(out, "took", Durations.format(result.total()) + " (lock wait " + Durations.format(result.lockWait())
                + ", retries " + result.retries().size() + ")");
        row(out, "API calls", result.apiCalls().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        out.flush();
    }

    private static void row(PrintWriter out, String label, String value) {
        out.println(String.format(Locale.ROOT, "  %-11s %s", label, value == null ? "-" : value));
    }
}
