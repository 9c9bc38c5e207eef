package io.jenkins.plugins.safelambdaupdate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

/** Real threads against one function: the simulator serializes them as AWS does. */
class ConcurrencyTest extends ManualClockTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void ofTwoUpdatesAtOnceExactlyOneSucceedsAndTheOtherGets409() throws Exception {
        simulator.createFunction("orders", TestZips.zip("v0"));
        for (int round = 1; round <= 5; round++) {
            int r = round;
            List<Outcome> outcomes = race(2, i -> () -> {
                byte[] zip = TestZips.zip("round " + r + " writer " + i);
                return Outcome.of(() -> lambda.updateFunctionCode(u -> u.functionName("orders")
                        .zipFile(SdkBytes.fromByteArray(zip))).codeSha256());
            });

            assertThat(outcomes).filteredOn(o -> o.status == 200).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.status == 409).singleElement().satisfies(o -> {
                assertThat(o.error).isExactlyInstanceOf(ResourceConflictException.class);
                assertThat(o.error.awsErrorDetails().errorMessage()).startsWith(
                        "The operation cannot be performed at this time. An update is in progress for resource: ");
            });
            String winner = outcomes.stream().filter(o -> o.status == 200).findFirst().orElseThrow().value;
            clock.advance(UPDATE);
            assertThat(simulator.function("orders").orElseThrow().codeSha256()).isEqualTo(winner);
        }
    }

    @Test
    void ofSixteenWritersAtOnceExactlyOneSucceeds() throws Exception {
        simulator.createFunction("orders", TestZips.zip("v0"));

        List<Outcome> outcomes = race(16, i -> () -> Outcome.of(() -> lambda.updateFunctionConfiguration(
                u -> u.functionName("orders").description("writer " + i)).description()));

        assertThat(outcomes).extracting(o -> o.status).containsOnly(200, 409);
        assertThat(outcomes).filteredOn(o -> o.status == 200).hasSize(1);
        assertThat(simulator.stats().refusals("ResourceConflictException")).isEqualTo(15);
    }

    @Test
    void theLoserRetryingWithItsOldRevisionIdGets412() throws Exception {
        simulator.createFunction("orders", TestZips.zip("v0"));
        String read = lambda.getFunction(r -> r.functionName("orders")).configuration().revisionId();

        List<Outcome> outcomes = race(2, i -> () -> Outcome.of(() -> lambda.updateFunctionConfiguration(
                u -> u.functionName("orders").revisionId(read).description("writer " + i)).description()));
        assertThat(outcomes).extracting(o -> o.status).containsExactlyInAnyOrder(200, 409);

        clock.advance(UPDATE);
        Outcome retry = Outcome.of(() -> lambda.updateFunctionConfiguration(
                u -> u.functionName("orders").revisionId(read).description("loser again")).description());
        assertThat(retry.status).isEqualTo(412);
        assertThat(retry.error).isExactlyInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void sixtyFourClientsAtOnceAreAllServed() throws Exception {
        simulator.createFunction("orders", TestZips.zip("v0"));
        // Latency keeps every call open at the same time.
        simulator.faults().latency(Duration.ofMillis(200));
        try (LambdaClient wide = SdkClients.withConnections(simulator, 64)) {
            List<Outcome> outcomes = race(64, i -> () -> Outcome.of(
                    () -> wide.getFunction(r -> r.functionName("orders")).configuration().functionName()));

            assertThat(outcomes).extracting(o -> o.status).containsOnly(200);
        }
        assertThat(simulator.stats().calls("GetFunction")).isEqualTo(64);
    }

    /** Starts n tasks together behind a barrier and returns their outcomes. */
    private List<Outcome> race(int n, IntFunction<Callable<Outcome>> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<Outcome> body = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return body.call();
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get(30, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    /** The status of one call, with its value on success or its exception on refusal. */
    private record Outcome(int status, String value, LambdaException error) {
        static Outcome of(Callable<String> call) throws Exception {
            try {
                return new Outcome(200, call.call(), null);
            } catch (LambdaException e) {
                return new Outcome(e.statusCode(), null, e);
            }
        }
    }
}
