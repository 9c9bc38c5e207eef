package io.jenkins.plugins.safelambdaupdate.simulator;

import static io.jenkins.plugins.safelambdaupdate.simulator.SdkRefusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListAliasesResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * ListAliases, DeleteAlias and ListFunctions through the real SDK. Routes, parameters and page tokens: botocore's
 * data/lambda/2015-03-31/service-2.json and paginators-1.json; behaviour: responses recorded against AWS in
 * localstack's tests/aws/services/lambda_/test_lambda_api.snapshot.json (TestLambdaAlias::test_alias_lifecycle,
 * ::test_non_existent_alias_deletion, TestLambdaFunction::test_list_functions).
 */
class ListAndDeleteOperationsTest extends ManualClockTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders";

    @Test
    void aliasesAreListedByNameFilteredByVersionAndPaged() {
        createActive("orders", TestZips.zip("v1"));
        lambda.publishVersion(r -> r.functionName("orders"));
        lambda.createAlias(r -> r.functionName("orders").name("live").functionVersion("1"));
        lambda.createAlias(r -> r.functionName("orders").name("beta").functionVersion("$LATEST"));
        lambda.createAlias(r -> r.functionName("orders").name("canary").functionVersion("1"));

        ListAliasesResponse all = lambda.listAliases(r -> r.functionName("orders"));
        assertThat(all.aliases()).extracting(AliasConfiguration::name).containsExactly("beta", "canary", "live");
        assertThat(all.aliases()).extracting(AliasConfiguration::aliasArn)
                .containsExactly(ARN + ":beta", ARN + ":canary", ARN + ":live");
        assertThat(all.nextMarker()).isNull();

        assertThat(lambda.listAliases(r -> r.functionName(ARN).functionVersion("1")).aliases())
                .extracting(AliasConfiguration::name).containsExactly("canary", "live");

        ListAliasesResponse first = lambda.listAliases(r -> r.functionName("orders").maxItems(2));
        assertThat(first.aliases()).extracting(AliasConfiguration::name).containsExactly("beta", "canary");
        assertThat(first.nextMarker()).isNotNull();
        ListAliasesResponse second = lambda.listAliases(r -> r.functionName("orders").maxItems(2)
                .marker(first.nextMarker()));
        assertThat(second.aliases()).extracting(AliasConfiguration::name).containsExactly("live");
        assertThat(second.nextMarker()).isNull();
        assertThat(lambda.listAliasesPaginator(r -> r.functionName("orders").maxItems(1)).aliases().stream()
                .map(AliasConfiguration::name).toList()).containsExactly("beta", "canary", "live");
    }

    @Test
    void deleteAliasRemovesItAndIsIdempotent() {
        createActive("orders", TestZips.zip("v1"));
        lambda.createAlias(r -> r.functionName("orders").name("live").functionVersion("$LATEST"));

        assertThat(lambda.deleteAlias(r -> r.functionName("orders").name("live")).sdkHttpResponse().statusCode())
                .isEqualTo(204);
        assertRefused(() -> lambda.getAlias(r -> r.functionName("orders").name("live")),
                ResourceNotFoundException.class, 404, "Cannot find alias arn: " + ARN + ":live");
        // A missing alias: 204 again (recorded: test_non_existent_alias_deletion).
        assertThat(lambda.deleteAlias(r -> r.functionName("orders").name("live")).sdkHttpResponse().statusCode())
                .isEqualTo(204);
        assertRefused(() -> lambda.deleteAlias(r -> r.functionName("nope").name("live")),
                ResourceNotFoundException.class, 404,
                "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
    }

    @Test
    void functionsAreListedInPagesWithAllVersionsOnRequest() {
        createActive("orders", TestZips.zip("v1"));
        createActive("billing", TestZips.zip("v1"));
        createActive("audit", TestZips.zip("v1"));
        lambda.publishVersion(r -> r.functionName("orders"));

        ListFunctionsResponse first = lambda.listFunctions(r -> r.maxItems(2));
        assertThat(first.functions()).extracting(FunctionConfiguration::functionName).containsExactly("audit", "billing");
        ListFunctionsResponse second = lambda.listFunctions(r -> r.maxItems(2).marker(first.nextMarker()));
        assertThat(second.functions()).extracting(FunctionConfiguration::functionArn).containsExactly(ARN);
        assertThat(second.nextMarker()).isNull();
        assertThat(second.functions().get(0).state()).as("list items leave State out").isNull();

        List<String> all = lambda.listFunctionsPaginator(r -> r.functionVersion("ALL").maxItems(1)).functions()
                .stream().map(FunctionConfiguration::functionArn).toList();
        assertThat(all).contains(ARN + ":$LATEST", ARN + ":1").hasSize(4);
        assertThat(simulator.stats().calls("ListFunctions")).isEqualTo(2 + 4);
    }
}
