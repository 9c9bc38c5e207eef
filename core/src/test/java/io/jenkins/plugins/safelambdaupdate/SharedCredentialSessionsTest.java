package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.testing.ManualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Role sessions shared per credential: one per definition however many deployments use it, replaced when the
 * definition changes, closed when idle and at shutdown; each session stands for one STS client.
 */
class SharedCredentialSessionsTest {
    private final ManualTimeSource time = new ManualTimeSource(Instant.parse("2026-12-03T08:00:00Z"));
    /** Every session opened (as the plugin's: an STS client), in order. */
    private final List<FakeStsSession> opened = new CopyOnWriteArrayList<>();
    private final SharedCredentialSessions sessions = new SharedCredentialSessions(Duration.ofHours(1), time);

    /** Stands for one STS client and its renewing AssumeRole session; counts the AssumeRole calls. */
    private final class FakeStsSession implements SharedCredentialSessions.Session {
        final String name;
        final AtomicInteger assumed = new AtomicInteger();
        final RenewingCredentials credentials;
        volatile boolean closed;

        FakeStsSession(String name) {
            this.name = name;
            this.credentials = RenewingCredentials.of(() -> {
                int n = assumed.incrementAndGet();
                return AwsSessionCredentials.create("ASIA-" + name + "-" + n, "secret", "token");
            }, Duration.ofHours(1), time);
        }

        @Override
        public AwsCredentials resolveCredentials() {
            assertThat(closed).as("a closed session is never used").isFalse();
            return credentials.resolveCredentials();
        }

        @Override
        public void close() {
            closed = true;
            credentials.close();
        }
    }

    private FakeStsSession open(String name) {
        FakeStsSession session = new FakeStsSession(name);
        opened.add(session);
        return session;
    }

    @Test
    void deploymentsWithOneCredentialShareOneSessionAndOneAssumeRole() {
        for (int deployment = 0; deployment < 5; deployment++) {
            assertThat(sessions.provider("deployer", "v1", () -> open("deployer")).resolveCredentials().accessKeyId())
                    .isEqualTo("ASIA-deployer-1");
        }
        sessions.provider("other", "v1", () -> open("other"));

        assertThat(opened).extracting(s -> s.name).containsExactly("deployer", "other");
        assertThat(opened.get(0).assumed).hasValue(1);
        assertThat(sessions.openSessions()).isEqualTo(2);
    }

    @Test
    void aChangedDefinitionClosesTheOldSessionAndOpensANewOne() {
        var before = sessions.provider("deployer", "v1", () -> open("old"));
        var after = sessions.provider("deployer", "v2", () -> open("new"));

        assertThat(opened.get(0).closed).isTrue();
        assertThat(after.resolveCredentials().accessKeyId()).isEqualTo("ASIA-new-1");
        assertThat(sessions.openSessions()).isEqualTo(1);
        assertThat(before).isNotNull();
    }

    @Test
    void anIdleSessionIsClosedAndOpenedAgainWhenItsHolderUsesItLater() {
        var waitingLong = sessions.provider("deployer", "v1", () -> open("first"));
        time.advance(Duration.ofMinutes(61));

        sessions.provider("other", "v1", () -> open("other"));
        assertThat(opened.get(0).closed).as("idle for more than an hour").isTrue();
        assertThat(sessions.openSessions()).isEqualTo(1);

        // A deployment that waited all that time for its lock still gets credentials: a new session.
        assertThat(waitingLong.resolveCredentials().accessKeyId()).startsWith("ASIA-first-");
        assertThat(opened).hasSize(3);
        assertThat(opened.get(2).closed).isFalse();
    }

    @Test
    void closingClosesEverySessionAndRefusesFurtherUse() {
        var provider = sessions.provider("deployer", "v1", () -> open("deployer"));
        sessions.provider("other", "v1", () -> open("other"));

        sessions.close();

        assertThat(opened).allSatisfy(s -> assertThat(s.closed).isTrue());
        assertThat(sessions.openSessions()).isZero();
        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentDeploymentsOpenOneSession() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> {
                    start.await();
                    return sessions.provider("deployer", "v1", () -> open("deployer")).resolveCredentials()
                            .accessKeyId();
                });
            }
            List<Future<String>> results = new ArrayList<>();
            tasks.forEach(t -> results.add(pool.submit(t)));
            start.countDown();
            for (Future<String> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("ASIA-deployer-1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).assumed).hasValue(1);
    }
}
