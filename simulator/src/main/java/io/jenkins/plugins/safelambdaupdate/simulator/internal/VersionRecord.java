package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.time.Instant;

/**
 * One version of a function as stored ({@code $LATEST} or a published number): its code and
 * configuration, State with the transition out of Pending, LastUpdateStatus with the update in flight,
 * and RevisionId. Transitions are settled lazily against the clock by {@link #settle}. Not thread-safe:
 * the owning {@link FunctionRecord} guards it.
 */
final class VersionRecord {
    static final String LATEST = "$LATEST";
    static final String PENDING = "Pending";
    static final String ACTIVE = "Active";
    static final String FAILED = "Failed";
    static final String IN_PROGRESS = "InProgress";
    static final String SUCCESSFUL = "Successful";
    static final String CREATING_REASON = "The function is being created.";
    static final String CREATING_REASON_CODE = "Creating";
    /** AWS words an update in progress as it words a creation. */
    static final String UPDATING_REASON = CREATING_REASON;
    static final String UPDATING_REASON_CODE = CREATING_REASON_CODE;

    /** An update InProgress on $LATEST, and what it replaced (restored if it fails). */
    private record InFlightUpdate(FunctionConfig previousConfig, CodeArtifact previousCode, Transition transition) {
    }

    private final String version;
    private final FunctionConfig publishedFrom;
    private FunctionConfig config;
    private CodeArtifact code;
    private String state;
    private String stateReasonCode;
    private String stateReason;
    private Transition leavingPending;
    private String lastUpdateStatus;
    private String lastUpdateReasonCode;
    private String lastUpdateReason;
    private InFlightUpdate update;
    private String revisionId;
    private Instant lastModified;

    /**
     * @param publishedFrom for a published version, the configuration $LATEST had when it was published (its
     *                      own description included); null for $LATEST
     * @param creation      the transition out of Pending, or null for a version that is Active at once
     */
    VersionRecord(String version, FunctionConfig publishedFrom, FunctionConfig config, CodeArtifact code,
                  Transition creation, Instant now, String revisionId) {
        this.version = version;
        this.publishedFrom = publishedFrom;
        this.config = config;
        this.code = code;
        this.lastModified = now;
        this.revisionId = revisionId;
        if (creation == null) {
            state = ACTIVE;
            lastUpdateStatus = SUCCESSFUL;
        } else {
            state = PENDING;
            stateReasonCode = CREATING_REASON_CODE;
            stateReason = CREATING_REASON;
            leavingPending = creation;
        }
    }

    /**
     * Ends every transition that is over at {@code now}; each end issues a fresh RevisionId.
     */
    void settle(Instant now, IdGenerator ids) {
        if (leavingPending != null && leavingPending.isOver(now)) {
            FaultInjector.Failure failure = leavingPending.failure();
            leavingPending = null;
            state = failure == null ? ACTIVE : FAILED;
            stateReasonCode = failure == null ? null : failure.reasonCode();
            stateReason = failure == null ? null : failure.reason();
            recordUpdateOutcome(failure);
            revisionId = ids.uuid();
        }
        if (update != null && update.transition().isOver(now)) {
            FaultInjector.Failure failure = update.transition().failure();
            if (failure != null) {
                // A failed update leaves the previous code and configuration live.
                config = update.previousConfig();
                code = update.previousCode();
            }
            update = null;
            recordUpdateOutcome(failure);
            revisionId = ids.uuid();
        }
    }

    /**
     * @throws LambdaError 409 while Pending or while an update is InProgress
     */
    void checkAcceptsChange(String functionArn, boolean legacyWording) {
        if (leavingPending == null && update == null) {
            return;
        }
        if (legacyWording) {
            throw Errors.concurrentUpdateLegacy();
        }
        throw leavingPending != null ? Errors.functionNotReady(functionArn, state, stateReasonCode)
                : Errors.updateInProgress(functionArn);
    }

    /**
     * @param expected the RevisionId a request sent, or null when it sent none
     * @throws LambdaError 412 when it was given and is not the current one
     */
    void checkRevision(String expected) {
        if (expected != null && !expected.equals(revisionId)) {
            throw Errors.staleRevision();
        }
    }

    /** Starts an update: the new code and configuration show at once, LastUpdateStatus is InProgress. */
    void beginUpdate(FunctionConfig newConfig, CodeArtifact newCode, Transition transition, Instant now,
                     String newRevisionId) {
        update = new InFlightUpdate(config, code, transition);
        config = newConfig;
        code = newCode;
        lastUpdateStatus = IN_PROGRESS;
        // AWS's words for every update in progress (responses recorded against AWS, see LifecycleTest).
        lastUpdateReasonCode = UPDATING_REASON_CODE;
        lastUpdateReason = UPDATING_REASON;
        lastModified = now;
        revisionId = newRevisionId;
    }

    void newRevision(String newRevisionId) {
        revisionId = newRevisionId;
    }

    String version() {
        return version;
    }

    FunctionConfig config() {
        return config;
    }

    CodeArtifact code() {
        return code;
    }

    /**
     * @return whether $LATEST's configuration and code are what this published version was made from, so that
     * publishing again would add nothing (AWS compares code and configuration, description included)
     */
    boolean publishedFrom(FunctionConfig latestConfig, CodeArtifact latestCode) {
        return latestConfig.equals(publishedFrom) && latestCode.sha256().equals(code.sha256());
    }

    VersionSnapshot snapshot(String functionName, String functionArn) {
        return new VersionSnapshot(functionName, functionArn, version, code.sha256(), code.size(), revisionId,
                state, stateReason, stateReasonCode, lastUpdateStatus, lastUpdateReason, lastUpdateReasonCode,
                config.packageType(), lastModified, config.environment(), config.memorySize(), config.timeout(),
                config.handler(), config.runtime(), config.role(), config.description(), config.layers(),
                code.imageUri());
    }

    private void recordUpdateOutcome(FaultInjector.Failure failure) {
        lastUpdateStatus = failure == null ? SUCCESSFUL : FAILED;
        lastUpdateReasonCode = failure == null ? null : failure.reasonCode();
        lastUpdateReason = failure == null ? null : failure.reason();
    }
}
