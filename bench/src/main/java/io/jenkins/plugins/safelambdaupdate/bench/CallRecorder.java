package io.jenkins.plugins.safelambdaupdate.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * The benchmark's one way to observe API calls: registered on every SDK client the benchmark builds (its SDK waiters'
 * polls go through it too), it records each call, with its HTTP attempts, into the {@link CallTrace} bound to the
 * calling thread (the synchronous SDK client runs interceptors on the caller's thread; calls on a thread without a
 * trace are only counted), and counts every attempt per operation and every SDK retry per cause. Works for clients
 * shared by many threads: each deployment runs on its own thread. Thread-safe.
 */
public final class CallRecorder implements ExecutionInterceptor {
    private static final ExecutionAttribute<Execution> EXECUTION = new ExecutionAttribute<>("bench.execution");

    /** One call in flight: {@code attempts} holds {beforeTransmission, status} pairs. */
    private record Execution(String operation, Instant startedAt, CallTrace trace, List<long[]> attempts) {
    }

    private final ThreadLocal<CallTrace> bound = new ThreadLocal<>();
    private final ConcurrentMap<String, LongAdder> attemptsByOperation = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> sdkRetriesByCause = new ConcurrentHashMap<>();

    /** Records the calling thread's calls into the trace until {@link #unbind()}. */
    public void bind(CallTrace trace) {
        bound.set(trace);
    }

    /** Stops recording the calling thread's calls into a trace. */
    public void unbind() {
        bound.remove();
    }

    /** @return HTTP attempts per operation, of every thread, sorted */
    public Map<String, Long> attemptsByOperation() {
        return sums(attemptsByOperation);
    }

    /** @return attempts the SDK repeated, by the cause of the attempt that was repeated (THROTTLED, SERVER_ERROR, ...) */
    public Map<String, Long> sdkRetriesByCause() {
        return sums(sdkRetriesByCause);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(EXECUTION, new Execution(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                Instant.now(), bound.get(), new ArrayList<>()));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Execution execution = attributes.getAttribute(EXECUTION);
        if (execution != null) {
            execution.attempts().add(new long[] {System.nanoTime(), 0});
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Execution execution = attributes.getAttribute(EXECUTION);
        if (execution != null && !execution.attempts().isEmpty()) {
            execution.attempts().get(execution.attempts().size() - 1)[1] = context.httpResponse().statusCode();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        finish(attributes.getAttribute(EXECUTION), null, lastModified(context.response()));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        finish(attributes.getAttribute(EXECUTION), context.exception(), null);
    }

    private void finish(Execution execution, Throwable failure, String lastModified) {
        if (execution == null) {
            return;
        }
        List<CallTrace.Attempt> attempts = new ArrayList<>();
        int n = execution.attempts().size();
        for (int i = 0; i < n; i++) {
            long[] a = execution.attempts().get(i);
            boolean last = i == n - 1;
            attempts.add(new CallTrace.Attempt(execution.operation(), a[0], (int) a[1],
                    last && a[1] == 0 && isAbort(failure)));
            attemptsByOperation.computeIfAbsent(execution.operation(), k -> new LongAdder()).increment();
            if (!last) {
                sdkRetriesByCause.computeIfAbsent(cause((int) a[1]), k -> new LongAdder()).increment();
            }
        }
        if (execution.trace() != null) {
            int status = n == 0 ? 0 : (int) execution.attempts().get(n - 1)[1];
            execution.trace().record(new CallTrace.Call(execution.operation(), execution.startedAt(), Instant.now(),
                    status, failure == null ? null : errorType(failure), lastModified, attempts));
        }
    }

    /** @return the AWS error type of a failed call, else the exception's simple class name */
    public static String errorType(Throwable failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return failure.getClass().getSimpleName();
    }

    private static String lastModified(SdkResponse response) {
        if (response instanceof UpdateFunctionCodeResponse code) {
            return code.lastModified();
        }
        if (response instanceof UpdateFunctionConfigurationResponse configuration) {
            return configuration.lastModified();
        }
        return null;
    }

    private static boolean isAbort(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AbortedException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private static String cause(int status) {
        if (status == 429) {
            return "THROTTLED";
        }
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        return status == 0 ? "IO_ERROR" : "HTTP_" + status;
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> sums = new TreeMap<>();
        counters.forEach((k, v) -> sums.put(k, v.sum()));
        return sums;
    }
}
