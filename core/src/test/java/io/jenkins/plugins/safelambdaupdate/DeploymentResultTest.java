package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentResultTest {

    @Test
    void toMapHoldsOnlyPlainData() {
        DeploymentResult result = DeploymentResult.builder()
                .functionArn("arn:aws:lambda:us-east-1:123456789012:function:f")
                .version("7").alias("live").revisionId("r").codeSha256("abc=")
                .skipped(EnumSet.of(Phase.CONFIGURATION))
                .lockWait(Duration.ofMillis(1500))
                .phaseDurations(Map.of(Phase.CODE, Duration.ofMillis(1200), Phase.PUBLISH, Duration.ofMillis(300)))
                .retries(List.of(new Retry(Phase.CODE, RetryCause.CONFLICT, 1, Duration.ofMillis(100)),
                        new Retry(Phase.CODE, RetryCause.CONFLICT, 2, Duration.ofMillis(100)),
                        new Retry(Phase.PUBLISH, RetryCause.THROTTLED, 1, Duration.ofMillis(100))))
                .apiCalls(Map.of("GetFunction", 4, "UpdateFunctionCode", 1))
                .total(Duration.ofSeconds(3))
                .build();
        Map<String, Object> map = result.toMap();
        assertThat(map).containsEntry("functionArn", "arn:aws:lambda:us-east-1:123456789012:function:f")
                .containsEntry("version", "7").containsEntry("alias", "live").containsEntry("revisionId", "r")
                .containsEntry("codeSha256", "abc=").containsEntry("skipped", List.of("CONFIGURATION"))
                .containsEntry("lockWaitMillis", 1500L).containsEntry("retries", 3)
                .containsEntry("retriesByCause", Map.of("CONFLICT", 2, "THROTTLED", 1))
                .containsEntry("apiCalls", Map.of("GetFunction", 4, "UpdateFunctionCode", 1))
                .containsEntry("durations", Map.of("CODE", 1200L, "PUBLISH", 300L));
        assertPlain(map);
    }

    @Test
    void leavesOutAbsentVersionAndAlias() {
        DeploymentResult result = DeploymentResult.builder().functionArn("arn").build();
        assertThat(result.version()).isEmpty();
        assertThat(result.toMap()).doesNotContainKeys("version", "alias");
    }

    private static void assertPlain(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                assertThat(k).isInstanceOf(String.class);
                assertPlain(v);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(DeploymentResultTest::assertPlain);
        } else {
            assertThat(value).isInstanceOfAny(String.class, Number.class, Boolean.class);
        }
    }
}
