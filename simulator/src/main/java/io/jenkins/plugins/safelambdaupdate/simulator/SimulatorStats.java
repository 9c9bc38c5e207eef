package io.jenkins.plugins.safelambdaupdate.simulator;

import java.util.Map;

/**
 * An immutable snapshot of the simulator's counters: calls per operation and refusals per error type
 * and per HTTP status. Every HTTP call counts once under its operation, whether it succeeded or not;
 * every refused call counts once more under its error type and its status.
 */
public final class SimulatorStats {
    private final Map<String, Long> calls;
    private final Map<String, Long> refusalsByType;
    private final Map<Integer, Long> refusalsByStatus;

    /**
     * @param calls            calls per operation name
     * @param refusalsByType   refusals per error type
     * @param refusalsByStatus refusals per HTTP status
     */
    public SimulatorStats(Map<String, Long> calls, Map<String, Long> refusalsByType,
                          Map<Integer, Long> refusalsByStatus) {
        this.calls = Map.copyOf(calls);
        this.refusalsByType = Map.copyOf(refusalsByType);
        this.refusalsByStatus = Map.copyOf(refusalsByStatus);
    }

    /** @return calls of the operation (e.g. {@code "UpdateFunctionCode"}), 0 when none */
    public long calls(String operation) {
        return calls.getOrDefault(operation, 0L);
    }

    /** @return all calls */
    public long totalCalls() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return refusals of the error type (e.g. {@code "ResourceConflictException"}), 0 when none */
    public long refusals(String errorType) {
        return refusalsByType.getOrDefault(errorType, 0L);
    }

    /** @return refusals with the HTTP status (e.g. 409), 0 when none */
    public long refusalsWithStatus(int status) {
        return refusalsByStatus.getOrDefault(status, 0L);
    }

    /** @return all refusals */
    public long totalRefusals() {
        return refusalsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return calls per operation, unmodifiable */
    public Map<String, Long> callsByOperation() {
        return calls;
    }

    /** @return refusals per error type, unmodifiable */
    public Map<String, Long> refusalsByType() {
        return refusalsByType;
    }

    @Override
    public String toString() {
        return "SimulatorStats{calls=" + calls + ", refusals=" + refusalsByType + "}";
    }
}
