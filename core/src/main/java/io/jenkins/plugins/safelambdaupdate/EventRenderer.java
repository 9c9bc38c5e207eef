package io.jenkins.plugins.safelambdaupdate;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Renders a {@link DeploymentEvent} as one plain human-readable line without a trailing newline and without a
 * prefix (front ends add their own, for example {@code "[safeLambdaUpdate] "}). Stateless and thread-safe.
 * Examples:
 * <pre>
 * Resolved my-fn to arn:aws:lambda:us-east-1:123456789012:function:my-fn
 * Waiting for lock arn:aws:lambda:us-east-1:123456789012:function:my-fn held by build #12 of deploy-job
 * Lock acquired after 3.2 s
 * Function settled: State=Active, LastUpdateStatus=Successful (waited 1.1 s)
 * Updating code (CodeSha256 abc=)
 * Code update confirmed after 1.0 s (CodeSha256 abc=, RevisionId 0c1...)
 * Conflict on configuration update (ResourceConflictException, HTTP 409), retry 1 in 0.4 s
 * Published version 7 (CodeSha256 abc=)
 * Alias live -> 7 (moved)
 * Verified code and configuration
 * Lock released after 5.0 s
 * </pre>
 */
public final class EventRenderer {

    /** Creates a renderer. */
    public EventRenderer() {
    }

    /**
     * @param event the event, not null
     * @return one line of text
     * @throws NullPointerException if event is null
     */
    public String render(DeploymentEvent event) {
        return Objects.requireNonNull(event, "event cannot be null").accept(LINES);
    }

    /** One line per kind of event: the only place where events become prose. */
    private static final DeploymentEvent.Visitor<String> LINES = new DeploymentEvent.Visitor<>() {
        @Override
        public String visit(DeploymentEvent.LockWaiting e) {
            return "Waiting for lock " + e.lockName() + (e.holder() == null ? "" : " held by " + e.holder());
        }

        @Override
        public String visit(DeploymentEvent.LockAcquired e) {
            return e.waited().isZero() ? "Lock acquired" : "Lock acquired after " + Durations.format(e.waited());
        }

        @Override
        public String visit(DeploymentEvent.LockSkipped e) {
            return "Not locking " + e.lockName() + ": " + e.reason();
        }

        @Override
        public String visit(DeploymentEvent.Resolved e) {
            return "Resolved " + e.functionName() + " to " + e.functionArn();
        }

        @Override
        public String visit(DeploymentEvent.Settled e) {
            return "Function settled: " + e.status().describe() + " (waited " + Durations.format(e.waited()) + ")";
        }

        @Override
        public String visit(DeploymentEvent.Submitted e) {
            switch (e.phase()) {
                case CODE:
                    return "Updating code" + codeSource(e.code(), e.codeSha256());
                case CONFIGURATION:
                    return "Updating configuration (" + e.settings().stream().map(s -> s.parameter().engineName())
                            .collect(Collectors.joining(", ")) + ")";
                case PUBLISH:
                    return "Publishing a version (CodeSha256 " + e.codeSha256() + ")";
                case ALIAS:
                    return e.fromVersion() == null ? "Creating alias " + e.alias() + " -> " + e.toVersion()
                            : "Moving alias " + e.alias() + " from " + e.fromVersion() + " to " + e.toVersion();
                default:
                    return "Updating " + noun(e.phase());
            }
        }

        @Override
        public String visit(DeploymentEvent.StillWaiting e) {
            return "Still waiting for " + noun(e.phase()) + " after " + Durations.format(e.elapsed())
                    + (e.status() == null ? "" : ": " + e.status().describe());
        }

        @Override
        public String visit(DeploymentEvent.Confirmed e) {
            return capitalized(noun(e.phase())) + " confirmed after " + Durations.format(e.took()) + " (CodeSha256 "
                    + e.codeSha256() + ", RevisionId " + e.revisionId() + ")";
        }

        @Override
        public String visit(DeploymentEvent.Skipped e) {
            return "Skipped " + noun(e.phase()) + ": " + skipText(e);
        }

        @Override
        public String visit(DeploymentEvent.Retrying e) {
            String answer = e.errorCode() == null ? "seen in the function as read"
                    : e.errorCode() + (e.statusCode() == null ? "" : ", HTTP " + e.statusCode());
            return causeText(e.cause()) + " on " + noun(e.phase()) + " (" + answer + "), retry " + e.attempt()
                    + " in " + Durations.format(e.delay());
        }

        @Override
        public String visit(DeploymentEvent.Published e) {
            return "Published version " + e.version() + " (CodeSha256 " + e.codeSha256() + ")";
        }

        @Override
        public String visit(DeploymentEvent.AliasMoved e) {
            return "Alias " + e.alias() + " -> " + e.version() + (e.created() ? " (created)" : " (moved)");
        }

        @Override
        public String visit(DeploymentEvent.Verified e) {
            return "Verified code and configuration (CodeSha256 " + e.codeSha256() + ")";
        }

        @Override
        public String visit(DeploymentEvent.Released e) {
            return "Lock released after " + Durations.format(e.held());
        }

        @Override
        public String visit(DeploymentEvent.Failed e) {
            return "Deployment failed (" + e.failure() + "): " + e.message()
                    + (e.stateLeft() == null ? "" : "; function left in " + e.stateLeft().describeAsOf(e.at()));
        }
    };

    private static String codeSource(CodeSource code, String codeSha256) {
        if (code instanceof CodeSource.S3Object s3) {
            return " from s3://" + s3.bucket() + "/" + s3.key()
                    + (s3.objectVersion() == null ? "" : " (version " + s3.objectVersion() + ")");
        } else if (code instanceof CodeSource.ContainerImage image) {
            return " to image " + image.imageUri();
        }
        return codeSha256 == null ? "" : " (CodeSha256 " + codeSha256 + ")";
    }

    private static String skipText(DeploymentEvent.Skipped e) {
        switch (e.reason()) {
            case NOT_REQUESTED:
                return "not requested";
            case CODE_UNCHANGED:
                return "CodeSha256 " + e.codeSha256() + " already deployed";
            case CONFIGURATION_UNCHANGED:
                return "no change";
            default:
                return "the alias already points to the published version";
        }
    }

    private static String causeText(RetryCause cause) {
        switch (cause) {
            case CONFLICT:
                return "Conflict";
            case STALE_REVISION:
                return "Changed by another writer";
            case THROTTLED:
                return "Throttled";
            default:
                return "Server error";
        }
    }

    private static String noun(Phase phase) {
        switch (phase) {
            case CODE:
                return "code update";
            case CONFIGURATION:
                return "configuration update";
            case PUBLISH:
                return "publishing";
            case ALIAS:
                return "alias update";
            case SETTLE:
                return "the function to settle";
            default:
                return phase.name().toLowerCase(Locale.ROOT);
        }
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
