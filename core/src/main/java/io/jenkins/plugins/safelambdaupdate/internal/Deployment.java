package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.Retry;
import io.jenkins.plugins.safelambdaupdate.RetryCause;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * One run of the safe-update protocol (or one status read or settle wait), on the calling thread. Holds the state of
 * that run; not thread-safe and not reused.
 */
final class Deployment {
    private static final Logger LOG = Logger.getLogger(Deployment.class.getName());
    private static final Duration RETRY_BASE = Duration.ofMillis(200);
    private static final Duration RETRY_CAP = Duration.ofSeconds(2);
    private static final int WAITER_MAX_ATTEMPTS = 1_000_000;

    private final DeploymentEngine engine;
    private final DeploymentRequest request;
    private final DeploymentListener listener;
    private final Clock clock;
    private final CountingLambdaClient client;
    private final LambdaWaiter waiter;
    private final Instant started;
    private Instant deadline;
    private Phase phase = Phase.VALIDATE;

    private String functionArn;
    private ConfigurationIntent intent;
    private SdkBytes zipBytes;
    private String expectedSha;
    private String appliedSha;
    private String version;

    private final Map<Phase, Integer> retryCounts = new EnumMap<>(Phase.class);
    private final List<Retry> retries = new ArrayList<>();
    private final Map<Phase, Duration> durations = new EnumMap<>(Phase.class);
    private final Map<Phase, Instant> phaseStarts = new EnumMap<>(Phase.class);
    private final Set<Phase> skipped = EnumSet.noneOf(Phase.class);
    private final Set<Phase> worked = EnumSet.noneOf(Phase.class);
    private Duration lockWait = Duration.ZERO;

    Deployment(DeploymentEngine engine, DeploymentRequest request, DeploymentListener listener) {
        this.engine = engine;
        this.request = request;
        this.listener = listener;
        this.clock = engine.clock();
        this.client = new CountingLambdaClient(engine.client());
        this.waiter = LambdaWaiter.builder().client(client).build();
        this.started = clock.instant();
        this.deadline = request == null ? null : started.plus(request.deadline());
    }

    // ------------------------------------------------------------------------------------------------ entry points

    DeploymentResult run() {
        try {
            return execute();
        } catch (DeploymentException e) {
            emit(new DeploymentEvent.Failed(now(), e.failure(), e.getMessage(), e.stateLeft().orElse(null)));
            throw e;
        } catch (SdkException e) {
            DeploymentException failure = translate(e);
            emit(new DeploymentEvent.Failed(now(), failure.failure(), failure.getMessage(),
                    failure.stateLeft().orElse(null)));
            throw failure;
        }
    }

    FunctionStatus readStatus(FunctionReference reference) {
        phase = Phase.RESOLVE;
        deadline = started.plus(Duration.ofMinutes(5));
        try {
            return FunctionStatuses.of(resolve(reference));
        } catch (SdkException e) {
            throw translate(e);
        }
    }

