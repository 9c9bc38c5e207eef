package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Prints a function's state for {@code status} and {@code wait}: aligned lines, or one JSON object. */
final class FunctionStatusOutput {
    private final PrintWriter out;
    private final boolean json;

    /**
     * @param out standard output, not null
     * @param json whether to print one JSON line instead of aligned lines
     */
    FunctionStatusOutput(PrintWriter out, boolean json) {
        this.out = Objects.requireNonNull(out, "out cannot be null");
        this.json = json;
    }

    /**
     * @param status the state read, not null
     * @param extra further fields for the JSON object (for example {@code waitedMillis}), not null
     */
    void print(FunctionStatus status, Map<String, Object> extra) {
        if (json) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", "status");
            map.putAll(JsonValues.status(status));
            map.putAll(extra);
            new JsonLines(out).write(map);
            return;
        }
        row("Function", status.functionArn());
        row("State", withReason(status.state(), status.stateReasonCode().orElse(null),
                status.stateReason().orElse(null), !"Active".equals(status.state())));
        row("LastUpdateStatus", withReason(status.lastUpdateStatus(),
                status.lastUpdateStatusReasonCode().orElse(null), status.lastUpdateStatusReason().orElse(null),
                !"Successful".equals(status.lastUpdateStatus())));
        row("CodeSha256", status.codeSha256());
        row("RevisionId", status.revisionId());
        row("LastModified", status.lastModified());
        out.flush();
    }

    private static String withReason(String value, String code, String reason, boolean showReason) {
        if (value == null) {
            return null;
        }
        if (!showReason || (code == null && reason == null)) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value).append(" (");
        if (code != null) {
            sb.append(code);
        }
        if (reason != null) {
            sb.append(code != null ? ": " : "").append(reason);
        }
        return sb.append(')').toString();
    }

    private void row(String label, String value) {
        out.println(String.format(Locale.ROOT, "%-17s %s", label, value == null ? "-" : value));
    }
}
