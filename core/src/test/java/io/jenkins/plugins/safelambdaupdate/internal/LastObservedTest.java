package io.jenkins.plugins.safelambdaupdate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;

/** The run's last observed state comes from the values its reads and updates return, with when it saw them. */
class LastObservedTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void keepsTheLatestValueTheRunSawAndWhen() {
        LastObserved observed = new LastObserved(Clock.fixed(AT, ZoneOffset.UTC));
        assertThat(observed.status()).as("nothing seen yet").isNull();

        FunctionConfiguration read = FunctionConfiguration.builder().functionArn("arn:fn").state("Active")
                .lastUpdateStatus("Successful").codeSha256("old=").revisionId("r1").build();
        assertThat(observed.read(read)).isSameAs(read);
        observed.read(null);
        assertThat(observed.status().revisionId()).as("a null read changes nothing").isEqualTo("r1");

        observed.updated(UpdateFunctionCodeResponse.builder().functionArn("arn:fn").state("Active")
                .lastUpdateStatus("InProgress").codeSha256("new=").revisionId("r2").build());
        FunctionStatus status = observed.status();
        assertThat(status.lastUpdateStatus()).isEqualTo("InProgress");
        assertThat(status.codeSha256()).isEqualTo("new=");
        assertThat(status.revisionId()).isEqualTo("r2");
        assertThat(status.readAt()).contains(AT);
    }
}
