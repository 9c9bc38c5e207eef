package io.jenkins.plugins.safelambdaupdate.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateAliasRequest;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
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
 * The client one run uses (the SDK waiter included), and the engine's one way to observe its calls: delegates the
 * operations the engine needs, counts calls per operation (the result's {@code apiCalls}), and refuses any call once
 * the thread is interrupted, so that nothing is changed after an interrupt. It keeps no state of the function: the run
 * does ({@link LastObserved}). A decorator rather than an SDK interceptor because it must count on any client a
 * front end passes in. Not thread-safe: one run, one thread.
 */
final class CountingLambdaClient implements LambdaClient {
    private final LambdaClient delegate;
    private final Map<String, Integer> calls = new TreeMap<>();

    CountingLambdaClient(LambdaClient delegate) {
        this.delegate = delegate;
    }

    Map<String, Integer> calls() {
        return new TreeMap<>(calls);
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
        return call("GetFunction", () -> delegate.getFunction(request));
    }

    @Override
    public GetFunctionConfigurationResponse getFunctionConfiguration(GetFunctionConfigurationRequest request) {
        return call("GetFunctionConfiguration", () -> delegate.getFunctionConfiguration(request));
    }

    @Override
    public UpdateFunctionCodeResponse updateFunctionCode(UpdateFunctionCodeRequest request) {
        return call("UpdateFunctionCode", () -> delegate.updateFunctionCode(request));
    }

    @Override
    public UpdateFunctionConfigurationResponse updateFunctionConfiguration(UpdateFunctionConfigurationRequest request) {
        return call("UpdateFunctionConfiguration", () -> delegate.updateFunctionConfiguration(request));
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
