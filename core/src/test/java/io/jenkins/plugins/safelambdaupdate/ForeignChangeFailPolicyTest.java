package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@code onForeignChange(FAIL)} when the other writer's update is still in progress at our next mutation: Lambda
 * answers 409, not 412. Found by the soak (bench, issue 5). While we hold the lock and our own updates have settled, a
 * 409 can only come from another writer, so FAIL must stop the deployment instead of waiting, re-reading and
 * re-applying our intent over the other writer's change.
 */
class ForeignChangeFailPolicyTest extends SimulatorTestSupport {

    @Test
    void aForeignUpdateStillInProgressFailsTheDeploymentWhenThePolicyIsFail() {
        start(Duration.ofMillis(300));
        String arn = createFunction("fn");
        AtomicBoolean written = new AtomicBoolean();
        Events events = new Events();
        DeploymentListener listener = event -> {
            events.onEvent(event);
            // Just before our configuration update: another writer, outside the lock, changes the memory size.
            if (event instanceof DeploymentEvent.Submitted s && s.phase() == Phase.CONFIGURATION
                    && written.compareAndSet(false, true)) {
                foreign.updateFunctionConfiguration(b -> b.functionName("fn").memorySize(1024));
            }
        };

        DeploymentException failure = catchThrowableOfType(DeploymentException.class, () -> deployer.deploy(
                DeploymentRequest.builder().functionName("fn").code(CodeSource.zipFile(zip("v1")))
                        .environment(Map.of("STAGE", "prod")).onForeignChange(ForeignChangePolicy.FAIL).build(),
                listener));

        assertThat(written).isTrue();
        assertThat(sim.stats().refusals("ResourceConflictException")).as("our update met the other one").isPositive();
        assertThat(failure).as("events: %s", events.kinds()).isNotNull();
        assertThat(failure.failure()).isEqualTo(FailureKind.FOREIGN_CHANGE);
        assertThat(sim.function("fn").orElseThrow().latest().environment()).doesNotContainKey("STAGE");
        assertThat(locks.isFree(arn)).isTrue();
    }
}
