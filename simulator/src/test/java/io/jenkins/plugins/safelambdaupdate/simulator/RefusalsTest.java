package io.jenkins.plugins.safelambdaupdate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static io.jenkins.plugins.safelambdaupdate.simulator.SdkRefusals.assertRefused;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ServiceException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Every refusal of reference §2 through the real SDK: exception class, HTTP status and exact message. */
class RefusalsTest extends ManualClockTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders";
    private static final String STALE = "The Revision Id provided does not match the latest Revision Id. "
            + "Call the GetFunction/GetAlias API to retrieve the latest Revision Id";
    private final byte[] v1 = TestZips.zip("print('v1')");
    private final byte[] v2 = TestZips.zip("print('v2')");

    @Test
    void mutationsOfAPendingFunctionAreRefusedWith409() {
        lambda.createFunction(SdkClients.create("orders", v1).build());
        String pending = "The operation cannot be performed at this time. The resource " + ARN
                + " is currently in the following state: 'Pending'. StateReasonCode: 'Creating'";

        assertRefused(this::updateCode, ResourceConflictException.class, 409, pending);
        assertRefused(() -> lambda.updateFunctionConfiguration(r -> r.functionName("orders").timeout(9)),
                ResourceConflictException.class, 409, pending);
        assertRefused(() -> lambda.publishVersion(r -> r.functionName("orders")),
                ResourceConflictException.class, 409, pending);
        assertThat(simulator.stats().refusals("ResourceConflictException")).isEqualTo(3);
    }

    @Test
    void mutationsDuringAnUpdateAreRefusedWith409() {
        createActive("orders", v1);
        updateCode();
        String inProgress = "The operation cannot be performed at this time. An update is in progress for resource: "
                + ARN;

        assertRefused(this::updateCode, ResourceConflictException.class, 409, inProgress);
        assertRefused(() -> lambda.updateFunctionConfiguration(r -> r.functionName("orders").timeout(9)),
                ResourceConflictException.class, 409, inProgress);
        assertRefused(() -> lambda.publishVersion(r -> r.functionName("orders")),
                ResourceConflictException.class, 409, inProgress);

        clock.advance(UPDATE);
        updateCode(); // accepted once the update is over
    }

    @Test
    void theOlderConflictWordingCanBeChosen() {
        createActive("orders", v1);
        simulator.faults().legacyConflictMessage(true);
        updateCode();

        assertRefused(this::updateCode, ResourceConflictException.class, 409,
                "The function could not be updated due to a concurrent update operation.");
    }

    @Test
    void aStaleRevisionIdIsRefusedWith412ByEveryOperationThatTakesOne() {
        createActive("orders", v1);
        String stale = lambda.getFunction(r -> r.functionName("orders")).configuration().revisionId();
        lambda.updateFunctionConfiguration(r -> r.functionName("orders").description("someone else"));
        clock.advance(UPDATE);

        assertRefused(() -> lambda.updateFunctionCode(r -> r.functionName("orders").revisionId(stale)
                .zipFile(SdkBytes.fromByteArray(v2))), PreconditionFailedException.class, 412, STALE);
        assertRefused(() -> lambda.updateFunctionConfiguration(r -> r.functionName("orders").revisionId(stale)
                .timeout(9)), PreconditionFailedException.class, 412, STALE);
        assertRefused(() -> lambda.publishVersion(r -> r.functionName("orders").revisionId(stale)),
                PreconditionFailedException.class, 412, STALE);

        String fresh = lambda.getFunction(r -> r.functionName("orders")).configuration().revisionId();
        lambda.updateFunctionConfiguration(r -> r.functionName("orders").revisionId(fresh).timeout(9));
    }

    @Test
    void aStaleAliasRevisionIdIsRefusedWith412() {
        createActive("orders", v1);
        lambda.publishVersion(r -> r.functionName("orders"));
        String stale = lambda.createAlias(r -> r.functionName("orders").name("live").functionVersion("1"))
                .revisionId();
        lambda.updateAlias(r -> r.functionName("orders").name("live").description("moved"));

        assertRefused(() -> lambda.updateAlias(r -> r.functionName("orders").name("live").functionVersion("$LATEST")
                .revisionId(stale)), PreconditionFailedException.class, 412, STALE);
    }

    @Test
    void publishingWithAnotherCodeSha256IsRefusedWith400() {
        createActive("orders", v1);
        String other = TestZips.sha256(v2);

        assertRefused(() -> lambda.publishVersion(r -> r.functionName("orders").codeSha256(other)),
                InvalidParameterValueException.class, 400, "CodeSHA256 (" + other + ") is different from current "
                        + "CodeSHA256 in $LATEST (" + TestZips.sha256(v1) + "). Please try again with the CodeSHA256 "
                        + "in $LATEST.");
    }

    @Test
    void unknownFunctionsVersionsAndAliasesAre404() {
        createActive("orders", v1);

        assertRefused(() -> lambda.getFunction(r -> r.functionName("nope")), ResourceNotFoundException.class, 404,
                "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
        assertRefused(() -> lambda.getFunctionConfiguration(r -> r.functionName("nope")),
                ResourceNotFoundException.class, 404,
                "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
        assertRefused(() -> lambda.updateFunctionCode(r -> r.functionName("nope").zipFile(SdkBytes.fromByteArray(v1))),
                ResourceNotFoundException.class, 404,
                "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
        assertRefused(() -> lambda.getFunction(r -> r.functionName("orders").qualifier("7")),
                ResourceNotFoundException.class, 404, "Function not found: " + ARN + ":7");
        assertRefused(() -> lambda.getAlias(r -> r.functionName("orders").name("live")),
                ResourceNotFoundException.class, 404, "Cannot find alias arn: " + ARN + ":live");
        assertRefused(() -> lambda.getFunction(r -> r.functionName("210987654321:function:orders")),
                ResourceNotFoundException.class, 404,
                "Function not found: arn:aws:lambda:us-east-1:210987654321:function:orders");
    }

    @Test
    void anArnOfAnotherRegionIs404() {
        createActive("orders", v1);

        assertRefused(() -> lambda.getFunction(r -> r.functionName(ARN.replace("us-east-1", "eu-west-1"))),
                ResourceNotFoundException.class, 404,
                "Functions from 'eu-west-1' are not reachable in this region ('us-east-1')");
    }

    @Test
    void aQualifierClashIs400() {
        createActive("orders", v1);
        lambda.publishVersion(r -> r.functionName("orders"));

        assertRefused(() -> lambda.getFunction(r -> r.functionName("orders:1").qualifier("$LATEST")),
                InvalidParameterValueException.class, 400,
                "The derived qualifier from the function name does not match the specified qualifier.");
        assertThat(lambda.getFunction(r -> r.functionName("orders:1").qualifier("1")).configuration().version())
                .isEqualTo("1");
    }

    @Test
    void existingFunctionsAndAliasesAre409() {
        createActive("orders", v1);
        lambda.createAlias(r -> r.functionName("orders").name("live").functionVersion("$LATEST"));

        assertRefused(() -> lambda.createFunction(SdkClients.create("orders", v2).build()),
                ResourceConflictException.class, 409, "Function already exist: orders");
        assertRefused(() -> lambda.createAlias(r -> r.functionName("orders").name("live").functionVersion("$LATEST")),
                ResourceConflictException.class, 409, "Alias already exists: " + ARN + ":live");
    }

    @Test
    void aZipOverFiftyMebibytesIs413() {
        createActive("orders", v1);
        byte[] huge = new byte[52_428_801];

        LambdaException refused = assertRefused(() -> lambda.updateFunctionCode(r -> r.functionName("orders")
                .zipFile(SdkBytes.fromByteArrayUnsafe(huge))), LambdaException.class, 413,
                "Zipped size must be smaller than 52428800 bytes");
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
    }

    @Test
    void aZipThatUnzipsBeyond250MegabytesIs400() {
        byte[] bomb = TestZips.zipOfZeros(262_144_001L);

        assertRefused(() -> lambda.createFunction(SdkClients.create("orders", bomb).build()),
                InvalidParameterValueException.class, 400, "Unzipped size must be smaller than 262144000 bytes");
        assertThat(simulator.function("orders")).isEmpty();
        lambda.createFunction(SdkClients.create("orders", TestZips.zipOfZeros(262_144_000L)).build());
    }

    @Test
    void bytesThatAreNotAZipAre400() {
        createActive("orders", v1);

        assertRefused(() -> lambda.updateFunctionCode(r -> r.functionName("orders")
                        .zipFile(SdkBytes.fromUtf8String("this is not a zip"))), InvalidParameterValueException.class, 400,
                "Could not unzip uploaded file. Please check your file, then try to upload again.");
        assertThat(simulator.function("orders").orElseThrow().codeSha256()).isEqualTo(TestZips.sha256(v1));
    }

    @Test
    void throttlingIs429WithRetryAfter() {
        simulator.faults().throttleRate(1.0);

        TooManyRequestsException refused = assertRefused(() -> lambda.getFunction(r -> r.functionName("orders")),
                TooManyRequestsException.class, 429, "Rate exceeded");
        assertThat(refused.retryAfterSeconds()).isEqualTo("1");
        assertThat(refused.reasonAsString()).isEqualTo("CallerRateLimitExceeded");
        assertThat(refused.type()).isEqualTo("User");
    }

    @Test
    void injectedServerErrorsAre500Or503ServiceExceptions() {
        simulator.faults().errorRate(1.0);
        ServiceException refused = assertRefused(() -> lambda.getFunction(r -> r.functionName("orders")),
                ServiceException.class, 500, "Internal service error (injected by the simulator).");
        assertThat(refused.type()).isEqualTo("Service");

        simulator.faults().errorRate(1.0, 503);
        assertRefused(() -> lambda.getFunction(r -> r.functionName("orders")), ServiceException.class, 503,
                "Internal service error (injected by the simulator).");
    }

    @Test
    void valuesOutOfRangeAreRefusedAsAwsDoes() {
        createActive("orders", v1);

        LambdaException timeout = assertRefused(() -> lambda.updateFunctionConfiguration(r -> r.functionName("orders")
                .timeout(0)), LambdaException.class, 400, "1 validation error detected: Value '0' at 'timeout' failed "
                + "to satisfy constraint: Member must have value greater than or equal to 1");
        assertThat(timeout.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertRefused(() -> lambda.updateFunctionConfiguration(r -> r.functionName("orders").layers(
                        "l1", "l2", "l3", "l4", "l5", "l6")), InvalidParameterValueException.class, 400,
                "Cannot reference more than 5 layers.");
        Map<String, String> big = new HashMap<>();
        big.put("BIG", "x".repeat(4100));
        assertThat(assertRefused(() -> lambda.updateFunctionConfiguration(r -> r.functionName("orders")
                        .environment(e -> e.variables(big))), InvalidParameterValueException.class, 400, null)
                .awsErrorDetails().errorMessage()).startsWith("Lambda was unable to configure your environment "
                + "variables because the environment variables you have provided exceeded the 4KB limit. "
                + "String measured: {\"BIG\":\"xxx");
        assertRefused(() -> lambda.createFunction(r -> r.functionName("bare").role(SdkClients.ROLE)
                        .code(c -> c.zipFile(SdkBytes.fromByteArray(v1)))), InvalidParameterValueException.class, 400,
                "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        assertThat(simulator.function("orders").orElseThrow().lastUpdateStatus()).isEqualTo("Successful");
    }

    private void updateCode() {
        lambda.updateFunctionCode(r -> r.functionName("orders").zipFile(SdkBytes.fromByteArray(v2)));
    }
}
