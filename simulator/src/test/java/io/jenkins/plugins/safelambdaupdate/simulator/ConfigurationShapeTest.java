package io.jenkins.plugins.safelambdaupdate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.EphemeralStorage;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.LogFormat;
import software.amazon.awssdk.services.lambda.model.LoggingConfig;
import software.amazon.awssdk.services.lambda.model.RuntimeVersionConfig;
import software.amazon.awssdk.services.lambda.model.SnapStartOptimizationStatus;
import software.amazon.awssdk.services.lambda.model.SnapStartResponse;
import software.amazon.awssdk.services.lambda.model.TracingConfigResponse;
import software.amazon.awssdk.services.lambda.model.TracingMode;

/**
 * What every function configuration carries, what list items leave out, and the words of an update in progress,
 * through the real SDK. Source for every fact here: responses recorded against AWS in localstack's
 * tests/aws/services/lambda_/test_lambda_api.snapshot.json (TestLambdaFunction::test_function_lifecycle,
 * TestLambdaVersions::test_publish_version_on_create, ::test_version_lifecycle), with the shapes of botocore's
 * data/lambda/2015-03-31/service-2.json (FunctionConfiguration, TracingConfigResponse, EphemeralStorage,
 * SnapStartResponse, LoggingConfig, RuntimeVersionConfig).
 */
class ConfigurationShapeTest extends ManualClockTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders";

    @Test
    void everyConfigurationCarriesWhatAwsAlwaysReturns() {
        var created = lambda.createFunction(SdkClients.create("orders", TestZips.zip("v1")).build());
        clock.advance(CREATE);
        var function = lambda.getFunction(r -> r.functionName("orders")).configuration();
        var configuration = lambda.getFunctionConfiguration(r -> r.functionName("orders"));
        var updated = lambda.updateFunctionConfiguration(r -> r.functionName("orders").timeout(9));
        clock.advance(UPDATE);
        var published = lambda.publishVersion(r -> r.functionName("orders"));

        assertAlwaysReturned(created.tracingConfig(), created.ephemeralStorage(), created.snapStart(),
                created.loggingConfig(), created.runtimeVersionConfig());
        assertAlwaysReturned(function.tracingConfig(), function.ephemeralStorage(), function.snapStart(),
                function.loggingConfig(), function.runtimeVersionConfig());
        assertAlwaysReturned(configuration.tracingConfig(), configuration.ephemeralStorage(),
                configuration.snapStart(), configuration.loggingConfig(), configuration.runtimeVersionConfig());
        assertAlwaysReturned(updated.tracingConfig(), updated.ephemeralStorage(), updated.snapStart(),
                updated.loggingConfig(), updated.runtimeVersionConfig());
        assertAlwaysReturned(published.tracingConfig(), published.ephemeralStorage(), published.snapStart(),
                published.loggingConfig(), published.runtimeVersionConfig());
    }

    @Test
    void anUpdateInProgressIsWordedAsAwsWordsIt() {
        var created = lambda.createFunction(SdkClients.create("orders", TestZips.zip("v1")).build());
        // Right after CreateFunction: Pending with the creation's reason, and no LastUpdateStatus yet.
        assertThat(created.stateReason()).isEqualTo("The function is being created.");
        assertThat(created.stateReasonCodeAsString()).isEqualTo("Creating");
        assertThat(created.lastUpdateStatus()).isNull();
        clock.advance(CREATE);

        var codeUpdate = lambda.updateFunctionCode(r -> r.functionName("orders")
                .zipFile(SdkBytes.fromByteArray(TestZips.zip("v2"))));
        var read = lambda.getFunction(r -> r.functionName("orders")).configuration();

        assertThat(codeUpdate.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThat(codeUpdate.lastUpdateStatusReason()).isEqualTo("The function is being created.");
        assertThat(codeUpdate.lastUpdateStatusReasonCodeAsString()).isEqualTo("Creating");
        assertThat(read.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThat(read.lastUpdateStatusReason()).isEqualTo("The function is being created.");
        assertThat(read.lastUpdateStatusReasonCodeAsString()).isEqualTo("Creating");
        clock.advance(UPDATE);
        var done = lambda.getFunctionConfiguration(r -> r.functionName("orders"));
        assertThat(done.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(done.lastUpdateStatusReason()).isNull();
        assertThat(done.lastUpdateStatusReasonCode()).isNull();
    }

    @Test
    void listedVersionsLeaveOutStateAndGiveLatestItsQualifiedArn() {
        createActive("orders", TestZips.zip("v1"));
        lambda.publishVersion(r -> r.functionName("orders"));
        clock.advance(PUBLISH);

        List<FunctionConfiguration> versions = lambda.listVersionsByFunction(r -> r.functionName("orders")).versions();

        assertThat(versions).extracting(FunctionConfiguration::functionArn).containsExactly(ARN + ":$LATEST", ARN + ":1");
        for (FunctionConfiguration item : versions) {
            assertThat(item.state()).isNull();
            assertThat(item.stateReason()).isNull();
            assertThat(item.lastUpdateStatus()).isNull();
            assertThat(item.lastUpdateStatusReason()).isNull();
            assertThat(item.runtimeVersionConfig()).isNull();
            assertThat(item.tracingConfig().mode()).isEqualTo(TracingMode.PASS_THROUGH);
            assertThat(item.loggingConfig().logGroup()).isEqualTo("/aws/lambda/orders");
            assertThat(item.revisionId()).isNotBlank();
        }
        // GetFunction with Qualifier=$LATEST names $LATEST in the ARN; without a qualifier it does not.
        assertThat(lambda.getFunction(r -> r.functionName("orders").qualifier("$LATEST")).configuration().functionArn())
                .isEqualTo(ARN + ":$LATEST");
        assertThat(lambda.getFunction(r -> r.functionName("orders")).configuration().functionArn()).isEqualTo(ARN);
    }

    private static void assertAlwaysReturned(TracingConfigResponse tracing, EphemeralStorage storage,
                                             SnapStartResponse snapStart, LoggingConfig logging,
                                             RuntimeVersionConfig runtime) {
        assertThat(tracing.mode()).isEqualTo(TracingMode.PASS_THROUGH);
        assertThat(storage.size()).isEqualTo(512);
        assertThat(snapStart.applyOn()).isEqualTo(SnapStartApplyOn.NONE);
        assertThat(snapStart.optimizationStatus()).isEqualTo(SnapStartOptimizationStatus.OFF);
        assertThat(logging.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(logging.logGroup()).isEqualTo("/aws/lambda/orders");
        assertThat(runtime.runtimeVersionArn()).matches("arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}");
    }
}
