package io.jenkins.plugins.safelambdaupdate.bench.soak;

import io.jenkins.plugins.safelambdaupdate.simulator.Faults;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every so often (on average {@code every}) makes the next update of a random function end
 * {@code LastUpdateStatus=Failed}, whoever sends it: a deployer or the outside writer.
 */
final class UpdateFailurePlanner implements Runnable {
    private static final List<String> REASON_CODES = List.of("InternalError", "InvalidConfiguration",
            "EniLimitExceeded", "SubnetOutOfIPAddresses");

    private final Faults faults;
    private final List<String> functions;
    private final Duration every;
    private final Random random;
    private final CountDownLatch stop;
    private final AtomicInteger armed = new AtomicInteger();

    UpdateFailurePlanner(Faults faults, List<String> functions, Duration every, long seed, CountDownLatch stop) {
        this.faults = faults;
        this.functions = List.copyOf(functions);
        this.every = every;
        this.random = new Random(seed);
        this.stop = stop;
    }

    @Override
    public void run() {
        try {
            while (!stop.await((long) (every.toMillis() * (0.5 + random.nextDouble())), TimeUnit.MILLISECONDS)) {
                faults.failNextUpdate(functions.get(random.nextInt(functions.size())),
                        REASON_CODES.get(random.nextInt(REASON_CODES.size())));
                armed.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return how many failures were planned */
    int armed() {
        return armed.get();
    }
}
