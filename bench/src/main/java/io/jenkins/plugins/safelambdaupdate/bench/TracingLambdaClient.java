package io.jenkins.plugins.safelambdaupdate.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * Wraps a {@link LambdaClient} so that every API call is recorded into the {@link CallTrace} bound to the calling
 * thread (calls on a thread without one are not recorded). The SDK waiters built on the wrapper go through it too,
 * so their polls are recorded. Works for clients shared by many threads: each deployment runs on its own thread.
 */
public final class TracingLambdaClient implements InvocationHandler {
    private static final ThreadLocal<CallTrace> CURRENT = new ThreadLocal<>();

    private final LambdaClient target;

    private TracingLambdaClient(LambdaClient target) {
        this.target = target;
    }

    /**
     * @param target the client to call
     * @return a client recording each call into the calling thread's trace; closing it closes the target
     */
    public static LambdaClient wrap(LambdaClient target) {
        Objects.requireNonNull(target, "target cannot be null");
        return (LambdaClient) Proxy.newProxyInstance(LambdaClient.class.getClassLoader(),
                new Class<?>[] {LambdaClient.class}, new TracingLambdaClient(target));
    }

    /** Binds the trace to the calling thread until {@link #unbind()}. */
    public static void bind(CallTrace trace) {
        CURRENT.set(Objects.requireNonNull(trace, "trace cannot be null"));
    }

    /** Unbinds the calling thread's trace. */
    public static void unbind() {
        CURRENT.remove();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "Tracing(" + target + ")";
            };
        }
        CallTrace trace = CURRENT.get();
        boolean apiCall = trace != null && LambdaResponse.class.isAssignableFrom(method.getReturnType());
        Instant started = Instant.now();
        try {
            Object response = method.invoke(target, args);
            if (apiCall) {
                trace.record(new CallTrace.Call(operation(method), started, Instant.now(), 200, null,
                        lastModified(response)));
            }
            return response;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (apiCall) {
                int status = cause instanceof AwsServiceException service ? service.statusCode() : 0;
                trace.record(new CallTrace.Call(operation(method), started, Instant.now(), status,
                        errorType(cause), null));
            }
            throw cause;
        }
    }

    /** @return the AWS error type of a failed call, else the exception's simple class name */
    static String errorType(Throwable failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return failure.getClass().getSimpleName();
    }

    private static String operation(Method method) {
        String name = method.getName();
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    private static String lastModified(Object response) {
        if (response instanceof UpdateFunctionCodeResponse code) {
            return code.lastModified();
        }
        if (response instanceof UpdateFunctionConfigurationResponse configuration) {
            return configuration.lastModified();
        }
        return null;
    }
}
