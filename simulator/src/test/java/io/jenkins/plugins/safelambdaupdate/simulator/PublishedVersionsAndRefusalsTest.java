package io.jenkins.plugins.safelambdaupdate.simulator;

import static io.jenkins.plugins.safelambdaupdate.simulator.SdkRefusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Published versions are immutable, and the refusals and idempotent answers AWS gives around them, via the SDK. */
class PublishedVersionsAndRefusalsTest extends ManualClockTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders";
    /**
     * AWS's answer to an update addressed to a version (recorded: appleboy/lambda-action issue #6, "Current operation
     * does not support versions other than $LATEST"; full text as the ASK CLI printed it from Lambda).
     */
    private static final String ONLY_LATEST = "Current operation does not support versions other than $LATEST. "
            + "Please set the version to $LATEST or do not set a version in your request.";
    /** AWS's wording, recorded in e.g. cds-snc/notification-terraform PR #419 and aws/aws-cdk PR #28048. */
    private static final String RESERVED = "Lambda was unable to configure your environment variables because the "
            + "environment variables you have provided contains reserved keys that are currently not supported for "
            + "modification. Reserved keys used in this request: ";

    @Test
    void updatesAddressedToAPublishedVersionOrAnAliasAreRefusedAndLatestStays() {
        createActive("orders", TestZips.zip("v1"));
        lambda.publishVersion(r -> r.functionName("orders"));
        lambda.createAlias(r -> r.functionName("orders").name("live").functionVersion("1"));
        FunctionSnapshot before = simulator.function("orders").orElseThrow();
        SdkBytes v2 = SdkBytes.fromByteArray(TestZips.zip("v2"));

        for (String qualified : new String[] {"orders:1", ARN + ":1", "123456789012:function:orders:1", "orders:live"}) {
            assertRefused(() -> lambda.updateFunctionConfiguration(r -> r.functionName(qualified).timeout(9)),
                    InvalidParameterValueException.class, 400, ONLY_LATEST);
            assertRefused(() -> lambda.updateFunctionCode(r -> r.functionName(qualified).zipFile(v2)),
                    InvalidParameterValueException.class, 400, ONLY_LATEST);
        }

        FunctionSnapshot after = simulator.function("orders").orElseThrow();
        assertThat(after.latest()).isEqualTo(before.latest());
        assertThat(after.versions()).isEqualTo(before.versions());
        // $LATEST spelled out is $LATEST itself, and is accepted.
        lambda.updateFunctionConfiguration(r -> r.functionName("orders:$LATEST").timeout(9));
        assertThat(simulator.function("orders").orElseThrow().latest().timeout()).isEqualTo(9);
    }

    @Test
    void aChangedDescriptionAloneMakesANewVersion() {
        // Recorded against AWS: localstack test_lambda_api.snapshot.json, TestLambdaVersions::test_version_lifecycle
        // (a Description-only UpdateFunctionConfiguration, then PublishVersion -> version 2; PublishVersion with
        // only a new Description of its own -> version 2 again).
        createActive("orders", TestZips.zip("v1"));
        assertThat(lambda.publishVersion(r -> r.functionName("orders").description("first")).version()).isEqualTo("1");

        lambda.updateFunctionConfiguration(r -> r.functionName("orders").description("second"));
        clock.advance(UPDATE);
        var second = lambda.publishVersion(r -> r.functionName("orders"));
        assertThat(second.version()).isEqualTo("2");
        assertThat(second.description()).isEqualTo("second");

        var third = lambda.publishVersion(r -> r.functionName("orders").description("third"));
        assertThat(third.version()).isEqualTo("2");
        assertThat(third.description()).isEqualTo("second");
    }

    @Test
    void reservedEnvironmentVariablesAreRefusedOnCreateAndUpdate() {
        // The reserved names: AWS documentation, "Working with Lambda environment variables", defined runtime
        // environment variables (docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html).
        Map<String, String> two = new LinkedHashMap<>();
        two.put("STAGE", "prod");
        two.put("AWS_ACCESS_KEY_ID", "x");
        two.put("AWS_SECRET_ACCESS_KEY", "y");
        ThrowingCallable create = () -> lambda.createFunction(SdkClients.create("orders", TestZips.zip("v1"))
                .environment(e -> e.variables(two)).build());
        assertRefused(create, InvalidParameterValueException.class, 400,
                RESERVED + "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY");
        assertThat(simulator.function("orders")).isEmpty();

        createActive("orders", TestZips.zip("v1"));
        for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_SESSION_TOKEN",
                "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_RUNTIME_API", "_HANDLER", "LAMBDA_TASK_ROOT"}) {
            assertRefused(() -> lambda.updateFunctionConfiguration(r -> r.functionName("orders")
                    .environment(e -> e.variables(Map.of(name, "v")))),
                    InvalidParameterValueException.class, 400, RESERVED + name);
        }
        assertThat(simulator.function("orders").orElseThrow().latest().environment()).isEmpty();
        lambda.updateFunctionConfiguration(r -> r.functionName("orders")
                .environment(e -> e.variables(Map.of("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR"))));
    }

    @Test
    void deletingAVersionThatDoesNotExistIsNoError() {
        // Recorded against AWS: localstack test_lambda_api.snapshot.json, TestLambdaFunction::
        // test_delete_on_nonexisting_version ("delete function on a random qualifier is idempotent"); once the
        // function is gone, 404 naming the unqualified ARN even with a qualifier.
        createActive("orders", TestZips.zip("v1"));

        assertThat(lambda.deleteFunction(r -> r.functionName("orders").qualifier("1233")).sdkHttpResponse().statusCode())
                .isEqualTo(204);
        assertThat(lambda.deleteFunction(r -> r.functionName("orders").qualifier("1233")).sdkHttpResponse().statusCode())
                .isEqualTo(204);
        assertThat(simulator.function("orders")).isPresent();

        lambda.deleteFunction(r -> r.functionName("orders"));
        assertRefused(() -> lambda.deleteFunction(r -> r.functionName("orders").qualifier("1233")),
                ResourceNotFoundException.class, 404, "Function not found: " + ARN);
    }

    @Test
    void updatingAMissingAliasIsWordedAsUpdateAliasWordsIt() {
        // Recorded against AWS: localstack test_lambda_api.snapshot.json, TestLambdaAlias::
        // test_non_existent_alias_update ("Alias not found: ..."), unlike GetAlias ("Cannot find alias arn: ...").
        createActive("orders", TestZips.zip("v1"));

        assertRefused(() -> lambda.updateAlias(r -> r.functionName("orders").name("non-existent")),
                ResourceNotFoundException.class, 404, "Alias not found: " + ARN + ":non-existent");
    }
}
