package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON shapes of the CLI's machine-readable output, as plain maps: one per event, one per function status, one
 * per failure. Every object has a {@code type}; times are ISO-8601 instants, durations whole milliseconds in fields
 * ending in {@code Millis}. No shape carries credentials or environment variable values, because the engine's
 * values do not.
 */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * @param event an event, not null
     * @return {@code {"type": "<record name>", "at": "...", ...the event's fields}}
     */
    static Map<String, Object> event(DeploymentEvent event) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", event.type());
        map.put("at", event.at().toString());
        event.accept(new EventFields(map));
        return map;
    }

    /** The fields of each kind of event; a new kind fails compilation here until its fields are written. */
    private static final class EventFields implements DeploymentEvent.Visitor<Void> {
        private final Map<String, Object> map;

        EventFields(Map<String, Object> map) {
            this.map = map;
        }

        @Override
        public Void visit(DeploymentEvent.LockWaiting e) {
            map.put("lockName", e.lockName());
            map.put("holder", e.holder());
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.LockAcquired e) {
            map.put("lockName", e.lockName());
            map.put("waitedMillis", millis(e.waited()));
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.LockSkipped e) {
            map.put("lockName", e.lockName());
            map.put("reason", e.reason());
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.Resolved e) {
            map.put("functionName", e.functionName());
            map.put("functionArn", e.functionArn());
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.Settled e) {
            map.put("status", status(e.status()));
            map.put("waitedMillis", millis(e.waited()));
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.Submitted e) {
            map.put("phase", e.phase().name());
            map.put("settings", e.settings().stream().map(Enum::name).toList());
            map.put("code", code(e.code()));
            map.put("codeSha256", e.codeSha256());
            map.put("alias", e.alias());
            map.put("fromVersion", e.fromVersion());
            map.put("toVersion", e.toVersion());
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.StillWaiting e) {
            map.put("phase", e.phase().name());
            map.put("status", e.status() == null ? null : status(e.status()));
            map.put("elapsedMillis", millis(e.elapsed()));
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.Confirmed e) {
            map.put("phase", e.phase().name());
            map.put("revisionId", e.revisionId());
            map.put("codeSha256", e.codeSha256());
            map.put("tookMillis", millis(e.took()));
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.Skipped e) {
            map.put("phase", e.phase().name());
            map.put("reason", e.reason().name());
            map.put("codeSha256", e.codeSha256());
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.Retrying e) {
            map.put("phase", e.phase().name());
            map.put("cause", e.cause().name());
            map.put("attempt", e.attempt());
            map.put("delayMillis", millis(e.delay()));
            map.put("errorCode", e.errorCode());
            map.put("statusCode", e.statusCode());
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.Published e) {
            map.put("version", e.version());
            map.put("codeSha256", e.codeSha256());
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.AliasMoved e) {
            map.put("alias", e.alias());
            map.put("version", e.version());
            map.put("created", e.created());
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.Verified e) {
            map.put("codeSha256", e.codeSha256());
            map.put("revisionId", e.revisionId());
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.Released e) {
            map.put("lockName", e.lockName());
            map.put("heldMillis", millis(e.held()));
            return null;
        }

        @Override
        public Void visit(DeploymentEvent.Failed e) {
            map.put("failure", e.failure().name());
            map.put("message", e.message());
            map.put("stateLeft", e.stateLeft() == null ? null : status(e.stateLeft()));
            return null;
        }
    }

    /**
     * @param status a function status, not null
     * @return its fields, with null for those not reported
     */
    static Map<String, Object> status(FunctionStatus status) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("functionArn", status.functionArn());
        map.put("state", status.state());
        map.put("stateReasonCode", status.stateReasonCode().orElse(null));
        map.put("stateReason", status.stateReason().orElse(null));
        map.put("lastUpdateStatus", status.lastUpdateStatus());
        map.put("lastUpdateStatusReasonCode", status.lastUpdateStatusReasonCode().orElse(null));
        map.put("lastUpdateStatusReason", status.lastUpdateStatusReason().orElse(null));
        map.put("codeSha256", status.codeSha256());
        map.put("revisionId", status.revisionId());
        map.put("lastModified", status.lastModified());
        map.put("settled", status.isSettled());
        status.readAt().ifPresent(readAt -> map.put("readAt", readAt.toString()));
        return map;
    }

    /**
     * @param result a deployment that succeeded, not null
     * @return {@code {"type": "result", "outcome": "succeeded", ...the fields of DeploymentResult.toMap(),
     *     "exitCode": 0}}
     */
    static Map<String, Object> success(DeploymentResult result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", "result");
        map.put("outcome", "succeeded");
        map.putAll(result.toMap());
        map.put("exitCode", 0);
        return map;
    }

    /**
     * @param failure the kind of failure ({@code INVALID_REQUEST} for usage errors)
     * @param message what went wrong, as standard error says it
     * @param parameter the option at fault, or null
     * @param exitCode the exit code the command ends with
     * @return the result object of a run that failed outside the engine (usage errors, unexpected errors)
     */
    static Map<String, Object> failure(String failure, String message, String parameter, int exitCode) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", "result");
        map.put("outcome", "failed");
        map.put("failure", failure);
        map.put("message", message);
        if (parameter != null) {
            map.put("parameter", parameter);
        }
        map.put("exitCode", exitCode);
        return map;
    }

    /**
     * @param e the failure, not null
     * @param exitCode the exit code the command ends with
     * @return {@code {"type": "result", "outcome": "failed", "failure": KIND, "message": ..., "parameter": flag
     *     (invalid input only), "functionArn": ..., "stateLeft": {...}, "exitCode": n}}
     */
    static Map<String, Object> failure(DeploymentException e, String message, Function<Parameter, String> flagOf,
                                       int exitCode) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", "result");
        map.put("outcome", "failed");
        map.put("failure", e.failure().name());
        map.put("message", message);
        if (e instanceof InvalidRequestException invalid) {
            map.put("parameter", flagOf.apply(invalid.parameter()));
        }
        map.put("functionArn", e.functionArn().orElse(null));
        map.put("stateLeft", e.stateLeft().map(JsonValues::status).orElse(null));
        map.put("exitCode", exitCode);
        return map;
    }

    /** @return where the code comes from: {@code source} and its location, or null for no code */
    private static Map<String, Object> code(CodeSource code) {
        if (code == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        if (code instanceof CodeSource.S3Object s3) {
            map.put("source", "S3_OBJECT");
            map.put("s3Bucket", s3.bucket());
            map.put("s3Key", s3.key());
            map.put("s3ObjectVersion", s3.objectVersion());
        } else if (code instanceof CodeSource.ContainerImage image) {
            map.put("source", "CONTAINER_IMAGE");
            map.put("imageUri", image.imageUri());
        } else if (code instanceof CodeSource.ZipFile zip) {
            map.put("source", "ZIP_FILE");
            map.put("zipFile", zip.path().toString());
        } else if (code instanceof CodeSource.ZipArchive zip) {
            map.put("source", "ZIP_FILE");
            map.put("zipFile", zip.name());
        }
        return map;
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }
}
