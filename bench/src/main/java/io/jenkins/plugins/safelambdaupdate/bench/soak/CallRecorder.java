package io.jenkins.plugins.safelambdaupdate.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every HTTP attempt of the deployers' client, attributed to the deployment bound to the calling thread (the
 * synchronous SDK client runs interceptors on the caller's thread): when it was about to be transmitted (after the
 * SDK's signing, before its last interrupt check), whether an answer came, and what the SDK retried and why.
 * Thread-safe.
 */
final class CallRecorder implements ExecutionInterceptor {
    /** The operations that change a function. */
    static final Set<String> MUTATIONS = Set.of("UpdateFunctionCode", "UpdateFunctionConfiguration", "PublishVersion",
            "CreateAlias", "UpdateAlias", "DeleteAlias", "CreateFunction", "DeleteFunction");

    private static final ExecutionAttribute<Execution> EXECUTION = new ExecutionAttribute<>("soak.execution");

    /**
     * One attempt of a call.
     *
     * @param operation          e.g. {@code UpdateFunctionCode}
     * @param beforeTransmission {@link System#nanoTime()} when the SDK was about to send it
     * @param status             the HTTP status of the answer, or 0 when none came
     * @param aborted            true when the SDK aborted it (interrupt) before sending it
     */
    record Attempt(String operation, long beforeTransmission, int status, boolean aborted) {
        /** @return whether it may have reached the server: answered, or failed in any way other than an abort */
        boolean mayHaveBeenSent() {
            return !aborted;
        }

        boolean isMutation() {
            return MUTATIONS.contains(operation);
        }
    }

    private static final class Execution {
        final String operation;
        final DeploymentRecord deployment;
        final List<long[]> attempts = new ArrayList<>(); // {beforeTransmission, status}

        Execution(String operation, DeploymentRecord deployment) {
            this.operation = operation;
            this.deployment = deployment;
        }
    }

    private final ThreadLocal<DeploymentRecord> bound = new ThreadLocal<>();
    private final ConcurrentMap<String, LongAdder> attemptsByOperation = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> sdkRetriesByCause = new ConcurrentHashMap<>();

    /** Attributes the calling thread's calls to a deployment until {@link #unbind()}. */
    void bind(DeploymentRecord deployment) {
        bound.set(deployment);
    }

    void unbind() {
        bound.remove();
    }

    /** @return attempts per operation, sorted */
    Map<String, Long> attemptsByOperation() {
        return sums(attemptsByOperation);
    }

    /** @return attempts the SDK repeated, by the cause of the attempt that was repeated (THROTTLED, SERVER_ERROR, ...) */
    Map<String, Long> sdkRetriesByCause() {
        return sums(sdkRetriesByCause);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(EXECUTION, new Execution(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                bound.get()));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Execution execution = attributes.getAttribute(EXECUTION);
        if (execution != null) {
            execution.attempts.add(new long[] {System.nanoTime(), 0});
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Execution execution = attributes.getAttribute(EXECUTION);
        if (execution != null && !execution.attempts.isEmpty()) {
            execution.attempts.get(execution.attempts.size() - 1)[1] = context.httpResponse().statusCode();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        finish(attributes.getAttribute(EXECUTION), null);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        finish(attributes.getAttribute(EXECUTION), context.exception());
    }

    private void finish(Execution execution, Throwable failure) {
        if (execution == null) {
            return;
        }
        int n = execution.attempts.size();
        for (int i = 0; i < n; i++) {
            long[] a = execution.attempts.get(i);
            boolean last = i == n - 1;
            boolean aborted = last && a[1] == 0 && isAbort(failure);
            attemptsByOperation.computeIfAbsent(execution.operation, k -> new LongAdder()).increment();
            if (!last) {
                sdkRetriesByCause.computeIfAbsent(cause((int) a[1]), k -> new LongAdder()).increment();
            }
            if (execution.deployment != null) {
                execution.deployment.attempt(new Attempt(execution.operation, a[0], (int) a[1], aborted));
            }
        }
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
