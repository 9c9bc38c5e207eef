package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventRendererTest {
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:my-fn";
    private final EventRenderer renderer = new EventRenderer();

    @Test
    void rendersOneLinePerEvent() {
        FunctionStatus settled = FunctionStatus.builder().state("Active").lastUpdateStatus("Successful").build();
        assertThat(renderer.render(new DeploymentEvent.Resolved(AT, "my-fn", ARN)))
                .isEqualTo("Resolved my-fn to " + ARN);
        assertThat(renderer.render(new DeploymentEvent.LockWaiting(AT, ARN, "build #12 of deploy-job")))
                .isEqualTo("Waiting for lock " + ARN + " held by build #12 of deploy-job");
        assertThat(renderer.render(new DeploymentEvent.LockWaiting(AT, ARN, null))).isEqualTo("Waiting for lock " + ARN);
        assertThat(renderer.render(new DeploymentEvent.LockAcquired(AT, ARN, Duration.ofMillis(3200))))
                .isEqualTo("Lock acquired after 3.2 s");
        assertThat(renderer.render(new DeploymentEvent.Settled(AT, settled, Duration.ofMillis(1100))))
                .isEqualTo("Function settled: State=Active, LastUpdateStatus=Successful (waited 1.1 s)");
        assertThat(renderer.render(DeploymentEvent.Submitted.code(AT, CodeSource.zipFile(Path.of("fn.zip")), "abc=")))
                .isEqualTo("Updating code (CodeSha256 abc=)");
        assertThat(renderer.render(DeploymentEvent.Submitted.code(AT, CodeSource.s3("b", "k.zip", "3"), null)))
                .isEqualTo("Updating code from s3://b/k.zip (version 3)");
        assertThat(renderer.render(DeploymentEvent.Submitted.configuration(AT,
                EnumSet.of(Setting.TIMEOUT, Setting.ENVIRONMENT))))
                .as("in declaration order, by parameter name").isEqualTo("Updating configuration (environment, timeout)");
        assertThat(renderer.render(DeploymentEvent.Submitted.publish(AT, "abc=")))
                .isEqualTo("Publishing a version (CodeSha256 abc=)");
        assertThat(renderer.render(DeploymentEvent.Submitted.alias(AT, "live", null, "7")))
                .isEqualTo("Creating alias live -> 7");
        assertThat(renderer.render(DeploymentEvent.Submitted.alias(AT, "live", "6", "7")))
                .isEqualTo("Moving alias live from 6 to 7");
        assertThat(renderer.render(new DeploymentEvent.Retrying(AT, Phase.CONFIGURATION, RetryCause.CONFLICT, 1,
                Duration.ofMillis(400), "ResourceConflictException", 409)))
                .isEqualTo("Conflict on configuration update (ResourceConflictException, HTTP 409), retry 1 in 400 ms");
        assertThat(renderer.render(new DeploymentEvent.Retrying(AT, Phase.CODE, RetryCause.STALE_REVISION, 2,
                Duration.ofMillis(400), null, null)))
                .isEqualTo("Changed by another writer on code update (seen in the function as read), retry 2 in 400 ms");
        assertThat(renderer.render(new DeploymentEvent.LockAcquired(AT, ARN, Duration.ofMillis(1))))
                .as("never 0.0 s for a wait that took a millisecond").isEqualTo("Lock acquired after 1 ms");
        assertThat(renderer.render(new DeploymentEvent.Published(AT, "7", "abc="))).isEqualTo("Published version 7 (CodeSha256 abc=)");
        assertThat(renderer.render(new DeploymentEvent.AliasMoved(AT, "live", "7", false))).isEqualTo("Alias live -> 7 (moved)");
        assertThat(renderer.render(new DeploymentEvent.AliasMoved(AT, "live", "1", true))).isEqualTo("Alias live -> 1 (created)");
        assertThat(renderer.render(new DeploymentEvent.Released(AT, ARN, Duration.ofSeconds(5)))).isEqualTo("Lock released after 5.0 s");
        assertThat(renderer.render(new DeploymentEvent.Verified(AT, "abc=", "r1"))).startsWith("Verified code and configuration");
        assertThat(renderer.render(new DeploymentEvent.Confirmed(AT, Phase.CODE, "r2", "abc=", Duration.ofMillis(1000))))
                .isEqualTo("Code update confirmed after 1.0 s (CodeSha256 abc=, RevisionId r2)");
        assertThat(renderer.render(new DeploymentEvent.Skipped(AT, Phase.CODE, SkipReason.CODE_UNCHANGED, "abc=")))
                .isEqualTo("Skipped code update: CodeSha256 abc= already deployed");
        assertThat(renderer.render(new DeploymentEvent.Skipped(AT, Phase.CONFIGURATION, SkipReason.CONFIGURATION_UNCHANGED,
                null))).isEqualTo("Skipped configuration update: no change");
        FunctionStatus readEarlier = FunctionStatus.builder().state("Active").lastUpdateStatus("InProgress")
                .readAt(AT.minusMillis(3200)).build();
        assertThat(renderer.render(new DeploymentEvent.Failed(AT, FailureKind.DEADLINE_EXCEEDED, "Deadline of 5.0 s "
                + "exceeded during the code phase", readEarlier))).endsWith("function left in State=Active, "
                + "LastUpdateStatus=InProgress (as read 3.2 s before)");
        FunctionStatus inProgress = FunctionStatus.builder().state("Active").lastUpdateStatus("InProgress").build();
        assertThat(renderer.render(new DeploymentEvent.StillWaiting(AT, Phase.CODE, inProgress, Duration.ofSeconds(10))))
                .isEqualTo("Still waiting for code update after 10.0 s: State=Active, LastUpdateStatus=InProgress");
        FunctionStatus failed = FunctionStatus.builder().state("Active").lastUpdateStatus("Failed")
                .lastUpdateStatusReasonCode("InvalidConfiguration").build();
        assertThat(renderer.render(new DeploymentEvent.Failed(AT, FailureKind.UPDATE_FAILED, "Code update failed", failed)))
                .isEqualTo("Deployment failed (UPDATE_FAILED): Code update failed; function left in State=Active, "
                        + "LastUpdateStatus=Failed (InvalidConfiguration)");
    }

    @Test
    void everyEventRendersToOneLine() {
        FunctionStatus s = FunctionStatus.builder().build();
        DeploymentEvent[] events = {
            new DeploymentEvent.LockWaiting(AT, ARN, null), new DeploymentEvent.LockAcquired(AT, ARN, Duration.ZERO),
            new DeploymentEvent.Resolved(AT, "f", ARN), new DeploymentEvent.Settled(AT, s, Duration.ZERO),
            DeploymentEvent.Submitted.publish(AT, "x"), new DeploymentEvent.StillWaiting(AT, Phase.SETTLE, null, Duration.ZERO),
            new DeploymentEvent.Confirmed(AT, Phase.CONFIGURATION, null, null, Duration.ZERO),
            new DeploymentEvent.Skipped(AT, Phase.ALIAS, SkipReason.ALIAS_UNCHANGED, null),
            new DeploymentEvent.Retrying(AT, Phase.PUBLISH, RetryCause.THROTTLED, 2, Duration.ZERO, "d", 429),
            new DeploymentEvent.Published(AT, "1", null), new DeploymentEvent.AliasMoved(AT, "a", "1", true),
            new DeploymentEvent.Verified(AT, null, null), new DeploymentEvent.Released(AT, ARN, Duration.ZERO),
            new DeploymentEvent.Failed(AT, FailureKind.AWS_ERROR, "m", null)};
        for (DeploymentEvent e : events) {
            assertThat(renderer.render(e)).isNotBlank().doesNotContain("\n");
        }
    }

    /** The JSON contract: every kind of event has its own stable, lower-case type name, and renders to a line. */
    @Test
    void everyKindOfEventHasItsOwnStableTypeName() throws Exception {
        java.util.Set<String> types = new java.util.HashSet<>();
        for (Class<?> kind : DeploymentEvent.class.getPermittedSubclasses()) {
            java.lang.reflect.RecordComponent[] components = kind.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                parameterTypes[i] = components[i].getType();
                values[i] = sampleOf(parameterTypes[i]);
            }
            DeploymentEvent event = (DeploymentEvent) kind.getDeclaredConstructor(parameterTypes).newInstance(values);
            assertThat(event.type()).matches("[a-z]+(-[a-z]+)*");
            assertThat(types.add(event.type())).as("type of %s is unique", kind.getSimpleName()).isTrue();
            assertThat(renderer.render(event)).isNotBlank().doesNotContain(kind.getSimpleName() + "[");
        }
        assertThat(types).hasSize(15).contains("lock-skipped", "lock-released", "failed");
    }

    private static Object sampleOf(Class<?> type) {
        if (type == Instant.class) {
            return AT;
        } else if (type == Duration.class) {
            return Duration.ofSeconds(2);
        } else if (type == Phase.class) {
            return Phase.CODE;
        } else if (type == RetryCause.class) {
            return RetryCause.CONFLICT;
        } else if (type == SkipReason.class) {
            return SkipReason.NOT_REQUESTED;
        } else if (type == java.util.Set.class) {
            return java.util.Set.of(Setting.MEMORY_SIZE);
        } else if (type == CodeSource.class) {
            return CodeSource.image("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1");
        } else if (type == Integer.class) {
            return 409;
        } else if (type == FailureKind.class) {
            return FailureKind.INTERRUPTED;
        } else if (type == FunctionStatus.class) {
            return FunctionStatus.builder().state("Active").lastUpdateStatus("Successful").build();
        } else if (type == int.class) {
            return 1;
        } else if (type == boolean.class) {
            return false;
        }
        return "x";
    }
}
