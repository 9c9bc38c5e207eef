package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };

    @Test
    void holdsOneSecondOfTokensAndRefillsAtTheRate() {
        TokenBucket bucket = new TokenBucket(10, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.tryAcquire()).isZero();
        }
        assertThat(bucket.tryAcquire()).as("nanos until the next token").isEqualTo(100_000_000L);

        now = now.plusMillis(100);
        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isPositive();

        now = now.plusSeconds(60);
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.tryAcquire()).isZero();
        }
        assertThat(bucket.tryAcquire()).as("never more than one second of tokens").isPositive();
    }

    @Test
    void aClockSteppingBackDoesNotDrainTheBucket() {
        TokenBucket bucket = new TokenBucket(2, clock);
        now = now.minusSeconds(5);

        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isZero();
    }
}
