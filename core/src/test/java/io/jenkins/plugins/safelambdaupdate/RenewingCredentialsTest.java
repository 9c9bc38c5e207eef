package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.safelambdaupdate.testing.ManualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** An assumed role's session of one hour, on a manual time source: loaded once, and again before it expires. */
class RenewingCredentialsTest {
    private final ManualTimeSource time = new ManualTimeSource(Instant.parse("2026-12-03T08:00:00Z"));
    private final AtomicInteger assumed = new AtomicInteger();

    private AwsCredentials assumeRole() {
        int session = assumed.incrementAndGet();
        return AwsSessionCredentials.create("ASIA" + session, "secret-" + session, "token-" + session);
    }

    @Test
    void aSessionIsLoadedOnceThenAgainBeforeItExpires() {
        try (RenewingCredentials credentials = RenewingCredentials.of(this::assumeRole, Duration.ofHours(1), time)) {
            assertThat(assumed).as("nothing loaded before first use").hasValue(0);
            assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("ASIA1");

            time.advance(Duration.ofMinutes(30)); // a long wait for the lock
            assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("ASIA1");
            assertThat(assumed).hasValue(1);

            // 59.5 minutes: past the stale time (1 minute before expiry), every caller gets a new session. (Between
            // 55 and 59 minutes the first caller may already have, depending on the SDK's jittered prefetch.)
            time.advance(Duration.ofSeconds(29 * 60 + 30));
            assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("ASIA2");
            assertThat(assumed).hasValue(2);

            time.advance(Duration.ofMinutes(30));
            assertThat(credentials.resolveCredentials().accessKeyId()).as("the new session lasts its own hour")
                    .isEqualTo("ASIA2");
        }
    }

    @Test
    void shortSessionsRenewInProportion() {
        try (RenewingCredentials credentials = RenewingCredentials.of(this::assumeRole, Duration.ofMinutes(4), time)) {
            credentials.resolveCredentials();
            time.advance(Duration.ofSeconds(60));
            credentials.resolveCredentials();
            assertThat(assumed).hasValue(1);
            time.advance(Duration.ofSeconds(160)); // 3 min 40 s: past the stale time, 24 s (a tenth) before expiry
            credentials.resolveCredentials();
            assertThat(assumed).hasValue(2);
        }
    }
}
