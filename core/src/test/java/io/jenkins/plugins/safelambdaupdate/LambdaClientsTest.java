package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.lambda.LambdaClient;

@Timeout(30)
class LambdaClientsTest {

    @Test
    void buildsAClientFromAnAwsEnvironment() {
        try (LambdaSimulator sim = LambdaSimulator.builder().function("fn", SimulatedAws.zip("x")).start();
             LambdaClient client = LambdaClients.builder()
                     .environment(AwsEnvironment.of(Map.of("AWS_ACCESS_KEY_ID", "AKIDTEST", "AWS_SECRET_ACCESS_KEY",
                             "secret", "AWS_REGION", sim.region(), "AWS_ENDPOINT_URL", sim.endpoint().toString())))
                     .requestRateLimit(RequestRateLimiter.lambdaQuotas())
                     .build()) {
            assertThat(client.getFunction(b -> b.functionName("fn")).configuration().functionName()).isEqualTo("fn");
            assertThat(sim.stats().calls("GetFunction")).isEqualTo(1);
        }
    }

    @Test
    void needsARegion() {
        assertThatThrownBy(() -> LambdaClients.builder().build())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter().engineName()).isEqualTo("region"));
    }

    /** The one assembly every front end uses: each setting resolved in one place, and checked there. */
    @Test
    void settingsAreResolvedAndCheckedInOnePlace() {
        FunctionReference fullArn = FunctionReference.parse("arn:aws:lambda:eu-west-1:123456789012:function:fn");
        AwsEnvironment none = AwsEnvironment.of(Map.of());
        assertThat(LambdaClients.builder().environment(none).function(fullArn).build().serviceClientConfiguration()
                .region().id()).as("the region of a full ARN").isEqualTo("eu-west-1");
        assertThat(LambdaClients.builder().environment(AwsEnvironment.of(Map.of("AWS_DEFAULT_REGION", "us-west-2")))
                .function(fullArn).build().serviceClientConfiguration().region().id())
                .as("the environment before the ARN").isEqualTo("us-west-2");
        assertThat(LambdaClients.builder().environment(AwsEnvironment.of(Map.of("AWS_REGION", "us-west-2")))
                .function(fullArn).region("ap-south-1").build().serviceClientConfiguration().region().id())
                .as("the parameter first").isEqualTo("ap-south-1");

        assertThatThrownBy(() -> LambdaClients.builder().region("Mars-1").build())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter().engineName()).isEqualTo("region"));
        assertThatThrownBy(() -> LambdaClients.builder().environment(AwsEnvironment.of(Map.of("AWS_REGION", "nowhere")))
                .build()).as("no second, unchecked way to a region")
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter().engineName()).isEqualTo("region"));
        assertThatThrownBy(() -> LambdaClients.builder().region("us-east-1").endpointUrl("ftp://example.com").build())
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.parameter().engineName()).isEqualTo("endpointUrl"));
        assertThatThrownBy(() -> LambdaClients.builder().region("us-east-1").profile(" ").build())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter().engineName()).isEqualTo("profile"));
    }

    /** A real forwarding proxy between the client and the simulator: calls go through it unless its host is bypassed. */
    @Test
    void callsGoThroughTheProxyUnlessLambdasHostIsBypassed() throws Exception {
        try (LambdaSimulator sim = LambdaSimulator.builder().function("fn", SimulatedAws.zip("x")).start();
             io.jenkins.plugins.safelambdaupdate.testing.CuttableProxy proxy =
                     new io.jenkins.plugins.safelambdaupdate.testing.CuttableProxy(sim.endpoint())) {
            HttpProxy through = HttpProxy.of("127.0.0.1", proxy.endpoint().getPort(), "ci", "proxy-secret", null);
            try (LambdaClient client = LambdaClients.builder().region(sim.region()).endpointUrl(sim.endpoint().toString())
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b")))
                    .proxy(through).build()) {
                assertThat(client.getFunction(b -> b.functionName("fn")).configuration().functionName()).isEqualTo("fn");
            }
            int viaProxy = proxy.connections();
            assertThat(viaProxy).as("connections through the proxy").isPositive();

            HttpProxy bypassed = HttpProxy.of("127.0.0.1", proxy.endpoint().getPort(), null, null,
                    "*.internal.example, 127.0.0.*");
            try (LambdaClient client = LambdaClients.builder().region(sim.region()).endpointUrl(sim.endpoint().toString())
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b")))
                    .proxy(bypassed).build()) {
                client.getFunction(b -> b.functionName("fn"));
            }
            assertThat(proxy.connections()).as("a bypassed host is reached directly").isEqualTo(viaProxy);
            assertThat(through.toString()).doesNotContain("proxy-secret");
        }
    }

    @Test
    void proxyBypassPatternsAreJenkinsWildcards() {
        HttpProxy proxy = HttpProxy.of("proxy.example.com", 3128, null, null, "*.amazonaws.com|intranet\n10.0.*");
        assertThat(proxy.appliesTo("lambda.eu-west-1.amazonaws.com")).isFalse();
        assertThat(proxy.appliesTo("INTRANET")).isFalse();
        assertThat(proxy.appliesTo("10.0.3.4")).isFalse();
        assertThat(proxy.appliesTo("intranet.example.com")).isTrue();
        assertThat(proxy.appliesTo("amazonaws.com.evil.example")).isTrue();
        assertThatThrownBy(() -> HttpProxy.of("proxy.example.com", 0, null, null, null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter().engineName()).isEqualTo("proxy"));
    }

    @Test
    void theHttpClientHookSeesTheBuilderBeforeTheClientIsBuilt() {
        AtomicReference<Object> seen = new AtomicReference<>();
        LambdaClients.builder().region("us-east-1").httpClient(seen::set).build().close();
        assertThat(seen.get()).isInstanceOf(software.amazon.awssdk.http.apache.ApacheHttpClient.Builder.class);
    }

    @Test
    void theRateLimiterBlocksInterruptiblyAndKeepsTheFlag() throws Exception {
        RequestRateLimiter limiter = RequestRateLimiter.of(100, 1);
        limiter.acquire("UpdateFunctionCode"); // the burst
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread blocked = new Thread(() -> {
            try {
                for (int i = 0; i < 10; i++) {
                    limiter.acquire("PublishVersion");
                }
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        });
        blocked.start();
        blocked.interrupt();
        blocked.join(10_000);
        assertThat(blocked.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void anInterruptedCallerIsAbortedBeforeSending() throws Exception {
        try (LambdaSimulator sim = LambdaSimulator.builder().function("fn", SimulatedAws.zip("x")).start();
             LambdaClient client = LambdaClients.builder().region(sim.region()).endpointOverride(sim.endpoint())
                     .credentialsProvider(AwsEnvironment.of(Map.of("AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b"))
                             .credentials().orElseThrow())
                     .requestRateLimit(RequestRateLimiter.of(100, 0.001))
                     .build()) {
            client.updateFunctionConfiguration(b -> b.functionName("fn").memorySize(256)); // uses the only token
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    client.updateFunctionConfiguration(b -> b.functionName("fn").memorySize(512));
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });
            caller.start();
            caller.interrupt();
            caller.join(10_000);
            assertThat(thrown.get()).isInstanceOf(AbortedException.class);
            assertThat(sim.stats().calls("UpdateFunctionConfiguration")).isEqualTo(1);
        }
    }

    @Test
    void rateLimitsArePositiveAndTheFirstRequestNeverWaits() throws Exception {
        assertThatThrownBy(() -> RequestRateLimiter.of(0, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RequestRateLimiter.of(100, 0.001).acquire("UpdateAlias")).isEqualTo(Duration.ZERO);
    }
}
