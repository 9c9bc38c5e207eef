package io.jenkins.plugins.safelambdaupdate;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened during a deployment, reported to a {@link DeploymentListener} as it happens.
 * Events are immutable values; none carries environment variable values or credentials. Render them with
 * {@link EventRenderer}. Nullable fields are documented on each record.
 */
public sealed interface DeploymentEvent {

    /** @return when the event happened, by the deployer's clock */
    Instant at();

    /**
     * @return the event's stable name in machine-readable output (JSON lines, logs): {@code lock-waiting},
     *     {@code lock-acquired}, {@code lock-skipped}, {@code resolved}, {@code settled}, {@code submitted},
     *     {@code still-waiting}, {@code confirmed}, {@code skipped}, {@code retrying}, {@code published},
     *     {@code alias-moved}, {@code verified}, {@code lock-released}, {@code failed}. Never renamed.
     */
    String type();

    /**
     * Hands the event to the visitor's method for its kind: a front end that renders events implements
     * {@link Visitor}, so a new kind of event fails its compilation instead of being skipped silently.
     *
     * @param visitor the visitor, not null
     * @param <R> what the visitor returns
     * @return what the visitor returned
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of event.
     *
     * @param <R> what each method returns
     */
    interface Visitor<R> {
        R visit(LockWaiting event);

        R visit(LockAcquired event);

        R visit(LockSkipped event);

        R visit(Resolved event);

        R visit(Settled event);

        R visit(Submitted event);

        R visit(StillWaiting event);

        R visit(Confirmed event);

        R visit(Skipped event);

        R visit(Retrying event);

        R visit(Published event);

        R visit(AliasMoved event);

        R visit(Verified event);

        R visit(Released event);

        R visit(Failed event);
    }

    /**
     * The lock is held by someone else; we wait (without polling AWS).
     *
     * @param at when
     * @param lockName the lock name (the canonical function ARN)
     * @param holder a description of the holder (for example {@code "build #12 of deploy-job"}), or null when unknown
     */
    record LockWaiting(Instant at, String lockName, String holder) implements DeploymentEvent {
        /** @throws NullPointerException if at or lockName is null */
        public LockWaiting {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(lockName, "lockName cannot be null");
        }

