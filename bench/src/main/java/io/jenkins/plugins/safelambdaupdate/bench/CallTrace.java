package io.jenkins.plugins.safelambdaupdate.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The API calls one deployment made, as its client saw them (one entry per SDK call: the SDK's own retries of a
 * 429 or 5xx are inside one entry; the simulator's call log counts them). Thread-safe.
 */
public final class CallTrace {
    private final List<Call> calls = new ArrayList<>();

    /**
     * One SDK call.
     *
     * @param operation    e.g. {@code GetFunction}
     * @param startedAt    when it was sent
     * @param endedAt      when its answer or error came back
     * @param status       the HTTP status: 200 for any success, 0 when no answer came
     * @param errorType    the AWS error type, or null on success
     * @param lastModified the LastModified of an update's response (when the simulator started the update), else null
     */
    public record Call(String operation, Instant startedAt, Instant endedAt, int status, String errorType,
                       String lastModified) {
        /** @return true when the call was answered with success */
        public boolean succeeded() {
            return errorType == null && status == 200;
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
