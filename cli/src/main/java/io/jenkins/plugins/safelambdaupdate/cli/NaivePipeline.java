package io.jenkins.plugins.safelambdaupdate.cli;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Environment;

/**
 * The common naive deployment, as found in countless CI scripts: {@code UpdateFunctionCode}, then
 * {@code UpdateFunctionConfiguration}, back to back, with no waiting, no lock and no RevisionId; the first refusal
 * ends the pipeline (as {@code set -e} would). Used by the {@code demo} command and by the benchmark as the baseline.
 * Thread-safe when the client is.
 */
public final class NaivePipeline {
    private final LambdaClient client;
    private final Clock clock;

    /**
     * @param client the Lambda client, not null; not closed by this class
     * @param clock the clock recording when each call started and ended, not null
     * @throws NullPointerException if an argument is null
     */
    public NaivePipeline(LambdaClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    /**
     * Runs one naive deployment. Never throws for an AWS or SDK error: it is recorded as the failed call.
     *
     * @param functionName the function, not null
     * @param zip the new code, not null
     * @param environment the complete new environment variables (they replace the existing ones), not null
     * @return the calls made, in order
     * @throws NullPointerException if an argument is null
     */
    public Outcome run(String functionName, byte[] zip, Map<String, String> environment) {
        Objects.requireNonNull(functionName, "functionName cannot be null");
        Objects.requireNonNull(zip, "zip cannot be null");
        Objects.requireNonNull(environment, "environment cannot be null");
        List<Call> calls = new ArrayList<>();
        Call code = call("UpdateFunctionCode", () -> client.updateFunctionCode(b -> b
                .functionName(functionName).zipFile(SdkBytes.fromByteArray(zip))));
        calls.add(code);
        if (!code.refused()) {
            calls.add(call("UpdateFunctionConfiguration", () -> client.updateFunctionConfiguration(b -> b
                    .functionName(functionName).environment(Environment.builder().variables(environment).build()))));
        }
        return new Outcome(calls);
    }

    private Call call(String operation, Runnable request) {
        Instant started = clock.instant();
        try {
            request.run();
            return new Call(operation, started, clock.instant(), 200, null);
        } catch (AwsServiceException e) {
            String type = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                    ? e.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
            return new Call(operation, started, clock.instant(), e.statusCode(), type);
        } catch (SdkException e) {
            return new Call(operation, started, clock.instant(), 0, e.getClass().getSimpleName());
        }
    }

    /**
     * One API call of a naive pipeline.
     *
     * @param operation {@code UpdateFunctionCode} or {@code UpdateFunctionConfiguration}
     * @param startedAt when it was sent
     * @param endedAt when its answer (or error) arrived
     * @param statusCode the HTTP status, 200 for success, 0 when no answer arrived
     * @param errorType the AWS error type (for example {@code ResourceConflictException}), or null on success
     */
    public record Call(String operation, Instant startedAt, Instant endedAt, int statusCode, String errorType) {
        /** @return true when the call failed */
        public boolean refused() {
            return errorType != null;
        }

        /** @return true when the call was refused with 409 ResourceConflictException */
        public boolean conflict() {
            return statusCode == 409;
        }
    }

    /**
     * What one naive pipeline did.
     *
     * @param calls the calls made, in order (one or two)
     */
    public record Outcome(List<Call> calls) {
        /** Copies the list. */
        public Outcome {
            calls = List.copyOf(calls);
        }

        /** @return true when both calls were accepted */
        public boolean succeeded() {
            return calls.size() == 2 && calls.stream().noneMatch(Call::refused);
        }

        /** @return the call that failed, when one did */
        public Optional<Call> failure() {
            return calls.stream().filter(Call::refused).findFirst();
        }
    }
}
