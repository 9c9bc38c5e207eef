package io.jenkins.plugins.safelambdaupdate.bench;

import java.util.List;
import java.util.Map;

/**
 * The measurements of one strategy in one scenario: one JSON record. Times in milliseconds; null where a measure
 * does not apply (no waits, no lock).
 *
 * @param strategy                          the strategy's name
 * @param scenario                          {@link Scenario#SAME_FUNCTION} or {@link Scenario#DISTINCT_FUNCTIONS}
 * @param deployers                         concurrent deployments (K, or M)
 * @param functions                         functions deployed to
 * @param updateDelayMs                     the simulator's update duration
 * @param publishDelayMs                    the simulator's publish duration
 * @param succeeded                         deployments that reported success
 * @param failed                            deployments that reported failure
 * @param conflicts                         409 ResourceConflictException answers the simulator sent
 * @param preconditionFailures              412 PreconditionFailedException answers (stale RevisionId)
 * @param throttled                         429 TooManyRequestsException answers (account quota)
 * @param lostUpdates                       deployments that reported success although the version they published
 *                                          does not hold their code or their configuration
 * @param makespanMs                        from the start signal until the last deployment returned
 * @param lowerBoundMs                      the least time the work can take: the simulator's durations that must
 *                                          run one after another, or the account quota's time, whichever is longer
 * @param makespanRatio                     makespan / lower bound
 * @param apiCallsPerDeployment             HTTP calls the simulator answered (SDK retries included) / deployers
 * @param apiCallsPerDeploymentByOperation  the same per operation
 * @param maxApiCallsPerDeployment          the most SDK calls one deployment made (its client's count)
 * @param busiestDeploymentCalls            that deployment's calls by operation
 * @param peakRequestsPerSecond             the most calls the simulator answered within one second (sliding)
 * @param peakQuotaRequestsPerSecond        the same for the calls on the shared 15 req/s quota (all but GetFunction)
 * @param maxDeploymentRequestsPerSecond    the most calls one deployment made within one second
 * @param lockHandoffGapMedianMs            lock released to acquired by the next waiter, median
 * @param lockHandoffGapMaxMs               the same, largest
 * @param lockWaiterCalls                   calls made by deployments while they waited for the lock
 * @param noticeLatencyMedianMs             update finished (in the simulator) to noticed (by the deployer), median
 * @param noticeLatencyP95Ms                the same, 95th percentile
 * @param noticeSamples                     how many updates were noticed
 * @param warmUpNoticeLatenciesMs           the notice latencies of the warm-up deployment made before the run by a
 *                                          process that had learned nothing yet (a cold process, as one CLI run);
 *                                          null without a warm-up
 * @param warmUpApiCalls                    the calls that warm-up deployment made, null without one
 * @param failures                          failure reasons and how many deployments failed so
 * @param processes                         the deploying processes sharing the account (fleet), else 1
 * @param peakThreads                       the most live threads of the JVM during the run (the in-process simulator's
 *                                          included), for cold and fleet runs; else null
 * @param peakHeapMb                        the most heap used during the run (sum of the heap pools' peaks, MiB), for
 *                                          cold and fleet runs; else null
 * @param noticeLatencyMsByOperation        per update operation ({@code UpdateFunctionCode},
 *                                          {@code UpdateFunctionConfiguration}): its notice latency median and p95
 */
public record BenchRecord(String strategy, String scenario, int deployers, int functions, long updateDelayMs,
                          long publishDelayMs, int succeeded, int failed, long conflicts, long preconditionFailures,
                          long throttled, int lostUpdates, long makespanMs, long lowerBoundMs, double makespanRatio,
                          double apiCallsPerDeployment, Map<String, Double> apiCallsPerDeploymentByOperation,
                          int maxApiCallsPerDeployment, Map<String, Integer> busiestDeploymentCalls,
                          int peakRequestsPerSecond, int peakQuotaRequestsPerSecond,
                          int maxDeploymentRequestsPerSecond, Long lockHandoffGapMedianMs, Long lockHandoffGapMaxMs,
                          Integer lockWaiterCalls, Long noticeLatencyMedianMs, Long noticeLatencyP95Ms,
                          int noticeSamples, List<Long> warmUpNoticeLatenciesMs, Integer warmUpApiCalls,
                          Map<String, Integer> failures, int processes, Integer peakThreads,
                          Integer peakHeapMb, Map<String, List<Long>> noticeLatencyMsByOperation) {

    /** @return the scenario as in tables: {@code K=4}, {@code 32 functions}, {@code cold 1.5 s}, {@code fleet 200×2} */
    public String label() {
        String label = new Scenario(scenario, deployers, functions, processes, 1).label();
        return Scenario.COLD.equals(scenario) ? label + String.format(java.util.Locale.ROOT, " %.1f s",
                updateDelayMs / 1000.0) : label;
    }

    /** @return deployments that failed or whose update was lost */
    public int unsafe() {
        return failed + lostUpdates;
    }
}
