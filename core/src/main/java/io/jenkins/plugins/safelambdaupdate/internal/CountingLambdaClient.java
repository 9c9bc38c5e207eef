package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateAliasRequest;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasRequest;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.UpdateAliasRequest;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * The client one deployment uses (the SDK waiter included): delegates the operations the engine needs, counts calls
 * per operation, remembers the last state of {@code $LATEST} it saw, and refuses any call once the thread is
 * interrupted, so that nothing is changed after an interrupt. Not thread-safe: one deployment, one thread.
 */
final class CountingLambdaClient implements LambdaClient {
    private final LambdaClient delegate;
    private final Map<String, Integer> calls = new TreeMap<>();
    private final TimeSource time;
    private FunctionConfiguration lastSeen;
    private Instant lastSeenAt;

    CountingLambdaClient(LambdaClient delegate, TimeSource time) {
        this.delegate = delegate;
        this.time = time;
    }

    Map<String, Integer> calls() {
        return new TreeMap<>(calls);
    }

    /** @return the last state of {@code $LATEST} seen in any response, or null */
    FunctionConfiguration lastSeen() {
        return lastSeen;
    }

    /** @return when {@link #lastSeen()} was read, or null */
    Instant lastSeenAt() {
        return lastSeenAt;
    }

    private <T> T call(String operation, Supplier<T> call) {
        if (Thread.currentThread().isInterrupted()) {
            throw AbortedException.builder().message("Thread was interrupted; " + operation + " not sent").build();
        }
        calls.merge(operation, 1, Integer::sum);
        return call.get();
    }

    @Override
    public GetFunctionResponse getFunction(GetFunctionRequest request) {
        GetFunctionResponse response = call("GetFunction", () -> delegate.getFunction(request));
        if (request.qualifier() == null && response.configuration() != null) {
            lastSeenAt = time.now();
            lastSeen = response.configuration();
        }
        return response;
    }

    @Override
    public GetFunctionConfigurationResponse getFunctionConfiguration(GetFunctionConfigurationRequest request) {
        return call("GetFunctionConfiguration", () -> delegate.getFunctionConfiguration(request));
    }

    @Override
    public UpdateFunctionCodeResponse updateFunctionCode(UpdateFunctionCodeRequest request) {
        UpdateFunctionCodeResponse response = call("UpdateFunctionCode", () -> delegate.updateFunctionCode(request));
        lastSeenAt = time.now();
        lastSeen = FunctionConfiguration.builder().functionArn(response.functionArn()).state(response.stateAsString())
                .lastUpdateStatus(response.lastUpdateStatusAsString()).codeSha256(response.codeSha256())
                .revisionId(response.revisionId()).lastModified(response.lastModified()).build();
        return response;
    }

    @Override
    public UpdateFunctionConfigurationResponse updateFunctionConfiguration(UpdateFunctionConfigurationRequest request) {
        UpdateFunctionConfigurationResponse response =
                call("UpdateFunctionConfiguration", () -> delegate.updateFunctionConfiguration(request));
        lastSeenAt = time.now();
        lastSeen = FunctionConfiguration.builder().functionArn(response.functionArn()).state(response.stateAsString())
                .lastUpdateStatus(response.lastUpdateStatusAsString()).codeSha256(response.codeSha256())
                .revisionId(response.revisionId()).lastModified(response.lastModified()).build();
        return response;
    }

    @Override
    public PublishVersionResponse publishVersion(PublishVersionRequest request) {
        return call("PublishVersion", () -> delegate.publishVersion(request));
    }

    @Override
    public GetAliasResponse getAlias(GetAliasRequest request) {
        return call("GetAlias", () -> delegate.getAlias(request));
    }

    @Override
    public UpdateAliasResponse updateAlias(UpdateAliasRequest request) {
        return call("UpdateAlias", () -> delegate.updateAlias(request));
    }

    @Override
    public CreateAliasResponse createAlias(CreateAliasRequest request) {
        return call("CreateAlias", () -> delegate.createAlias(request));
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    /** Does not close the shared delegate. */
    @Override
    public void close() {
    }
}
