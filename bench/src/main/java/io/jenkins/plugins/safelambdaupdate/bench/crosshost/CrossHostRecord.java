package io.jenkins.plugins.safelambdaupdate.bench.crosshost;

import java.util.Map;

/**
 * One lock kind in the cross-host scenario: {@code hosts} processes with {@code deployersPerHost} deployers each, all
 * deploying one function at once. Times in milliseconds; null where a measure does not apply.
 *
 * @param lock                        dynamodb, file (a lock directory per host) or none
 * @param hosts                       processes
 * @param deployersPerHost            K
 * @param succeeded                   deployments that reported success
 * @param failures                    failed deployments by failure kind
 * @param conflicts                   409s Lambda (the simulator) sent
 * @param preconditionFailures        412s (stale RevisionId)
 * @param throttled                   429s (the account quota, which every host's engine paces itself to alone)
 * @param makespanMs                  from the common start until the last deployment ended
 * @param lowerBoundMs                the serial bound: deployments × (2 updates + publish)
 * @param makespanRatio               makespan / serial bound
 * @param handOffMedianMs             lock released by one host to acquired by another, median (dynamodb only)
 * @param handOffMaxMs                the same, largest
 * @param handOffs                    how many hand-offs across hosts were measured
 * @param dynamoDbCallsPerDeployment  DynamoDB calls of all hosts / deployments (dynamodb only)
 */
public record CrossHostRecord(String lock, int hosts, int deployersPerHost, int succeeded,
                              Map<String, Integer> failures, long conflicts, long preconditionFailures, long throttled,
                              long makespanMs, long lowerBoundMs, double makespanRatio, Long handOffMedianMs, Long handOffMaxMs, int handOffs,
                              Double dynamoDbCallsPerDeployment) {
    /** @return all deployments */
    public int deployments() {
        return hosts * deployersPerHost;
    }
}
