package io.jenkins.plugins.safelambdaupdate.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * The steps CI scripts are made of, each one plain SDK call (or one SDK waiter in its default configuration:
 * FunctionUpdatedV2 polls GetFunction every second), recording the step in progress and when each awaited update
 * was noticed. One per deployment; not thread-safe.
 */
final class Script {
    private final LambdaClient client;
    private final LambdaWaiter waiter;
    private final DeploymentSpec spec;
    private final BenchTarget target;
    private final List<Notice> notices = new ArrayList<>();
    private String step = "start";

    Script(LambdaClient client, DeploymentSpec spec, BenchTarget target) {
        this.client = client;
        this.waiter = LambdaWaiter.builder().client(client).build();
        this.spec = spec;
        this.target = target;
    }

    /** {@code aws lambda get-function}: the current configuration. */
    FunctionConfiguration readFunction() {
        step = "GetFunction";
        return client.getFunction(b -> b.functionName(spec.functionName())).configuration();
    }

    /** @return true when the configuration read says an update is in progress */
    static boolean inProgress(FunctionConfiguration configuration) {
        return configuration.lastUpdateStatus() == LastUpdateStatus.IN_PROGRESS;
    }

    /** {@code aws lambda update-function-code --zip-file}: no RevisionId. @return the response's LastModified */
    String updateCode() {
        step = "UpdateFunctionCode";
        UpdateFunctionCodeResponse response = client.updateFunctionCode(b -> b.functionName(spec.functionName())
                .zipFile(SdkBytes.fromByteArray(spec.zip())));
        return response.lastModified();
    }

    /**
     * {@code aws lambda update-function-configuration --environment --description}: the environment replaces the
     * existing one; no RevisionId.
     *
     * @return the response's LastModified
     */
    String updateConfiguration() {
        step = "UpdateFunctionConfiguration";
        UpdateFunctionConfigurationResponse response = client.updateFunctionConfiguration(b -> b
                .functionName(spec.functionName())
                .environment(Environment.builder().variables(spec.environment()).build())
                .description(spec.description()));
        return response.lastModified();
    }

    /**
     * {@code aws lambda wait function-updated-v2}: the SDK's FunctionUpdatedV2 waiter, default configuration.
     *
     * @param operation    the awaited update's operation, or null when awaiting someone else's update
     * @param lastModified the awaited update's LastModified, to record when it finished; null when awaiting
     *                     someone else's update (nothing is recorded)
     * @throws SdkClientException when the update ended Failed or the waiter gave up
     */
    void awaitUpdated(String operation, String lastModified) {
        step = "wait function-updated-v2";
        WaiterResponse<GetFunctionResponse> response = waiter.waitUntilFunctionUpdatedV2(
                GetFunctionRequest.builder().functionName(spec.functionName()).build());
        Instant noticed = Instant.now();
        if (response.matched().response().isEmpty()) {
            throw SdkClientException.create("waiter ended without a response");
        }
        if (operation != null && lastModified != null) {
            notices.add(new Notice(operation, target.updateCompletion(lastModified), noticed));
        }
    }

    /** {@code aws lambda publish-version}: no CodeSha256, no RevisionId. @return the version number */
    String publish() {
        step = "PublishVersion";
        return client.publishVersion(b -> b.functionName(spec.functionName())).version();
    }

    /** @return the step in progress, or the last one */
    String step() {
        return step;
    }

    /** @return the updates noticed so far */
    List<Notice> notices() {
        return List.copyOf(notices);
    }
}
