package io.jenkins.plugins.safelambdaupdate.simulator;

import java.time.Instant;

/**
 * One HTTP call the simulator answered.
 *
 * @param time         when it arrived, by the simulator's clock
 * @param operation    e.g. {@code UpdateFunctionCode}; {@code Unknown} for a path that is no modelled operation
 * @param functionName the bare function name the call named, or null when it named none
 * @param status       the HTTP status sent
 * @param errorType    the {@code x-amzn-ErrorType} sent, or null on success
 */
public record CallRecord(Instant time, String operation, String functionName, int status, String errorType) {

    /** @return true when the call was refused (status 400 and above) */
    public boolean refused() {
        return errorType != null;
    }
}
