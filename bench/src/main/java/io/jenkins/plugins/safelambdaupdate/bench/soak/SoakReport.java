package io.jenkins.plugins.safelambdaupdate.bench.soak;

import java.util.List;
import java.util.Map;

/**
 * The figures of one soak run.
 *
 * @param settings            what was run
 * @param wallTimeMillis      from the first deployer's start to the last one's end
 * @param injected            the faults that actually happened
 * @param deployments         outcomes
 * @param retries             retries by cause, the engine's own and the SDK's
 * @param apiCalls            calls seen by the simulator, and the deployers' HTTP attempts
 * @param checks              how much the invariant checks covered
 * @param invariantViolations the counts that must be zero
 * @param violationDetails    one line per violation, for a reader
 */
public record SoakReport(SoakSettings settings, long wallTimeMillis, Injected injected, Deployments deployments,
                         Retries retries, ApiCalls apiCalls, Checks checks, InvariantViolations invariantViolations,
                         List<String> violationDetails) {

    /**
     * @param throttledCalls          calls answered 429 TooManyRequestsException (with Retry-After)
     * @param serverErrors            calls answered 5xx ServiceException
     * @param failedUpdatesArmed      updates planned to end LastUpdateStatus=Failed
     * @param outsideWrites           changes of the outside writer Lambda accepted
     * @param outsideCodeWrites       of which code uploads
     * @param outsideWritesRefused    the outside writer's attempts refused with 409
     * @param interruptsPlanned       deployments planned to be interrupted
     * @param interruptsDelivered     deployments whose thread was interrupted while deploy was running
     * @param interruptsByMoment      delivered interrupts by the moment picked
     */
    public record Injected(long throttledCalls, long serverErrors, int failedUpdatesArmed, int outsideWrites,
                           int outsideCodeWrites, int outsideWritesRefused, int interruptsPlanned,
                           int interruptsDelivered, Map<String, Integer> interruptsByMoment) {
    }

    /**
     * @param attempted           deployments started
     * @param succeeded           returned a result
     * @param failed              threw a DeploymentException
     * @param failedByCause       of those, by FailureKind
     * @param interruptedOutcomes how the interrupted deployments ended (SUCCEEDED or the FailureKind)
     * @param published           successful deployments that published a version
     */
    public record Deployments(int attempted, int succeeded, int failed, Map<String, Integer> failedByCause,
                              Map<String, Integer> interruptedOutcomes, int published) {
    }

    /**
     * @param engine the engine's own retries (Retrying events) by RetryCause
     * @param sdk    HTTP attempts the SDK repeated, by the cause of the repeated attempt
     */
    public record Retries(Map<String, Integer> engine, Map<String, Long> sdk) {
    }

    /**
     * @param total            calls the simulator answered, everyone's
     * @param byOperation      of those, per operation
     * @param refusedByType    refusals per error type
     * @param deployerAttempts the deployers' HTTP attempts per operation
     * @param outsideWriter    the outside writer's SDK calls
     */
    public record ApiCalls(long total, Map<String, Long> byOperation, Map<String, Long> refusedByType,
                           Map<String, Long> deployerAttempts, int outsideWriter) {
    }

    /**
     * @param publishedVersionsChecked successful deployments whose published version was compared with the intent
     * @param latestChecked            successful unpublished deployments whose verified $LATEST was compared
     * @param latestNotCheckable       successful unpublished deployments whose $LATEST the outside writer had changed
     *                                 again before it could be looked at (nothing to compare)
     * @param interruptedChecked       interrupted deployments whose HTTP attempts were compared with the interrupt
     * @param locksChecked             function locks tried after the end
     */
    public record Checks(int publishedVersionsChecked, int latestChecked, int latestNotCheckable,
                         int interruptedChecked, int locksChecked) {
    }
}
