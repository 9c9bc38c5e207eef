package io.jenkins.plugins.safelambdaupdate.simulator;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A simulator on a clock that only the test moves, so every transition is deterministic:
 * create 1 s, update 1 s, publish 500 ms; quotas off; SDK client without retries.
 */
abstract class ManualClockTest {
    static final Duration CREATE = Duration.ofSeconds(1);
    static final Duration UPDATE = Duration.ofSeconds(1);
    static final Duration PUBLISH = Duration.ofMillis(500);

    final MutableClock clock = new MutableClock();
    LambdaSimulator simulator;
    LambdaClient lambda;

    @BeforeEach
    void startSimulator() {
        simulator = configure(LambdaSimulator.builder().clock(clock).seed(42)
                .createDelay(CREATE).updateDelay(UPDATE).publishDelay(PUBLISH)).start();
        lambda = SdkClients.noRetries(simulator);
    }

    /** Lets a test class change the set-up. */
    LambdaSimulator.Builder configure(LambdaSimulator.Builder builder) {
        return builder;
    }

    @AfterEach
    void stopSimulator() {
        lambda.close();
        simulator.close();
    }

    /** Creates a function over HTTP and lets it become Active. */
    void createActive(String name, byte[] zip) {
        lambda.createFunction(SdkClients.create(name, zip).build());
        clock.advance(CREATE);
    }
}
