package io.jenkins.plugins.safelambdaupdate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/** States over time, RevisionIds and the fields of FunctionConfiguration, through the real SDK. */
class LifecycleTest extends ManualClockTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders";
    private final byte[] v1 = TestZips.zip("print('v1')");
    private final byte[] v2 = TestZips.zip("print('v2')");

    @Test
    void createdFunctionIsPendingForTheCreateDelayThenActive() {
        CreateFunctionResponse created = lambda.createFunction(SdkClients.create("orders", v1)
                .description("order service").timeout(30).memorySize(256)
                .environment(e -> e.variables(Map.of("STAGE", "test"))).build());

        assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);
        assertThat(created.functionName()).isEqualTo("orders");
        assertThat(created.functionArn()).isEqualTo(ARN);
        assertThat(created.version()).isEqualTo("$LATEST");
        assertThat(created.codeSha256()).isEqualTo(TestZips.sha256(v1));
        assertThat(created.codeSize()).isEqualTo(v1.length);
        assertThat(created.state()).isEqualTo(State.PENDING);
        assertThat(created.stateReasonCodeAsString()).isEqualTo("Creating");
        assertThat(created.stateReason()).isEqualTo("The function is being created.");
        assertThat(created.packageType()).isEqualTo(PackageType.ZIP);
        assertThat(created.lastModified()).isEqualTo("2025-11-27T10:15:30.123+0000");
        assertThat(created.runtimeAsString()).isEqualTo("python3.12");
        assertThat(created.handler()).isEqualTo("index.handler");
        assertThat(created.role()).isEqualTo(SdkClients.ROLE);
        assertThat(created.description()).isEqualTo("order service");
        assertThat(created.timeout()).isEqualTo(30);
        assertThat(created.memorySize()).isEqualTo(256);
        assertThat(created.environment().variables()).containsExactly(Map.entry("STAGE", "test"));
        assertThat(created.revisionId()).isNotBlank();

        clock.advance(CREATE.minusMillis(1));
        assertThat(lambda.getFunction(r -> r.functionName("orders")).configuration().state()).isEqualTo(State.PENDING);

        clock.advance(java.time.Duration.ofMillis(1));
        GetFunctionResponse active = lambda.getFunction(r -> r.functionName("orders"));
        assertThat(active.configuration().state()).isEqualTo(State.ACTIVE);
        assertThat(active.configuration().stateReasonCode()).isNull();
        assertThat(active.configuration().lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(active.configuration().revisionId()).as("Pending→Active issues a new RevisionId")
                .isNotEqualTo(created.revisionId());
        assertThat(active.code().repositoryType()).isEqualTo("S3");
        assertThat(active.code().location()).isNotBlank();
    }

    @Test
    void codeUpdateIsInProgressForTheUpdateDelayThenSuccessful() {
        createActive("orders", v1);
        String before = lambda.getFunction(r -> r.functionName("orders")).configuration().revisionId();

        UpdateFunctionCodeResponse updated = lambda.updateFunctionCode(r -> r.functionName("orders")
                .zipFile(SdkBytes.fromByteArray(v2)));

        assertThat(updated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThat(updated.state()).isEqualTo(State.ACTIVE);
        assertThat(updated.codeSha256()).isEqualTo(TestZips.sha256(v2));
        assertThat(updated.revisionId()).isNotEqualTo(before);
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("orders")).lastUpdateStatus())
                .isEqualTo(LastUpdateStatus.IN_PROGRESS);

        clock.advance(UPDATE);
        GetFunctionConfigurationResponse settled = lambda.getFunctionConfiguration(r -> r.functionName("orders"));
        assertThat(settled.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(settled.codeSha256()).isEqualTo(TestZips.sha256(v2));
        assertThat(settled.revisionId()).as("InProgress→Successful issues a new RevisionId")
                .isNotEqualTo(updated.revisionId());
        assertThat(simulator.function("orders").orElseThrow().revisionId()).isEqualTo(settled.revisionId());
    }

    @Test
    void configurationUpdateAppliesEveryModelledField() {
        createActive("orders", v1);

        UpdateFunctionConfigurationResponse updated = lambda.updateFunctionConfiguration(r -> r
                .functionName("orders").role("arn:aws:iam::123456789012:role/other").handler("app.main")
                .description("v2").timeout(60).memorySize(512).runtime("python3.13")
                .environment(e -> e.variables(Map.of("A", "1", "B", "2")))
                .layers("arn:aws:lambda:us-east-1:123456789012:layer:libs:3"));

        assertThat(updated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        clock.advance(UPDATE);
        GetFunctionConfigurationResponse settled = lambda.getFunctionConfiguration(r -> r.functionName("orders"));
        assertThat(settled.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(settled.role()).isEqualTo("arn:aws:iam::123456789012:role/other");
        assertThat(settled.handler()).isEqualTo("app.main");
        assertThat(settled.description()).isEqualTo("v2");
        assertThat(settled.timeout()).isEqualTo(60);
        assertThat(settled.memorySize()).isEqualTo(512);
        assertThat(settled.runtimeAsString()).isEqualTo("python3.13");
        assertThat(settled.environment().variables()).containsOnly(Map.entry("A", "1"), Map.entry("B", "2"));
        assertThat(settled.layers()).singleElement().satisfies(layer -> {
            assertThat(layer.arn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:layer:libs:3");
            assertThat(layer.codeSize()).isZero();
        });
        assertThat(settled.codeSha256()).as("configuration updates keep the code").isEqualTo(TestZips.sha256(v1));
    }

    @Test
    void injectedFailureEndsTheUpdateFailedAndKeepsThePreviousCodeLive() {
        createActive("orders", v1);
        simulator.faults().failNextUpdate("orders", "InvalidZipFileException", "Bad zip.");

        UpdateFunctionCodeResponse updated = lambda.updateFunctionCode(r -> r.functionName("orders")
                .zipFile(SdkBytes.fromByteArray(v2)));
        assertThat(updated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);

        clock.advance(UPDATE);
        GetFunctionConfigurationResponse failed = lambda.getFunctionConfiguration(r -> r.functionName("orders"));
        assertThat(failed.lastUpdateStatus()).isEqualTo(LastUpdateStatus.FAILED);
        assertThat(failed.lastUpdateStatusReasonCodeAsString()).isEqualTo("InvalidZipFileException");
        assertThat(failed.lastUpdateStatusReason()).isEqualTo("Bad zip.");
        assertThat(failed.state()).isEqualTo(State.ACTIVE);
        assertThat(failed.codeSha256()).isEqualTo(TestZips.sha256(v1));
        assertThat(failed.revisionId()).isNotEqualTo(updated.revisionId());

        // The fault is used once: a fresh update is allowed and succeeds.
        lambda.updateFunctionCode(r -> r.functionName("orders").zipFile(SdkBytes.fromByteArray(v2)));
        clock.advance(UPDATE);
        GetFunctionConfigurationResponse fixed = lambda.getFunctionConfiguration(r -> r.functionName("orders"));
        assertThat(fixed.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
        assertThat(fixed.lastUpdateStatusReasonCode()).isNull();
        assertThat(fixed.codeSha256()).isEqualTo(TestZips.sha256(v2));
    }

    @Test
    void injectedCreateFailureEndsFailed() {
        simulator.faults().failNextCreate("orders", "InvalidRuntime", "The runtime is not supported.");
        lambda.createFunction(SdkClients.create("orders", v1).build());
        clock.advance(CREATE);

        GetFunctionConfigurationResponse failed = lambda.getFunctionConfiguration(r -> r.functionName("orders"));
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.stateReasonCodeAsString()).isEqualTo("InvalidRuntime");
        assertThat(failed.stateReason()).isEqualTo("The runtime is not supported.");
    }

    @Test
    void everyFormOfTheNameReachesTheSameFunction() {
        createActive("orders", v1);
        String revision = lambda.getFunction(r -> r.functionName("orders")).configuration().revisionId();

        for (String form : new String[] {ARN, ARN + ":$LATEST", "123456789012:function:orders",
                "123456789012:function:orders:$LATEST", "orders:$LATEST"}) {
            GetFunctionConfigurationResponse read = lambda.getFunctionConfiguration(r -> r.functionName(form));
            // An explicit $LATEST is reported in the ARN, as AWS does (moto, responses.py _set_configuration_qualifier).
            assertThat(read.functionArn()).as(form).isEqualTo(form.endsWith(":$LATEST") ? ARN + ":$LATEST" : ARN);
            assertThat(read.revisionId()).as(form).isEqualTo(revision);
        }
        lambda.updateFunctionConfiguration(r -> r.functionName(ARN).description("via ARN"));
        assertThat(simulator.function("123456789012:function:orders").orElseThrow().latest().description())
                .isEqualTo("via ARN");
    }

    @Test
    void imageFunctionsGetADeterministicCodeSha256FromTheImageUri() {
        String image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1";
        lambda.createFunction(r -> r.functionName("img").role(SdkClients.ROLE).packageType(PackageType.IMAGE)
                .code(c -> c.imageUri(image)));
        clock.advance(CREATE);

        GetFunctionResponse read = lambda.getFunction(r -> r.functionName("img"));
        assertThat(read.configuration().packageType()).isEqualTo(PackageType.IMAGE);
        assertThat(read.configuration().codeSha256())
                .isEqualTo(TestZips.sha256(image.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(read.code().repositoryType()).isEqualTo("ECR");
        assertThat(read.code().imageUri()).isEqualTo(image);
        assertThat(read.code().resolvedImageUri()).startsWith(image.replace(":1", "") + "@sha256:");
    }

    @Test
    void s3CodeGetsADeterministicCodeSha256FromBucketKeyAndVersion() {
        createActive("orders", v1);
        lambda.updateFunctionCode(r -> r.functionName("orders").s3Bucket("b").s3Key("k.zip").s3ObjectVersion("7"));

        assertThat(simulator.function("orders").orElseThrow().codeSha256())
                .isEqualTo(TestZips.sha256("s3://b/k.zip?versionId=7".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void deleteFunctionRemovesIt() {
        createActive("orders", v1);

        var deleted = lambda.deleteFunction(r -> r.functionName("orders"));

        assertThat(deleted.sdkHttpResponse().statusCode()).isEqualTo(204);
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("orders")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(simulator.function("orders")).isEmpty();
    }

    @Test
    void javaPreCreatedFunctionsAreActiveAtOnce() {
        FunctionSnapshot created = simulator.createFunction("billing", v1);

        assertThat(created.state()).isEqualTo("Active");
        assertThat(created.lastUpdateStatus()).isEqualTo("Successful");
        GetFunctionConfigurationResponse read = lambda.getFunctionConfiguration(r -> r.functionName("billing"));
        assertThat(read.state()).isEqualTo(State.ACTIVE);
        assertThat(read.codeSha256()).isEqualTo(TestZips.sha256(v1)).isEqualTo(created.codeSha256());
        assertThat(simulator.stats().calls("CreateFunction")).as("not an HTTP call").isZero();
        assertThatThrownBy(() -> simulator.createFunction("billing", v1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Function already exist: billing");
        assertThatThrownBy(() -> simulator.createFunction("bad name", v1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameSeedAndClockGiveTheSameRevisionIds() {
        try (LambdaSimulator twin = LambdaSimulator.builder().clock(new MutableClock()).seed(42).start()) {
            assertThat(twin.createFunction("orders", v1).revisionId())
                    .isEqualTo(simulator.createFunction("orders", v1).revisionId());
        }
    }
}
