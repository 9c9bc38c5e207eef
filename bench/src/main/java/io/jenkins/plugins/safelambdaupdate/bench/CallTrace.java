package io.jenkins.plugins.safelambdaupdate.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The API calls one deployment made, as its SDK client's {@link CallRecorder} saw them: one {@link Call} per SDK
 * call (the SDK's own retries of a 429 or 5xx are inside one call, as its {@link Attempt}s; the simulator's call log
 * counts each attempt). Thread-safe.
 */
public final class CallTrace {
    /** The operations that change a function. */
    static final Set<String> MUTATIONS = Set.of("UpdateFunctionCode", "UpdateFunctionConfiguration", "PublishVersion",
            "CreateAlias", "UpdateAlias", "DeleteAlias", "CreateFunction", "DeleteFunction");

    private final List<Call> calls = new ArrayList<>();

    /**
     * One SDK call.
     *
     * @param operation    e.g. {@code GetFunction}
     * @param startedAt    when it was made (before the SDK's rate limiting, signing and sending)
     * @param endedAt      when its answer or error came back
     * @param status       the HTTP status of its last attempt's answer, 0 when none came
     * @param errorType    the AWS error type, or the exception's simple class name; null on success
     * @param lastModified the LastModified of an update's response (when the simulator started the update), else null
     * @param attempts     its HTTP attempts, the SDK's retries included
     */
    public record Call(String operation, Instant startedAt, Instant endedAt, int status, String errorType,
                       String lastModified, List<Attempt> attempts) {
        /** Copies the attempts. */
        public Call {
            attempts = List.copyOf(attempts);
        }

        /** @return true when the call was answered with success */
        public boolean succeeded() {
            return errorType == null;
        }
    }

    /**
     * One HTTP attempt of a call.
     *
     * @param operation          e.g. {@code UpdateFunctionCode}
     * @param beforeTransmission {@link System#nanoTime()} when the SDK was about to send it (after its signing, before
     *                           its last interrupt check)
     * @param status             the HTTP status of the answer, or 0 when none came
     * @param aborted            true when the SDK aborted it (interrupt) before sending it
     */
    public record Attempt(String operation, long beforeTransmission, int status, boolean aborted) {
        /** @return whether it may have reached the server: answered, or failed in any way other than an abort */
        public boolean mayHaveBeenSent() {
            return !aborted;
        }

        /** @return whether its operation changes a function */
        public boolean isMutation() {
            return MUTATIONS.contains(operation);
        }
    }

    synchronized void record(Call call) {
        calls.add(call);
    }

    /** @return the calls so far, in the order they ended */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }
}
