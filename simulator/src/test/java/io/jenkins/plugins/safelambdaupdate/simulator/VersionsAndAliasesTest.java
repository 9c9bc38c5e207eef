package io.jenkins.plugins.safelambdaupdate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;

/** PublishVersion, ListVersionsByFunction, aliases and version deletion through the real SDK. */
class VersionsAndAliasesTest extends ManualClockTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders";

    @Test
    void aPublishedVersionIsPendingForThePublishDelayThenActive() {
        createActive("orders", TestZips.zip("v1"));
        String latestBefore = simulator.function("orders").orElseThrow().revisionId();

        PublishVersionResponse published = lambda.publishVersion(r -> r.functionName("orders")
                .codeSha256(TestZips.sha256(TestZips.zip("v1"))).description("first"));

        assertThat(published.sdkHttpResponse().statusCode()).isEqualTo(201);
        assertThat(published.version()).isEqualTo("1");
        assertThat(published.functionArn()).isEqualTo(ARN + ":1");
        assertThat(published.description()).isEqualTo("first");
        assertThat(published.state()).isEqualTo(State.PENDING);
        assertThat(simulator.function("orders").orElseThrow().revisionId()).as("publishing changes $LATEST's RevisionId")
                .isNotEqualTo(latestBefore);

        clock.advance(PUBLISH);
        var active = lambda.getFunctionConfiguration(r -> r.functionName("orders").qualifier("1"));
        assertThat(active.state()).isEqualTo(State.ACTIVE);
        assertThat(active.functionArn()).isEqualTo(ARN + ":1");
        assertThat(active.revisionId()).isNotEqualTo(published.revisionId());
    }

    @Test
    void publishingAgainWithNothingChangedReturnsTheLatestVersion() {
        createActive("orders", TestZips.zip("v1"));
        PublishVersionResponse first = lambda.publishVersion(r -> r.functionName("orders"));

        PublishVersionResponse again = lambda.publishVersion(r -> r.functionName("orders"));

        assertThat(again.version()).isEqualTo(first.version()).isEqualTo("1");
        assertThat(simulator.function("orders").orElseThrow().versions()).hasSize(1);

        lambda.updateFunctionConfiguration(r -> r.functionName("orders").memorySize(1024));
        clock.advance(UPDATE);
        assertThat(lambda.publishVersion(r -> r.functionName("orders")).version()).isEqualTo("2");
    }

    @Test
    void versionsAreListedLatestFirstThenAscendingInPages() {
        createActive("orders", TestZips.zip("v1"));
        for (int i = 2; i <= 4; i++) {
            lambda.publishVersion(r -> r.functionName("orders"));
            byte[] next = TestZips.zip("v" + i);
            lambda.updateFunctionCode(r -> r.functionName("orders").zipFile(SdkBytes.fromByteArray(next)));
            clock.advance(UPDATE);
        }

        ListVersionsByFunctionResponse first = lambda.listVersionsByFunction(r -> r.functionName("orders").maxItems(2));
        assertThat(first.versions()).extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1");
        assertThat(first.nextMarker()).isNotNull();
        ListVersionsByFunctionResponse second = lambda.listVersionsByFunction(r -> r.functionName("orders")
                .maxItems(2).marker(first.nextMarker()));
        assertThat(second.versions()).extracting(FunctionConfiguration::version).containsExactly("2", "3");
        assertThat(second.nextMarker()).isNull();

        List<String> all = lambda.listVersionsByFunctionPaginator(r -> r.functionName("orders").maxItems(1))
                .versions().stream().map(FunctionConfiguration::version).toList();
        assertThat(all).containsExactly("$LATEST", "1", "2", "3");
        assertThat(simulator.stats().calls("ListVersionsByFunction")).isEqualTo(2 + 4);
    }

    @Test
    void publishFlagsOnCreateAndUpdateReturnTheNewVersion() {
        var created = lambda.createFunction(SdkClients.create("orders", TestZips.zip("v1")).publish(true).build());
        assertThat(created.version()).isEqualTo("1");
        assertThat(created.functionArn()).isEqualTo(ARN + ":1");
        clock.advance(CREATE);

        byte[] v2 = TestZips.zip("v2");
        var updated = lambda.updateFunctionCode(r -> r.functionName("orders").publish(true)
                .zipFile(SdkBytes.fromByteArray(v2)));
        assertThat(updated.version()).isEqualTo("2");
        assertThat(updated.codeSha256()).isEqualTo(TestZips.sha256(v2));
        assertThat(updated.state()).isEqualTo(State.PENDING);

        clock.advance(UPDATE.plus(PUBLISH));
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("orders:2")).state()).isEqualTo(State.ACTIVE);
    }

    @Test
    void aliasesAreCreatedReadMovedAndReadThrough() {
        createActive("orders", TestZips.zip("v1"));
        lambda.publishVersion(r -> r.functionName("orders"));

        CreateAliasResponse created = lambda.createAlias(r -> r.functionName("orders").name("live")
                .functionVersion("1").description("production"));
        assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);
        assertThat(created.aliasArn()).isEqualTo(ARN + ":live");
        assertThat(created.functionVersion()).isEqualTo("1");
        assertThat(created.revisionId()).isNotBlank();

        GetAliasResponse read = lambda.getAlias(r -> r.functionName(ARN).name("live"));
        assertThat(read.description()).isEqualTo("production");
        assertThat(read.revisionId()).isEqualTo(created.revisionId());

        byte[] v2 = TestZips.zip("v2");
        lambda.updateFunctionCode(r -> r.functionName("orders").zipFile(SdkBytes.fromByteArray(v2)));
        clock.advance(UPDATE);
        lambda.publishVersion(r -> r.functionName("orders"));
        UpdateAliasResponse moved = lambda.updateAlias(r -> r.functionName("orders").name("live").functionVersion("2")
                .revisionId(created.revisionId())
                .routingConfig(c -> c.additionalVersionWeights(Map.of("1", 0.1))));
        assertThat(moved.functionVersion()).isEqualTo("2");
        assertThat(moved.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("1", 0.1));
        assertThat(moved.revisionId()).isNotEqualTo(created.revisionId());

        var throughAlias = lambda.getFunctionConfiguration(r -> r.functionName("orders").qualifier("live"));
        assertThat(throughAlias.version()).isEqualTo("2");
        assertThat(throughAlias.functionArn()).isEqualTo(ARN + ":live");
        assertThat(throughAlias.codeSha256()).isEqualTo(TestZips.sha256(v2));
    }

    @Test
    void anAliasMustPointAtAnExistingVersion() {
        createActive("orders", TestZips.zip("v1"));

        assertThatThrownBy(() -> lambda.createAlias(r -> r.functionName("orders").name("live").functionVersion("3")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Function not found: " + ARN + ":3");
    }

    @Test
    void aVersionIsDeletedUnlessAnAliasRoutesToIt() {
        createActive("orders", TestZips.zip("v1"));
        lambda.publishVersion(r -> r.functionName("orders"));
        lambda.createAlias(r -> r.functionName("orders").name("live").functionVersion("1"));

        assertThatThrownBy(() -> lambda.deleteFunction(r -> r.functionName("orders").qualifier("1")))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageStartingWith("Unable to delete version because the following aliases reference it: [live]");

        lambda.updateAlias(r -> r.functionName("orders").name("live").functionVersion("$LATEST"));
        lambda.deleteFunction(r -> r.functionName("orders").qualifier("1"));
        assertThat(simulator.function("orders").orElseThrow().versions()).isEmpty();
        assertThat(lambda.getFunction(r -> r.functionName("orders")).configuration().version()).isEqualTo("$LATEST");
    }
}
