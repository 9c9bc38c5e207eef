package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.testing.Dynalite;
import io.jenkins.plugins.safelambdaupdate.testing.ManualTimeSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The DynamoDB lock against a real DynamoDB-compatible server (dynalite): hosts are providers with their own owner. */
@Execution(ExecutionMode.CONCURRENT) // each test has its own lock table
class DynamoDbLockProviderTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:locked-fn";

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private DynamoDbClient client;
    private String table;

    @BeforeEach
    void setUp() {
        client = DYNALITE.client();
        table = DYNALITE.newLockTable();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private LockProvider host(String owner) {
        return host(owner, TimeSource.system());
    }

    private LockProvider host(String owner, TimeSource time) {
        return LockProviders.dynamoDb(client, DynamoDbLockSettings.builder().tableName(table).ownerName(owner)
                .leaseDuration(Duration.ofSeconds(2)).heartbeatPeriod(Duration.ofMillis(500))
                .refreshPeriod(Duration.ofMillis(100)).build(), time);
    }

    @Test
    void aWaitersTimeoutIsMeasuredOnTheInjectedTime() throws Exception {
        ManualTimeSource time = new ManualTimeSource();
        try (FunctionLock held = host("host a").acquire(ARN, Duration.ofSeconds(5), h -> { })) {
            BlockingQueue<String> told = new LinkedBlockingQueue<>();
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    outcome.set(host("host b", time).acquire(ARN, Duration.ofMinutes(10), told::add));
                } catch (Exception e) {
                    outcome.set(e);
                }
            });
            waiter.start();
            assertThat(told.poll(30, TimeUnit.SECONDS)).isEqualTo("host a");
            // Ten minutes pass on the waiter's time: its next read of the item (one refresh period) ends the wait.
            time.advance(Duration.ofMinutes(10));
            waiter.join(30_000);
            assertThat(waiter.isAlive()).isFalse();
            assertThat(outcome.get()).isInstanceOfSatisfying(LockTimeoutException.class, e ->
                    assertThat(e).hasMessageContaining("held by host a"));
            assertThat(held.name()).isEqualTo(ARN);
        }
    }

    @Test
    void aWaiterOnAnotherHostIsToldTheHolderAndGetsTheLockWhenItIsReleased() throws Exception {
        FunctionLock held = host("host a, build #1").acquire(ARN, Duration.ofSeconds(5), h -> { });
        BlockingQueue<String> told = new LinkedBlockingQueue<>();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try (FunctionLock lock = host("host b, build #2").acquire(ARN, Duration.ofMinutes(1), told::add)) {
                outcome.set(lock.name());
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        waiter.start();
        assertThat(told.poll(30, TimeUnit.SECONDS)).isEqualTo("host a, build #1");
        assertThat(outcome.get()).isNull();
        held.close();
        waiter.join(30_000);
        assertThat(outcome.get()).isEqualTo(ARN);
        assertThat(told).isEmpty(); // told once: the holder did not change
    }

    @Test
    void theHolderKeepsItsLeaseBeyondOneLeaseThroughHeartbeats() throws Exception {
        try (FunctionLock held = host("host a").acquire(ARN, Duration.ofSeconds(5), h -> { })) {
            List<String> told = new CopyOnWriteArrayList<>();
            // Waits three leases: an unrenewed lease would have expired twice over.
            assertThatThrownBy(() -> host("host b").acquire(ARN, Duration.ofSeconds(6), told::add))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining(ARN).hasMessageContaining(table).hasMessageContaining("held by host a");
            assertThat(told).containsExactly("host a");
            assertThat(held.name()).isEqualTo(ARN);
        }
    }

    @Test
    void aWaiterStopsAtOnceWhenInterruptedAndKeepsTheFlag() throws Exception {
        try (FunctionLock held = host("host a").acquire(ARN, Duration.ofSeconds(5), h -> { })) {
            BlockingQueue<String> told = new LinkedBlockingQueue<>();
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    outcome.set(host("host b").acquire(ARN, Duration.ofMinutes(5), told::add));
                } catch (Exception e) {
                    outcome.set(List.of(e, Thread.currentThread().isInterrupted()));
                }
            });
            waiter.start();
            assertThat(told.poll(30, TimeUnit.SECONDS)).isEqualTo("host a");
            waiter.interrupt();
            waiter.join(30_000);
            assertThat(waiter.isAlive()).isFalse();
            assertThat(outcome.get()).asList().satisfies(l -> {
                assertThat(l.get(0)).isInstanceOf(InterruptedException.class);
                assertThat(l.get(1)).isEqualTo(true);
            });
        }
        // The interrupted waiter left nothing behind: the lock is free at once.
        try (FunctionLock again = host("host c").acquire(ARN, Duration.ofSeconds(5), h -> {
            throw new AssertionError("nobody holds it, but told " + h);
        })) {
            assertThat(again.name()).isEqualTo(ARN);
        }
    }

    @Test
    void anInterruptedHolderStillFreesTheFunctionAtOnce() throws Exception {
        FunctionLock held = host("host a").acquire(ARN, Duration.ofSeconds(5), h -> { });
        Thread.currentThread().interrupt();
        try {
            held.close();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        try (FunctionLock next = host("host b").acquire(ARN, Duration.ofSeconds(5), h -> {
            throw new AssertionError("released, but told " + h);
        })) {
            assertThat(next.name()).isEqualTo(ARN);
        }
    }

    @Test
    void threadsOfOneHostQueueLocallyAndAllGetTheLock() throws Exception {
        LockProvider host = host("host a");
        List<String> order = new CopyOnWriteArrayList<>();
        List<Thread> threads = new java.util.ArrayList<>();
        FunctionLock first = host.acquire(ARN, Duration.ofSeconds(5), h -> { });
        for (int i = 0; i < 3; i++) {
            String name = "deployer-" + i;
            Thread t = new Thread(() -> {
                try (FunctionLock lock = host.acquire(ARN, Duration.ofMinutes(1), h -> { })) {
                    order.add(name);
                } catch (Exception e) {
                    order.add(name + " failed: " + e);
                }
            }, name);
            threads.add(t);
            t.start();
        }
        first.close();
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertThat(order).containsExactlyInAnyOrder("deployer-0", "deployer-1", "deployer-2");
    }

    @Test
    void aMissingTableIsNamedWithTheCommandThatCreatesIt() {
        LockProvider provider = LockProviders.dynamoDb(client, DynamoDbLockSettings.builder()
                .tableName("no-such-table").build());
        assertThatThrownBy(() -> provider.acquire(ARN, Duration.ofSeconds(5), h -> { }))
                .isInstanceOfSatisfying(LockTableException.class,
                        e -> assertThat(e.tableName()).isEqualTo("no-such-table"))
                .hasMessageContaining("'no-such-table' does not exist")
                .hasMessageContaining("safe-lambda-update lock-table create --table no-such-table");
    }

    @Test
    void creatingTheTableIsIdempotentAndATableWithAnotherSchemaIsRefused() {
        assertThat(DynamoDbLockTable.create(client, table)).isFalse();
        assertThat(DynamoDbLockTable.create(client, "fresh-" + table)).isTrue();
        client.createTable(r -> r.tableName("other-" + table)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
        assertThatThrownBy(() -> DynamoDbLockTable.create(client, "other-" + table))
                .isInstanceOf(LockTableException.class).hasMessageContaining("'other-" + table + "' exists but is no "
                        + "lock table");
        assertThatThrownBy(() -> DynamoDbLockTable.create(client, "a b"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.parameter().engineName()).isEqualTo("lockTable"));
    }

    @Test
    void accessDeniedNamesTheTableAndThePermissionsNeeded() {
        // dynalite does not authorize, so this is what DynamoDB answers, as the SDK reports it.
        DynamoDbException denied = (DynamoDbException) DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                        .errorMessage("User: arn:aws:iam::123456789012:user/ci is not authorized to perform: "
                                + "dynamodb:GetItem").build()).build();
        LockTableException e = io.jenkins.plugins.safelambdaupdate.internal.lock.LockTableErrors
                .translate("deploy-locks", "lock " + ARN + " in", denied);
        assertThat(e.getMessage()).startsWith("Access to DynamoDB lock table 'deploy-locks' denied")
                .contains("dynamodb:GetItem, PutItem, UpdateItem and DeleteItem");
    }
}
