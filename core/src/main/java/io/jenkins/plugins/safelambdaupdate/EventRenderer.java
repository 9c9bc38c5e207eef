package io.jenkins.plugins.safelambdaupdate;

import java.util.Locale;
import java.util.Objects;

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
 * Conflict on configuration update (ResourceConflictException), retry 1 in 0.4 s
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
            return e.what();
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
            return "Skipped " + noun(e.phase()) + ": " + e.reason();
        }

        @Override
        public String visit(DeploymentEvent.Retrying e) {
            return causeText(e.cause()) + " on " + noun(e.phase()) + " (" + e.detail() + "), retry " + e.attempt()
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
