package io.jenkins.plugins.safelambdaupdate.simulator;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.safelambdaupdate.simulator.internal.AccountQuotas;
import io.jenkins.plugins.safelambdaupdate.simulator.internal.AccountScope;
import io.jenkins.plugins.safelambdaupdate.simulator.internal.FaultInjector;
import io.jenkins.plugins.safelambdaupdate.simulator.internal.FunctionContext;
import io.jenkins.plugins.safelambdaupdate.simulator.internal.FunctionRef;
import io.jenkins.plugins.safelambdaupdate.simulator.internal.FunctionStore;
import io.jenkins.plugins.safelambdaupdate.simulator.internal.HttpFront;
import io.jenkins.plugins.safelambdaupdate.simulator.internal.IdGenerator;
import io.jenkins.plugins.safelambdaupdate.simulator.internal.LambdaError;
import io.jenkins.plugins.safelambdaupdate.simulator.internal.StatsRecorder;
import io.jenkins.plugins.safelambdaupdate.simulator.internal.Timings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * An in-process HTTP emulator of the AWS Lambda control plane: point an AWS SDK or the AWS CLI at
 * {@link #endpoint()} (any credentials) and it answers CreateFunction, GetFunction,
 * GetFunctionConfiguration, UpdateFunctionCode, UpdateFunctionConfiguration, PublishVersion,
 * ListVersionsByFunction, ListFunctions, CreateAlias, GetAlias, UpdateAlias, ListAliases, DeleteAlias and
 * DeleteFunction as AWS does: states
 * that change over time (by the injected clock), 409/412/404/400/413 refusals with AWS's texts,
 * optional account quotas (429) and injected faults.
 *
 * <pre>{@code
 * try (LambdaSimulator sim = LambdaSimulator.builder().updateDelay(Duration.ofMillis(300)).start()) {
 *     LambdaClient lambda = LambdaClient.builder().endpointOverride(sim.endpoint()) ... .build();
 * }
 * }</pre>
 *
 * Thread-safe. Close it to stop the server.
 */
public final class LambdaSimulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LambdaSimulator.class.getName());
    /** Default Pending time after CreateFunction: 1 s (a zip function outside a VPC). */
    public static final Duration DEFAULT_CREATE_DELAY = Duration.ofSeconds(1);
    /** Default InProgress time after an update: 1 s. */
    public static final Duration DEFAULT_UPDATE_DELAY = Duration.ofSeconds(1);
    /** Default Pending time of a new version: 500 ms. */
    public static final Duration DEFAULT_PUBLISH_DELAY = Duration.ofMillis(500);
    /** Default region. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** Default account id. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    /** Default host to bind. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default number of request threads: enough for 64 concurrent clients. */
    public static final int DEFAULT_THREADS = 64;
    /** Default number of calls the call log keeps. */
    public static final int DEFAULT_CALL_LOG_CAPACITY = 100_000;

    static {
        // The JDK server sends headers and body in two packets; without TCP_NODELAY each answer waits for
        // the client's delayed ACK (about 40 ms a call). Read once, when the JDK server's config loads;
        // a value set by the application wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private final AccountScope scope;
    private final Timings timings;
    private final boolean quotas;
    private final FunctionStore store;
    private final FaultInjector faults;
    private final StatsRecorder stats;

    private LambdaSimulator(Builder b) throws IOException {
        this.scope = new AccountScope(b.region, b.accountId);
        this.timings = new Timings(b.createDelay, b.updateDelay, b.publishDelay);
        this.quotas = b.quotas;
        // Separate streams, so that ids drawn do not shift the fault dice of a seeded run.
        this.faults = new FaultInjector(b.seed);
        IdGenerator ids = new IdGenerator(b.seed * 0x9E3779B97F4A7C15L + 1);
        this.stats = new StatsRecorder(b.callLogCapacity);
        this.store = new FunctionStore(new FunctionContext(scope, b.clock, timings, ids, faults));
        b.functions.forEach(this::createFunction);
        HttpFront front = new HttpFront(store, scope, faults, new AccountQuotas(b.quotas, b.clock), stats, ids,
                b.clock);
        this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), b.threads * 2);
        this.executor = Executors.newFixedThreadPool(b.threads, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", front);
        server.start();
        String host = server.getAddress().getHostString();
        this.endpoint = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + server.getAddress().getPort());
    }

    /** @return a builder with the defaults documented on its methods */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the base URI to give an SDK or the AWS CLI, e.g. {@code http://127.0.0.1:41234} */
    public URI endpoint() {
        return endpoint;
    }

    /** @return the region the simulator serves */
    public String region() {
        return scope.region();
    }

    /** @return the account id in every ARN it returns */
    public String accountId() {
        return scope.accountId();
    }

    /** @return Pending time after CreateFunction */
    public Duration createDelay() {
        return timings.createDelay();
    }

    /** @return InProgress time after an update */
    public Duration updateDelay() {
        return timings.updateDelay();
    }

    /** @return Pending time of a new version */
    public Duration publishDelay() {
        return timings.publishDelay();
    }

    /** @return whether the account quotas (GetFunction 100 req/s, other calls 15 req/s) are enforced */
    public boolean quotasEnabled() {
        return quotas;
    }

    /** @return the faults to inject, settable at any time from any thread */
    public Faults faults() {
        return faults;
    }

    /** @return a snapshot of the counters of calls and refusals since start or the last {@link #reset()} */
    public SimulatorStats stats() {
        return stats.snapshot();
    }

    /**
     * @return the most recent HTTP calls, oldest first: at most {@link Builder#callLogCapacity(int)};
     * emptied by {@link #reset()}
     */
    public List<CallRecord> callLog() {
        return stats.log();
    }

    /** Sets the call and refusal counters to zero and empties the call log; functions and faults stay. */
    public void reset() {
        stats.reset();
    }

    /**
     * Reads a function directly, without HTTP (not counted, not throttled). Transitions that are over
     * by the clock are settled first, exactly as a read over HTTP would.
     *
     * @param name a bare name or any other form AWS accepts (a qualifier is ignored)
     * @return the function now, or empty when it does not exist
     * @throws IllegalArgumentException when the name is malformed
     */
    public Optional<FunctionSnapshot> function(String name) {
        return store.snapshot(parseName(name));
    }

    /**
     * Creates a zip function directly, without HTTP, Active at once (no create delay): runtime
     * {@code python3.12}, handler {@code index.handler}, role
     * {@code arn:aws:iam::ACCOUNT:role/simulated-lambda-role}, timeout 3 s, memory 128 MB.
     *
     * @param name a bare function name
     * @param zip  the zip's bytes (CodeSha256 is computed from them)
     * @return the new function
     * @throws IllegalArgumentException when the name is malformed or AWS would refuse the zip
     * @throws IllegalStateException    when a function of that name exists
     */
    public FunctionSnapshot createFunction(String name, byte[] zip) {
        Objects.requireNonNull(zip, "zip cannot be null");
        String bare = parseName(name);
        try {
            return store.createActive(bare, zip);
        } catch (LambdaError refusal) {
            if (refusal.status() == 409) {
                throw new IllegalStateException(refusal.getMessage(), refusal);
            }
            throw new IllegalArgumentException(refusal.getMessage(), refusal);
        }
    }

    /**
     * Stops the server at once: calls in flight are cut off, and the port is released when this returns,
     * even when the calling thread is interrupted (its interrupt flag is kept). Idempotent.
     */
    @Override
    public void close() {
        // An interrupted caller would make HttpServer.stop skip waiting for its dispatcher, which closes the port.
        boolean interrupted = Thread.interrupted();
        try {
            server.stop(0);
            executor.shutdownNow();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("Lambda simulator threads still running 5 s after close");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "LambdaSimulator[" + endpoint + ", " + scope.region() + ", " + scope.accountId() + "]";
    }

    private String parseName(String name) {
        Objects.requireNonNull(name, "name cannot be null");
        try {
            return FunctionRef.parse(name, scope).name();
        } catch (LambdaError refusal) {
            throw new IllegalArgumentException(refusal.getMessage(), refusal);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "lambda-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Configures and starts a {@link LambdaSimulator}. Not thread-safe; every setter returns this builder. */
    public static final class Builder {
        private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");
        private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
        private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

        private String host = DEFAULT_HOST;
        private int port;
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private Duration createDelay = DEFAULT_CREATE_DELAY;
        private Duration updateDelay = DEFAULT_UPDATE_DELAY;
        private Duration publishDelay = DEFAULT_PUBLISH_DELAY;
        private boolean quotas;
        private Clock clock = Clock.systemUTC();
        private long seed = RandomGenerator.getDefault().nextLong();
        private int threads = DEFAULT_THREADS;
        private int callLogCapacity = DEFAULT_CALL_LOG_CAPACITY;
        private final Map<String, byte[]> functions = new LinkedHashMap<>();

        private Builder() {
        }

        /** @param host the address to bind; default {@value #DEFAULT_HOST} (loopback only) */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host cannot be null");
            return this;
        }

        /**
         * @param port the port to bind; default 0, a free port (read it from {@link #endpoint()})
         * @throws IllegalArgumentException outside 0..65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param region the region served; default {@value #DEFAULT_REGION}. An ARN of another region is
         *               answered with 404, as AWS does.
         * @throws IllegalArgumentException when it does not look like a region
         */
        public Builder region(String region) {
            Objects.requireNonNull(region, "region cannot be null");
            if (!REGION.matcher(region).matches()) {
                throw new IllegalArgumentException("not a region: " + region);
            }
            this.region = region;
            return this;
        }

        /**
         * @param accountId twelve digits; default {@value #DEFAULT_ACCOUNT_ID}
         * @throws IllegalArgumentException otherwise
         */
        public Builder accountId(String accountId) {
            Objects.requireNonNull(accountId, "accountId cannot be null");
            if (!ACCOUNT.matcher(accountId).matches()) {
                throw new IllegalArgumentException("an account id is twelve digits, was " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /**
         * @param delay how long a new function stays Pending; default 1 s
         * @throws IllegalArgumentException when negative
         */
        public Builder createDelay(Duration delay) {
            this.createDelay = checkDelay(delay, "createDelay");
            return this;
        }

        /**
         * @param delay how long an update stays InProgress; default 1 s
         * @throws IllegalArgumentException when negative
         */
        public Builder updateDelay(Duration delay) {
            this.updateDelay = checkDelay(delay, "updateDelay");
            return this;
        }

        /**
         * @param delay how long a new version stays Pending; default 500 ms
         * @throws IllegalArgumentException when negative
         */
        public Builder publishDelay(Duration delay) {
            this.publishDelay = checkDelay(delay, "publishDelay");
            return this;
        }

        /**
         * @param enabled enforce the account quotas: GetFunction 100 req/s, every other call 15 req/s
         *                combined, beyond which calls get 429 with {@code Retry-After}; default false
         *                (the {@code simulate} command turns them on by default)
         */
        public Builder quotas(boolean enabled) {
            this.quotas = enabled;
            return this;
        }

        /**
         * @param clock the clock that drives every transition, the quota buckets, LastModified and the call
         *              log; default the system clock in UTC. A clock a test moves makes transitions deterministic.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock cannot be null");
            return this;
        }

        /** @param seed seeds every random source (fault dice, RevisionIds, request ids); default random */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param threads request threads; default {@value #DEFAULT_THREADS}
         * @throws IllegalArgumentException when less than 1
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * @param capacity how many calls {@link #callLog()} keeps (older ones are dropped); default
         *                 {@value #DEFAULT_CALL_LOG_CAPACITY}; 0 keeps none
         * @throws IllegalArgumentException when negative
         */
        public Builder callLogCapacity(int capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("capacity cannot be negative, was " + capacity);
            }
            this.callLogCapacity = capacity;
            return this;
        }

        /**
         * Creates a function at start, as {@link LambdaSimulator#createFunction(String, byte[])} does
         * (Active at once).
         *
         * @param name a bare function name
         * @param zip  its code (checked at {@link #start()})
         * @throws IllegalArgumentException when the name is not 1 to 64 letters, digits, hyphens or underscores
         */
        public Builder function(String name, byte[] zip) {
            Objects.requireNonNull(name, "name cannot be null");
            if (!FUNCTION_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a function name: '" + name
                        + "' (1 to 64 letters, digits, hyphens or underscores)");
            }
            functions.put(name, Objects.requireNonNull(zip, "zip cannot be null").clone());
            return this;
        }

        /**
         * Starts the simulator.
         *
         * @return the running simulator; close it to stop
         * @throws UncheckedIOException     when the address cannot be bound
         * @throws IllegalArgumentException when a pre-created function is refused
         */
        public LambdaSimulator start() {
            try {
                return new LambdaSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Lambda simulator on " + host + ":" + port, e);
            }
        }

        private static Duration checkDelay(Duration delay, String name) {
            Objects.requireNonNull(delay, name + " cannot be null");
            if (delay.isNegative()) {
                throw new IllegalArgumentException(name + " cannot be negative, was " + delay);
            }
            return delay;
        }
    }
}