    FunctionStatus awaitSettled(FunctionReference reference, Duration timeout) {
        phase = Phase.SETTLE;
        deadline = started.plus(timeout);
        try {
            FunctionConfiguration cfg = resolve(reference);
            phase = Phase.SETTLE;
            return FunctionStatuses.of(settle(cfg));
        } catch (SdkException e) {
            throw translate(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ protocol

    private DeploymentResult execute() {
        begin(Phase.VALIDATE);
        engine.validator().validate(request);
        FunctionReference reference = FunctionReference.parse(request.functionName());
        if (request.alias().isPresent() && !request.publish()) {
            throw new InvalidRequestException("alias", "alias needs publish: the alias is moved to the version this "
                    + "deployment publishes");
        }
        intent = new ConfigurationIntent(request);
        prepareCode();
        end(Phase.VALIDATE);

        begin(Phase.RESOLVE);
        FunctionConfiguration resolved = resolve(reference);
        emit(new DeploymentEvent.Resolved(now(), request.functionName(), functionArn));
        end(Phase.RESOLVE);

        begin(Phase.LOCK);
        Instant lockStart = now();
        boolean[] waited = {false};
        FunctionLock lock;
        try {
            lock = engine.lockProvider().acquire(functionArn, remaining(), holder -> {
                waited[0] = true;
                emit(new DeploymentEvent.LockWaiting(now(), functionArn, holder));
            });
        } catch (InterruptedException e) {
            throw interrupted(e);
        } catch (LockTimeoutException e) {
            throw new DeploymentException(FailureKind.LOCK_TIMEOUT, "Lock " + functionArn + " not acquired within "
                    + "the deadline of " + request.deadline() + ": " + e.getMessage(), functionArn,
                    FunctionStatuses.of(client.lastSeen()), e);
        }
        lockWait = Duration.between(lockStart, now());
        emit(new DeploymentEvent.LockAcquired(now(), functionArn, lockWait));
        end(Phase.LOCK);
        Instant lockedAt = now();
        try {
            // Without a lock wait the resolving read is as fresh as a new one; RevisionId preconditions cover the rest.
            return locked(waited[0] ? null : resolved);
        } finally {
            begin(Phase.RELEASE);
            try {
                lock.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Releasing lock " + functionArn + " failed", e);
            }
            emit(new DeploymentEvent.Released(now(), functionArn, Duration.between(lockedAt, now())));
            end(Phase.RELEASE);
        }
    }

    private DeploymentResult locked(FunctionConfiguration known) {
        begin(Phase.SETTLE);
        FunctionConfiguration cfg = known != null ? known : read();
        cfg = settle(cfg);
        end(Phase.SETTLE);

        while (true) {
            cfg = ensureCode(cfg);
            cfg = ensureConfiguration(cfg);
            if (!codeIsOurs(cfg) || !intent.differences(cfg).isEmpty()) {
                Phase changed = codeIsOurs(cfg) ? Phase.CONFIGURATION : Phase.CODE;
                foreignChange(changed, (changed == Phase.CODE ? "code" : "configuration")
                        + " changed by another writer after our update");
                cfg = readSettled();
                continue;
            }
            if (!request.publish()) {
                skip(Phase.PUBLISH, "not requested");
                break;
            }
            if (publish(cfg)) {
                break;
            }
            cfg = readSettled();
        }
        moveAlias();
        FunctionConfiguration verified = verify();
        return DeploymentResult.builder()
                .functionArn(functionArn)
                .version(version)
                .alias(request.alias().orElse(null))
                .revisionId(verified.revisionId())
                .codeSha256(verified.codeSha256())
                .skipped(skipped)
                .lockWait(lockWait)
                .phaseDurations(durations)
                .retries(retries)
                .apiCalls(client.calls())
                .total(Duration.between(started, now()))
                .build();
    }

    private FunctionConfiguration resolve(FunctionReference reference) {
        while (true) {
            remaining();
            try {
                GetFunctionResponse response = client.getFunction(GetFunctionRequest.builder()
                        .functionName(reference.unqualified()).overrideConfiguration(timeouts()).build());
                functionArn = FunctionStatuses.unqualifiedArn(response.configuration().functionArn());
                return response.configuration();
            } catch (ResourceNotFoundException e) {
                throw new DeploymentException(FailureKind.FUNCTION_NOT_FOUND, "Function " + reference.value()
                        + " not found: " + awsMessage(e), null, null, e);
            } catch (SdkException e) {
                retry(retryableCause(e), detail(e));
            }
        }
    }

    /** Waits until nothing is in progress; State=Failed stops, LastUpdateStatus=Failed is reported and accepted. */
    private FunctionConfiguration settle(FunctionConfiguration cfg) {
        Instant t0 = now();
        boolean waited = false;
        if (FunctionStatuses.isFailedState(cfg)) {
            throw functionFailed(cfg);
        }
        if (FunctionStatuses.isPending(cfg)) {
            cfg = awaitActive();
            waited = true;
        }
        if (FunctionStatuses.isInProgress(cfg)) {
            cfg = awaitUpdated(null, System.nanoTime());
            waited = true;
        }
        if (FunctionStatuses.isFailedState(cfg)) {
            throw functionFailed(cfg);
        }
        if (phase == Phase.SETTLE || waited) {
            emit(new DeploymentEvent.Settled(now(), FunctionStatuses.of(cfg), Duration.between(t0, now())));
        }
        return cfg;
    }

    private FunctionConfiguration ensureCode(FunctionConfiguration cfg) {
        if (request.code().isEmpty()) {
            skip(Phase.CODE, "not requested");
            return cfg;
        }
        while (true) {
            if (codeIsOurs(cfg)) {
                if (!worked.contains(Phase.CODE)) {
                    skip(Phase.CODE, "CodeSha256 " + cfg.codeSha256() + " already deployed");
                }
                return cfg;
            }
            begin(Phase.CODE);
            try {
                checkBeforeChange();
                emit(new DeploymentEvent.Submitted(now(), Phase.CODE, describeCode()));
                Instant submittedAt = now();
                long submitted = System.nanoTime();
                String newSha = client.updateFunctionCode(codeRequest(cfg.revisionId())).codeSha256();
                worked(Phase.CODE);
                if (expectedSha == null) {
                    appliedSha = newSha;
                }
                cfg = awaitUpdated("code", submitted);
                if (FunctionStatuses.isFailedUpdate(cfg)) {
                    throw updateFailed("Code update", cfg);
                }
                if (!codeIsOurs(cfg)) {
                    foreignChange(Phase.CODE, "code replaced by another writer");
                    cfg = readSettled();
                    continue;
                }
                emit(new DeploymentEvent.Confirmed(now(), Phase.CODE, cfg.revisionId(), cfg.codeSha256(),
                        Duration.between(submittedAt, now())));
                return cfg;
            } catch (SdkException e) {
                cfg = afterRefusal(e);
            } finally {
                end(Phase.CODE);
            }
        }
    }

    private FunctionConfiguration ensureConfiguration(FunctionConfiguration cfg) {
        if (!intent.requested()) {
            skip(Phase.CONFIGURATION, "not requested");
            return cfg;
        }
        while (true) {
            List<String> differing = intent.differences(cfg);
            if (differing.isEmpty()) {
                if (!worked.contains(Phase.CONFIGURATION)) {
                    skip(Phase.CONFIGURATION, "no change");
                }
                return cfg;
            }
            begin(Phase.CONFIGURATION);
            try {
                checkBeforeChange();
                emit(new DeploymentEvent.Submitted(now(), Phase.CONFIGURATION,
                        "Updating configuration (" + String.join(", ", differing) + ")"));
                Instant submittedAt = now();
                long submitted = System.nanoTime();
                client.updateFunctionConfiguration(intent.toUpdate(functionArn, cfg, cfg.revisionId()).toBuilder()
                        .overrideConfiguration(timeouts()).build());
                worked(Phase.CONFIGURATION);
                cfg = awaitUpdated("configuration", submitted);
                if (FunctionStatuses.isFailedUpdate(cfg)) {
                    throw updateFailed("Configuration update", cfg);
                }
                emit(new DeploymentEvent.Confirmed(now(), Phase.CONFIGURATION, cfg.revisionId(), cfg.codeSha256(),
                        Duration.between(submittedAt, now())));
                return cfg;
            } catch (SdkException e) {
                cfg = afterRefusal(e);
            } finally {
                end(Phase.CONFIGURATION);
            }
        }
    }

    /** @return true when published, false when the intent must be re-applied first (another writer changed it) */
    private boolean publish(FunctionConfiguration cfg) {
        begin(Phase.PUBLISH);
        try {
            checkBeforeChange();
            String sha = ourSha() != null ? ourSha() : cfg.codeSha256();
            emit(new DeploymentEvent.Submitted(now(), Phase.PUBLISH, "Publishing a version (CodeSha256 " + sha + ")"));
            long submitted = System.nanoTime();
            PublishVersionResponse response = client.publishVersion(b -> b.functionName(functionArn).codeSha256(sha)
                    .revisionId(cfg.revisionId()).overrideConfiguration(timeouts()));
            worked(Phase.PUBLISH);
            version = response.version();
            if (!sha.equals(response.codeSha256())) {
                throw new DeploymentException(FailureKind.VERIFICATION_FAILED, "Published version " + version
                        + " holds CodeSha256 " + response.codeSha256() + ", expected " + sha, functionArn,
                        FunctionStatuses.of(client.lastSeen()), null);
            }
            if ("Pending".equals(response.stateAsString())) {
                GetFunctionConfigurationResponse active = awaitVersionActive(submitted);
                if (!"Active".equals(active.stateAsString())) {
                    throw new DeploymentException(FailureKind.UPDATE_FAILED, "Version " + version + " did not become "
                            + "active: State=" + active.stateAsString() + " (" + active.stateReasonCodeAsString() + ": "
                            + active.stateReason() + ")", functionArn, FunctionStatuses.of(client.lastSeen()), null);
                }
            }
            emit(new DeploymentEvent.Published(now(), version, response.codeSha256()));
            return true;
        } catch (SdkException e) {
            if (isCodeShaMismatch(e)) {
                foreignChange(Phase.PUBLISH, "CodeSha256 of $LATEST changed by another writer");
            } else {
                refused(Phase.PUBLISH, e);
            }
            return false;
        } finally {
            end(Phase.PUBLISH);
        }
    }

    private void moveAlias() {
        if (request.alias().isEmpty()) {
            skip(Phase.ALIAS, "not requested");
            return;
        }
        String alias = request.alias().get();
        begin(Phase.ALIAS);
        try {
            while (true) {
                checkBeforeChange();
                try {
                    GetAliasResponse current = readAlias(alias);
                    if (current == null) {
                        emit(new DeploymentEvent.Submitted(now(), Phase.ALIAS,
                                "Creating alias " + alias + " -> " + version));
                        client.createAlias(b -> b.functionName(functionArn).name(alias).functionVersion(version)
                                .overrideConfiguration(timeouts()));
                        worked(Phase.ALIAS);
                        emit(new DeploymentEvent.AliasMoved(now(), alias, version, true));
                        return;
                    }
                    if (version.equals(current.functionVersion())) {
                        skip(Phase.ALIAS, "alias " + alias + " already points to version " + version);
                        return;
                    }
                    emit(new DeploymentEvent.Submitted(now(), Phase.ALIAS, "Moving alias " + alias + " from "
                            + current.functionVersion() + " to " + version));
                    client.updateAlias(b -> b.functionName(functionArn).name(alias).functionVersion(version)
                            .revisionId(current.revisionId()).overrideConfiguration(timeouts()));
                    worked(Phase.ALIAS);
                    emit(new DeploymentEvent.AliasMoved(now(), alias, version, false));
                    return;
                } catch (SdkException e) {
                    refused(Phase.ALIAS, e);
                }
            }
        } finally {
            end(Phase.ALIAS);
        }
    }

    private GetAliasResponse readAlias(String alias) {
        try {
            return client.getAlias(b -> b.functionName(functionArn).name(alias).overrideConfiguration(timeouts()));
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private FunctionConfiguration verify() {
        begin(Phase.VERIFY);
        try {
            while (true) {
                checkNotInterrupted();
                remaining();
                try {
                    FunctionConfiguration v = client.getFunction(GetFunctionRequest.builder().functionName(functionArn)
                            .qualifier(version).overrideConfiguration(timeouts()).build()).configuration();
                    List<String> problems = new ArrayList<>();
                    if (!codeIsOurs(v)) {
                        problems.add("CodeSha256 is " + v.codeSha256() + ", expected " + ourSha());
                    }
                    List<String> differing = intent.differences(v);
                    if (!differing.isEmpty()) {
                        problems.add("configuration differs from the request in " + String.join(", ", differing));
                    }
                    if (!problems.isEmpty()) {
                        throw new DeploymentException(FailureKind.VERIFICATION_FAILED, "Verification of "
                                + (version == null ? "$LATEST" : "version " + version) + " failed: "
                                + String.join("; ", problems), functionArn, FunctionStatuses.of(client.lastSeen()), null);
                    }
                    emit(new DeploymentEvent.Verified(now(), v.codeSha256(), v.revisionId()));
                    return v;
                } catch (SdkException e) {
                    retry(retryableCause(e), detail(e));
                }
            }
        } finally {
            end(Phase.VERIFY);
        }
    }

    // ------------------------------------------------------------------------------------------------ waiting

    private FunctionConfiguration read() {
        while (true) {
            checkNotInterrupted();
            remaining();
            try {
                return client.getFunction(GetFunctionRequest.builder().functionName(functionArn)
                        .overrideConfiguration(timeouts()).build()).configuration();
            } catch (SdkException e) {
                retry(retryableCause(e), detail(e));
            }
        }
    }

    private FunctionConfiguration readSettled() {
        return settle(read());
    }

    /**
     * Waits with FunctionUpdatedV2 until LastUpdateStatus is no longer InProgress.
     *
     * @param kind the kind of our own operation awaited (for learning its duration), or null for someone else's
     * @return the configuration read last: Successful or Failed
     */
    private FunctionConfiguration awaitUpdated(String kind, long submittedNanos) {
        while (true) {
            AdaptiveBackoff backoff = backoff(kind, submittedNanos);
            try {
                WaiterResponse<GetFunctionResponse> response = waiter.waitUntilFunctionUpdatedV2(
                        GetFunctionRequest.builder().functionName(functionArn).overrideConfiguration(timeouts()).build(),
                        waiterConfiguration(backoff));
                learn(kind, backoff);
                return response.matched().response().map(GetFunctionResponse::configuration)
                        .orElseGet(client::lastSeen);
            } catch (SdkClientException e) {
                if (isWaiterFailure(e)) {
                    learn(kind, backoff);
                    return client.lastSeen();
                }
                retryAfterWaitFailure(e);
            }
        }
    }

    private FunctionConfiguration awaitActive() {
        while (true) {
            AdaptiveBackoff backoff = backoff(null, System.nanoTime());
            try {
                WaiterResponse<GetFunctionResponse> response = waiter.waitUntilFunctionActiveV2(
                        GetFunctionRequest.builder().functionName(functionArn).overrideConfiguration(timeouts()).build(),
                        waiterConfiguration(backoff));
                return response.matched().response().map(GetFunctionResponse::configuration)
                        .orElseGet(client::lastSeen);
            } catch (SdkClientException e) {
                if (isWaiterFailure(e)) {
                    throw functionFailed(client.lastSeen());
                }
                retryAfterWaitFailure(e);
            }
        }
    }

    private GetFunctionConfigurationResponse awaitVersionActive(long submittedNanos) {
        while (true) {
            AdaptiveBackoff backoff = backoff("publish", submittedNanos);
            GetFunctionConfigurationRequest poll = GetFunctionConfigurationRequest.builder().functionName(functionArn)
                    .qualifier(version).overrideConfiguration(timeouts()).build();
            try {
                WaiterResponse<GetFunctionConfigurationResponse> response =
                        waiter.waitUntilPublishedVersionActive(poll, waiterConfiguration(backoff));
                learn("publish", backoff);
                return response.matched().response().orElseThrow();
            } catch (SdkClientException e) {
                if (isWaiterFailure(e)) {
                    return client.getFunctionConfiguration(poll);
                }
                retryAfterWaitFailure(e);
            }
        }
    }

    /** A wait ended without reaching a final state: the deadline, an interrupt, or an error left after SDK retries. */
    private void retryAfterWaitFailure(SdkClientException e) {
        if (isInterruption(e)) {
            throw interrupted(e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("max wait time") || message.contains("max retry attempts")) {
            throw deadlineExceeded(e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof SdkException sdkCause) {
            retry(retryableCause(sdkCause), detail(sdkCause));
        } else {
            throw translate(e);
        }
    }

    private AdaptiveBackoff backoff(String kind, long startNanos) {
        Duration expected = kind == null ? null : engine.durations().estimate(functionArn, kind).orElse(null);
        Phase waitingPhase = phase;
        return new AdaptiveBackoff(System::nanoTime, startNanos, expected, engine.minimumPollInterval(),
                elapsed -> emit(new DeploymentEvent.StillWaiting(now(), waitingPhase,
                        FunctionStatuses.of(client.lastSeen()), elapsed)));
    }

    private void learn(String kind, AdaptiveBackoff backoff) {
        if (kind != null) {
            engine.durations().record(functionArn, kind, backoff.observedDuration(System.nanoTime()));
        }
    }

    private WaiterOverrideConfiguration waiterConfiguration(AdaptiveBackoff backoff) {
        return WaiterOverrideConfiguration.builder()
                .waitTimeout(remaining())
                .maxAttempts(WAITER_MAX_ATTEMPTS)
                .backoffStrategyV2(backoff)
                .build();
    }

    private static boolean isWaiterFailure(SdkClientException e) {
        return e.getCause() == null && String.valueOf(e.getMessage()).contains("transitioned the waiter to failure");
    }

    // ------------------------------------------------------------------------------------------------ failures

    /** Handles a refused mutation: retries 409, 412 (per policy), 429 and 5xx after a backoff; else fails. */
    private FunctionConfiguration afterRefusal(SdkException e) {
        refused(phase, e);
        return readSettled();
    }

    /**
     * Sorts a refused mutation into a foreign change or a plain retry. A 412 means another writer changed the function
     * since our read. A 409 means an update is in progress; we hold the lock (or, with lock provider {@code none}, the
     * user promised to serialize) and every mutation of ours starts only after our previous one settled, so that
     * update is another writer's too: under {@link ForeignChangePolicy#FAIL} it stops the deployment, under REAPPLY it
     * stays a CONFLICT retry that waits for the other update and re-applies our intent.
     */
    private void refused(Phase where, SdkException e) {
        RetryCause cause = retryableCause(e);
        boolean foreign = cause == RetryCause.STALE_REVISION || (cause == RetryCause.CONFLICT
                && request.onForeignChange() == ForeignChangePolicy.FAIL);
        if (foreign) {
            foreignChange(where, detail(e));
        } else {
            retry(cause, detail(e));
        }
    }

    /** @return the cause for a retryable error; throws the translated failure for any other */
    private RetryCause retryableCause(SdkException e) {
        if (isInterruption(e)) {
            throw interrupted(e);
        }
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service) {
            int status = service.statusCode();
            if (status == 409) {
                return RetryCause.CONFLICT;
            }
            if (status == 412) {
                return RetryCause.STALE_REVISION;
            }
            if (status == 429 || service.isThrottlingException()) {
                return RetryCause.THROTTLED;
            }
            if (status >= 500) {
                return RetryCause.SERVER_ERROR;
            }
        }
        throw translate(e);
    }

    private void foreignChange(Phase where, String what) {
        if (request.onForeignChange() == ForeignChangePolicy.FAIL) {
            throw new DeploymentException(FailureKind.FOREIGN_CHANGE, "Another writer changed " + functionArn
                    + " during the " + where.name().toLowerCase(java.util.Locale.ROOT) + " phase (" + what
                    + ") and onForeignChange is FAIL", functionArn, FunctionStatuses.of(client.lastSeen()), null);
        }
        Phase saved = phase;
        phase = where;
        try {
            retry(RetryCause.STALE_REVISION, what);
        } finally {
            phase = saved;
        }
    }

    private void retry(RetryCause cause, String detail) {
        int attempt = retryCounts.merge(phase, 1, Integer::sum);
        int allowed = request == null ? DeploymentRequest.DEFAULT_CONFLICT_RETRIES : request.conflictRetries();
        if (attempt > allowed) {
            throw new DeploymentException(FailureKind.CONFLICT_RETRIES_EXHAUSTED, "Gave up on the "
                    + phase.name().toLowerCase(java.util.Locale.ROOT) + " phase after " + allowed + " retries (last: "
                    + detail + ")", functionArn, FunctionStatuses.of(client.lastSeen()), null);
        }
        long ceiling = Math.min(RETRY_CAP.toMillis(), RETRY_BASE.toMillis() << Math.min(attempt - 1, 20));
        Duration delay = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
        Duration left = remaining();
        if (delay.compareTo(left) > 0) {
            delay = left;
        }
        retries.add(new Retry(phase, cause, attempt, delay));
        emit(new DeploymentEvent.Retrying(now(), phase, cause, attempt, delay, detail));
        try {
            engine.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        remaining();
    }

    private DeploymentException translate(SdkException e) {
        if (isInterruption(e)) {
            return interrupted(e);
        }
        if (deadline != null && !clock.instant().isBefore(deadline)) {
            return deadlineExceeded(e);
        }
        if (e instanceof ResourceNotFoundException) {
            return new DeploymentException(FailureKind.FUNCTION_NOT_FOUND, awsMessage(e), functionArn,
                    FunctionStatuses.of(client.lastSeen()), e);
        }
        return new DeploymentException(FailureKind.AWS_ERROR, "AWS call failed during the "
                + phase.name().toLowerCase(java.util.Locale.ROOT) + " phase: " + awsMessage(e), functionArn,
                FunctionStatuses.of(client.lastSeen()), e);
    }

    private DeploymentException interrupted(Throwable cause) {
        Thread.currentThread().interrupt();
        FunctionStatus left = FunctionStatuses.of(client.lastSeen());
        return new DeploymentException(FailureKind.INTERRUPTED, "Interrupted during the "
                + phase.name().toLowerCase(java.util.Locale.ROOT) + " phase; no further change was made"
                + (left == null ? "" : "; function left in " + left.describe()), functionArn, left, cause);
    }

    private DeploymentException deadlineExceeded(Throwable cause) {
        FunctionStatus left = FunctionStatuses.of(client.lastSeen());
        Duration allowed = deadline == null ? Duration.ZERO : Duration.between(started, deadline);
        return new DeploymentException(FailureKind.DEADLINE_EXCEEDED, "Deadline of " + seconds(allowed)
                + " exceeded during the " + phase.name().toLowerCase(java.util.Locale.ROOT) + " phase"
                + (left == null ? "" : "; function left in " + left.describe()), functionArn, left, cause);
    }

    private DeploymentException functionFailed(FunctionConfiguration cfg) {
        return new DeploymentException(FailureKind.FUNCTION_FAILED, "Function " + functionArn + " is in State=Failed"
                + " (" + cfg.stateReasonCodeAsString() + "): " + cfg.stateReason(), functionArn,
                FunctionStatuses.of(cfg), null);
    }

    private DeploymentException updateFailed(String what, FunctionConfiguration cfg) {
        return new DeploymentException(FailureKind.UPDATE_FAILED, what + " failed with LastUpdateStatus=Failed ("
                + cfg.lastUpdateStatusReasonCodeAsString() + "): " + cfg.lastUpdateStatusReason()
                + "; the previous code and configuration stay live", functionArn, FunctionStatuses.of(cfg), null);
    }

    private static boolean isInterruption(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof software.amazon.awssdk.core.exception.AbortedException
                    || t instanceof java.nio.channels.ClosedByInterruptException
                    || (t instanceof java.io.InterruptedIOException && !(t instanceof java.net.SocketTimeoutException))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isCodeShaMismatch(SdkException e) {
        return e instanceof software.amazon.awssdk.services.lambda.model.InvalidParameterValueException
                && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("codesha256");
    }

    private static String detail(SdkException e) {
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                && service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    private static String awsMessage(SdkException e) {
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage()
                    + " (HTTP " + service.statusCode() + ")";
        }
        return String.valueOf(e.getMessage());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void prepareCode() {
        CodeSource code = request.code().orElse(null);
        if (code instanceof CodeSource.ZipFile zip) {
            try {
                byte[] bytes = Files.readAllBytes(zip.path());
                zipBytes = SdkBytes.fromByteArray(bytes);
                expectedSha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (IOException e) {
                throw new InvalidRequestException("zipFile", "zipFile " + zip.path() + " cannot be read: " + e.getMessage());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }
    }

    private UpdateFunctionCodeRequest codeRequest(String revisionId) {
        UpdateFunctionCodeRequest.Builder b = UpdateFunctionCodeRequest.builder().functionName(functionArn)
                .revisionId(revisionId).overrideConfiguration(timeouts());
        CodeSource code = request.code().orElseThrow();
        if (code instanceof CodeSource.ZipFile) {
            b.zipFile(zipBytes);
        } else if (code instanceof CodeSource.S3Object s3) {
            b.s3Bucket(s3.bucket()).s3Key(s3.key()).s3ObjectVersion(s3.objectVersion());
        } else if (code instanceof CodeSource.ContainerImage image) {
            b.imageUri(image.imageUri());
        }
        return b.build();
    }

    private String describeCode() {
        CodeSource code = request.code().orElseThrow();
        if (code instanceof CodeSource.S3Object s3) {
            return "Updating code from s3://" + s3.bucket() + "/" + s3.key()
                    + (s3.objectVersion() == null ? "" : " (version " + s3.objectVersion() + ")");
        } else if (code instanceof CodeSource.ContainerImage image) {
            return "Updating code to image " + image.imageUri();
        }
        return "Updating code (CodeSha256 " + expectedSha + ")";
    }

    /** @return the CodeSha256 that proves our code: known before for a zip, from our update's response otherwise */
    private String ourSha() {
        return expectedSha != null ? expectedSha : appliedSha;
    }

    private boolean codeIsOurs(FunctionConfiguration cfg) {
        if (request.code().isEmpty()) {
            return true;
        }
        String sha = ourSha();
        return sha != null && sha.equals(cfg.codeSha256());
    }

    private void checkBeforeChange() {
        checkNotInterrupted();
        remaining();
    }

    private void checkNotInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(null);
        }
    }

    /** @return the time left before the deadline; throws DEADLINE_EXCEEDED when none is left */
    private Duration remaining() {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw deadlineExceeded(null);
        }
        return left;
    }

    private AwsRequestOverrideConfiguration timeouts() {
        return AwsRequestOverrideConfiguration.builder().apiCallTimeout(remaining()).build();
    }

    private void skip(Phase skippedPhase, String reason) {
        if (!worked.contains(skippedPhase) && skipped.add(skippedPhase)) {
            emit(new DeploymentEvent.Skipped(now(), skippedPhase, reason));
        }
    }

    private void worked(Phase workedPhase) {
        worked.add(workedPhase);
        skipped.remove(workedPhase);
    }

    private void begin(Phase next) {
        phase = next;
        phaseStarts.put(next, now());
    }

    private void end(Phase ended) {
        Instant start = phaseStarts.remove(ended);
        if (start != null) {
            durations.merge(ended, Duration.between(start, now()), Duration::plus);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private Instant now() {
        return clock.instant();
    }

    private void emit(DeploymentEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deployment listener failed on " + event.getClass().getSimpleName(), e);
        }
    }
}