        @Override
        public String type() {
            return "lock-waiting";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The lock was acquired.
     *
     * @param at when
     * @param lockName the lock name
     * @param waited how long we waited for it
     */
    record LockAcquired(Instant at, String lockName, Duration waited) implements DeploymentEvent {
        /** @throws NullPointerException if an argument is null */
        public LockAcquired {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(lockName, "lockName cannot be null");
            Objects.requireNonNull(waited, "waited cannot be null");
        }

        @Override
        public String type() {
            return "lock-acquired";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * No lock was taken, on purpose: the lock provider takes none (the caller serializes deployments itself, or an
     * enclosing lock already covers this function).
     *
     * @param at when
     * @param lockName the lock name that was not taken
     * @param reason why, as the lock provider says it (for example {@code "lock: false"})
     */
    record LockSkipped(Instant at, String lockName, String reason) implements DeploymentEvent {
        /** @throws NullPointerException if an argument is null */
        public LockSkipped {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(lockName, "lockName cannot be null");
            Objects.requireNonNull(reason, "reason cannot be null");
        }

        @Override
        public String type() {
            return "lock-skipped";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The reference was resolved to the canonical unqualified function ARN.
     *
     * @param at when
     * @param functionName the reference as given
     * @param functionArn the canonical unqualified ARN
     */
    record Resolved(Instant at, String functionName, String functionArn) implements DeploymentEvent {
        /** @throws NullPointerException if an argument is null */
        public Resolved {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(functionName, "functionName cannot be null");
            Objects.requireNonNull(functionArn, "functionArn cannot be null");
        }

        @Override
        public String type() {
            return "resolved";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * No creation or update is in progress any more (or was not).
     *
     * @param at when
     * @param status the settled state
     * @param waited how long we waited, zero when it was settled already
     */
    record Settled(Instant at, FunctionStatus status, Duration waited) implements DeploymentEvent {
        /** @throws NullPointerException if an argument is null */
        public Settled {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(status, "status cannot be null");
            Objects.requireNonNull(waited, "waited cannot be null");
        }

        @Override
        public String type() {
            return "settled";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A mutation was sent to AWS. What it changes is typed, per phase; fields of other phases are empty or null.
     *
     * @param at when
     * @param phase {@link Phase#CODE}, {@link Phase#CONFIGURATION}, {@link Phase#PUBLISH} or {@link Phase#ALIAS}
     * @param settings CONFIGURATION: the settings sent (those that differ from the function's), in declaration
     *     order; empty for the other phases. Names only: never a value
     * @param code CODE: where the new code comes from; null for the other phases
     * @param codeSha256 CODE from a zip, and PUBLISH: the CodeSha256 expected; null otherwise
     * @param alias ALIAS: the alias; null otherwise
     * @param fromVersion ALIAS: the version it pointed to; null when it is created, and for the other phases
     * @param toVersion ALIAS: the version it will point to; null for the other phases
     */
    record Submitted(Instant at, Phase phase, Set<Setting> settings, CodeSource code, String codeSha256, String alias,
                     String fromVersion, String toVersion) implements DeploymentEvent {
        /** @throws NullPointerException if at, phase or settings is null */
        public Submitted {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(phase, "phase cannot be null");
            settings = Collections.unmodifiableSet(settings.isEmpty() ? EnumSet.noneOf(Setting.class)
                    : EnumSet.copyOf(settings));
        }

        /**
         * @param at when
         * @param code where the code comes from, not null
         * @param codeSha256 the CodeSha256 expected (a zip), or null when not known locally (S3, image)
         * @return an update of the code
         */
        public static Submitted code(Instant at, CodeSource code, String codeSha256) {
            return new Submitted(at, Phase.CODE, Set.of(), Objects.requireNonNull(code, "code cannot be null"),
                    codeSha256, null, null, null);
        }

        /**
         * @param at when
         * @param settings the settings sent, not null
         * @return an update of the configuration
         */
        public static Submitted configuration(Instant at, Set<Setting> settings) {
            return new Submitted(at, Phase.CONFIGURATION, settings, null, null, null, null, null);
        }

        /**
         * @param at when
         * @param codeSha256 the CodeSha256 the version must hold, not null
         * @return a PublishVersion
         */
        public static Submitted publish(Instant at, String codeSha256) {
            return new Submitted(at, Phase.PUBLISH, Set.of(), null,
                    Objects.requireNonNull(codeSha256, "codeSha256 cannot be null"), null, null, null);
        }

        /**
         * @param at when
         * @param alias the alias, not null
         * @param fromVersion the version it points to, or null when it is created
         * @param toVersion the version it will point to, not null
         * @return a CreateAlias (fromVersion null) or UpdateAlias
         */
        public static Submitted alias(Instant at, String alias, String fromVersion, String toVersion) {
            return new Submitted(at, Phase.ALIAS, Set.of(), null, null,
                    Objects.requireNonNull(alias, "alias cannot be null"), fromVersion,
                    Objects.requireNonNull(toVersion, "toVersion cannot be null"));
        }

        @Override
        public String type() {
            return "submitted";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A wait goes on (reported every few seconds of a long wait, not at every poll).
     *
     * @param at when
     * @param phase the phase waiting
     * @param status the last state read, or null when none was read yet
     * @param elapsed how long this wait has lasted
     */
    record StillWaiting(Instant at, Phase phase, FunctionStatus status, Duration elapsed) implements DeploymentEvent {
        /** @throws NullPointerException if at, phase or elapsed is null */
        public StillWaiting {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(phase, "phase cannot be null");
            Objects.requireNonNull(elapsed, "elapsed cannot be null");
        }

        @Override
        public String type() {
            return "still-waiting";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A mutation finished successfully, as seen by the waiter.
     *
     * @param at when
     * @param phase {@link Phase#CODE}, {@link Phase#CONFIGURATION} or {@link Phase#PUBLISH}
     * @param revisionId the RevisionId after the change
     * @param codeSha256 the CodeSha256 after the change
     * @param took from submission to confirmation
     */
    record Confirmed(Instant at, Phase phase, String revisionId, String codeSha256, Duration took)
            implements DeploymentEvent {
        /** @throws NullPointerException if at, phase or took is null */
        public Confirmed {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(phase, "phase cannot be null");
            Objects.requireNonNull(took, "took cannot be null");
        }

        @Override
        public String type() {
            return "confirmed";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A phase did nothing.
     *
     * @param at when
     * @param phase the phase
     * @param reason why, not null
     * @param codeSha256 {@link SkipReason#CODE_UNCHANGED}: the CodeSha256 already deployed; null otherwise
     */
    record Skipped(Instant at, Phase phase, SkipReason reason, String codeSha256) implements DeploymentEvent {
        /** @throws NullPointerException if at, phase or reason is null */
        public Skipped {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(phase, "phase cannot be null");
            Objects.requireNonNull(reason, "reason cannot be null");
        }

        @Override
        public String type() {
            return "skipped";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A refused or failed call will be retried after a delay.
     *
     * @param at when
     * @param phase the phase
     * @param cause why
     * @param attempt 1 for the first retry of this phase
     * @param delay the delay before the retry
     * @param errorCode the AWS error code (for example {@code ResourceConflictException}) or, for a failure without
     *     one, the SDK exception's class name; null when no call failed (another writer's change seen in a read)
     * @param statusCode the HTTP status of the refusal; null when there was no HTTP answer or no call failed
     */
    record Retrying(Instant at, Phase phase, RetryCause cause, int attempt, Duration delay, String errorCode,
                    Integer statusCode) implements DeploymentEvent {
        /** @throws NullPointerException if at, phase, cause or delay is null */
        public Retrying {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(phase, "phase cannot be null");
            Objects.requireNonNull(cause, "cause cannot be null");
            Objects.requireNonNull(delay, "delay cannot be null");
        }

        @Override
        public String type() {
            return "retrying";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * A version was published and is active.
     *
     * @param at when
     * @param version the version number
     * @param codeSha256 the version's CodeSha256
     */
    record Published(Instant at, String version, String codeSha256) implements DeploymentEvent {
        /** @throws NullPointerException if at or version is null */
        public Published {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(version, "version cannot be null");
        }

        @Override
        public String type() {
            return "published";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The alias points at the version.
     *
     * @param at when
     * @param alias the alias name
     * @param version the version it points at
     * @param created true when the alias was created, false when moved
     */
    record AliasMoved(Instant at, String alias, String version, boolean created) implements DeploymentEvent {
        /** @throws NullPointerException if an argument is null */
        public AliasMoved {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(alias, "alias cannot be null");
            Objects.requireNonNull(version, "version cannot be null");
        }

        @Override
        public String type() {
            return "alias-moved";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The final read matched the intent.
     *
     * @param at when
     * @param codeSha256 the deployed CodeSha256
     * @param revisionId the RevisionId at the final read
     */
    record Verified(Instant at, String codeSha256, String revisionId) implements DeploymentEvent {
        /** @throws NullPointerException if at is null */
        public Verified {
            Objects.requireNonNull(at, "at cannot be null");
        }

        @Override
        public String type() {
            return "verified";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The lock was released.
     *
     * @param at when
     * @param lockName the lock name
     * @param held how long it was held
     */
    record Released(Instant at, String lockName, Duration held) implements DeploymentEvent {
        /** @throws NullPointerException if an argument is null */
        public Released {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(lockName, "lockName cannot be null");
            Objects.requireNonNull(held, "held cannot be null");
        }

        @Override
        public String type() {
            return "lock-released";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * The deployment failed; a {@link DeploymentException} with the same kind and message follows.
     *
     * @param at when
     * @param failure the kind
     * @param message the message
     * @param stateLeft the function state when we stopped, or null when unknown
     */
    record Failed(Instant at, FailureKind failure, String message, FunctionStatus stateLeft) implements DeploymentEvent {
        /** @throws NullPointerException if at, failure or message is null */
        public Failed {
            Objects.requireNonNull(at, "at cannot be null");
            Objects.requireNonNull(failure, "failure cannot be null");
            Objects.requireNonNull(message, "message cannot be null");
        }

        @Override
        public String type() {
            return "failed";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
