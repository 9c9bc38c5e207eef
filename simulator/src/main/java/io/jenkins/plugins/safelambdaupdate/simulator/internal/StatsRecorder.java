package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import io.jenkins.plugins.safelambdaupdate.simulator.CallRecord;
import io.jenkins.plugins.safelambdaupdate.simulator.SimulatorStats;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts calls and refusals and keeps the most recent calls in a bounded log. Thread-safe. */
public final class StatsRecorder {
    private final ConcurrentMap<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> refusalsByType = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, LongAdder> refusalsByStatus = new ConcurrentHashMap<>();
    private final int logCapacity;
    private final ArrayDeque<CallRecord> log = new ArrayDeque<>();

    /** @param logCapacity how many calls the log keeps; older ones are dropped */
    public StatsRecorder(int logCapacity) {
        this.logCapacity = logCapacity;
    }

    void record(CallRecord call) {
        calls.computeIfAbsent(call.operation(), k -> new LongAdder()).increment();
        if (call.refused()) {
            refusalsByType.computeIfAbsent(call.errorType(), k -> new LongAdder()).increment();
            refusalsByStatus.computeIfAbsent(call.status(), k -> new LongAdder()).increment();
        }
        synchronized (log) {
            if (logCapacity > 0 && log.size() == logCapacity) {
                log.removeFirst();
            }
            if (logCapacity > 0) {
                log.addLast(call);
            }
        }
    }

    /** @return the counters now */
    public SimulatorStats snapshot() {
        return new SimulatorStats(sums(calls), sums(refusalsByType), sums(refusalsByStatus));
    }

    /** @return the logged calls, oldest first */
    public List<CallRecord> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Sets every counter to zero and empties the log. */
    public void reset() {
        calls.clear();
        refusalsByType.clear();
        refusalsByStatus.clear();
        synchronized (log) {
            log.clear();
        }
    }

    private static <K> Map<K, Long> sums(Map<K, LongAdder> counters) {
        Map<K, Long> sums = new HashMap<>();
        counters.forEach((k, v) -> sums.put(k, v.sum()));
        return sums;
    }
}
