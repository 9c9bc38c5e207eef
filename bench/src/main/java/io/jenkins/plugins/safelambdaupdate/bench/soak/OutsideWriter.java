package io.jenkins.plugins.safelambdaupdate.bench.soak;

import io.jenkins.plugins.safelambdaupdate.simulator.SampleZips;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * A writer outside the lock (another tool, a console user): every couple of seconds it changes one function with
 * straight SDK calls, no lock and no RevisionId. Most ticks it merges its own variable into the environment and
 * changes the description; every third tick it replaces the whole environment (dropping the deployers' variable) and
 * sets a memory size no deployer asks for; every fifth tick it uploads code of its own. Refused with 409 while an
 * update is in progress, it tries again a little later, a few times. Writes once at start, then stops when told.
 */
final class OutsideWriter implements Runnable {
    /** The variable it sets. */
    static final String VARIABLE = "OUTSIDE_WRITER";
    private static final int[] MEMORY = {128, 192};
    private static final int ATTEMPTS_PER_TICK = 10;

    private final LambdaClient client;
    private final String function;
    private final Duration every;
    private final Random random;
    private final CountDownLatch stop;
    private final AtomicInteger landed = new AtomicInteger();
    private final AtomicInteger codeWrites = new AtomicInteger();
    private final AtomicInteger refusedWithConflict = new AtomicInteger();
    private final AtomicInteger otherErrors = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    OutsideWriter(LambdaClient client, String function, Duration every, long seed, CountDownLatch stop) {
        this.client = client;
        this.function = function;
        this.every = every;
        this.random = new Random(seed);
        this.stop = stop;
    }

    @Override
    public void run() {
        try {
            long tick = 0;
            do {
                write(++tick);
            } while (!stop.await(jittered(every.toMillis()), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return changes that were accepted */
    int landed() {
        return landed.get();
    }

    /** @return accepted changes that replaced the code */
    int codeWrites() {
        return codeWrites.get();
    }

    /** @return attempts refused with 409 because an update was in progress */
    int refusedWithConflict() {
        return refusedWithConflict.get();
    }

    /** @return attempts that failed otherwise (throttling or 5xx left after the SDK's retries) */
    int otherErrors() {
        return otherErrors.get();
    }

    /** @return SDK calls made (each may be several HTTP attempts) */
    int calls() {
        return calls.get();
    }

    private void write(long tick) throws InterruptedException {
        for (int attempt = 0; attempt < ATTEMPTS_PER_TICK && stop.getCount() > 0; attempt++) {
            try {
                if (tick % 5 == 0) {
                    calls.incrementAndGet();
                    client.updateFunctionCode(b -> b.functionName(function)
                            .zipFile(SdkBytes.fromByteArray(SampleZips.pythonHandler("outside-" + function + "-" + tick))));
                    codeWrites.incrementAndGet();
                } else {
                    calls.incrementAndGet();
                    GetFunctionConfigurationResponse current = client.getFunctionConfiguration(b -> b
                            .functionName(function));
                    calls.incrementAndGet();
                    client.updateFunctionConfiguration(change(tick, current));
                }
                landed.incrementAndGet();
                return;
            } catch (ResourceConflictException e) {
                refusedWithConflict.incrementAndGet();
            } catch (SdkException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("outside writer interrupted");
                }
                otherErrors.incrementAndGet();
            }
            if (stop.await(100 + random.nextInt(200), TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private UpdateFunctionConfigurationRequest change(long tick, GetFunctionConfigurationResponse current) {
        UpdateFunctionConfigurationRequest.Builder b = UpdateFunctionConfigurationRequest.builder()
                .functionName(function);
        Map<String, String> variables = new HashMap<>();
        if (tick % 3 == 0) {
            b.memorySize(MEMORY[random.nextInt(MEMORY.length)]);
        } else {
            variables.putAll(variablesOf(current));
            b.description("changed by the outside writer, tick " + tick);
        }
        variables.put(VARIABLE, Long.toString(tick));
        return b.environment(Environment.builder().variables(variables).build()).build();
    }

    private static Map<String, String> variablesOf(GetFunctionConfigurationResponse current) {
        if (current.environment() == null || current.environment().variables() == null) {
            return Map.of();
        }
        return current.environment().variables();
    }

    private long jittered(long millis) {
        return (long) (millis * (0.5 + random.nextDouble()));
    }
}
