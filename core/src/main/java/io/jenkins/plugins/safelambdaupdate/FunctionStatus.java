package io.jenkins.plugins.safelambdaupdate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a function ({@code $LATEST}) at one read. Immutable. State values are kept as strings
 * because AWS adds new ones without notice. Build with {@link #builder()}.
 */
public final class FunctionStatus {
    private final String functionArn;
    private final String state;
    private final String stateReason;
    private final String stateReasonCode;
    private final String lastUpdateStatus;
    private final String lastUpdateStatusReason;
    private final String lastUpdateStatusReasonCode;
    private final String codeSha256;
    private final String revisionId;
    private final String lastModified;
    private final Instant readAt;

    private FunctionStatus(Builder b) {
        this.functionArn = b.functionArn;
        this.state = b.state;
        this.stateReason = b.stateReason;
        this.stateReasonCode = b.stateReasonCode;
        this.lastUpdateStatus = b.lastUpdateStatus;
        this.lastUpdateStatusReason = b.lastUpdateStatusReason;
        this.lastUpdateStatusReasonCode = b.lastUpdateStatusReasonCode;
        this.codeSha256 = b.codeSha256;
        this.revisionId = b.revisionId;
        this.lastModified = b.lastModified;
        this.readAt = b.readAt;
    }

    /** @return a new builder with every field unset */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the function ARN as AWS reported it, or null when unknown */
    public String functionArn() {
        return functionArn;
    }

    /** @return {@code Pending}, {@code Active}, {@code Inactive}, {@code Failed} ..., or null when not reported */
    public String state() {
        return state;
    }

    /** @return the StateReason text, when reported */
    public Optional<String> stateReason() {
        return Optional.ofNullable(stateReason);
    }

    /** @return the StateReasonCode, when reported */
    public Optional<String> stateReasonCode() {
        return Optional.ofNullable(stateReasonCode);
    }

    /** @return {@code InProgress}, {@code Successful}, {@code Failed}, or null when not reported */
    public String lastUpdateStatus() {
        return lastUpdateStatus;
    }

    /** @return the LastUpdateStatusReason text, when reported */
    public Optional<String> lastUpdateStatusReason() {
        return Optional.ofNullable(lastUpdateStatusReason);
    }

    /** @return the LastUpdateStatusReasonCode, when reported */
    public Optional<String> lastUpdateStatusReasonCode() {
        return Optional.ofNullable(lastUpdateStatusReasonCode);
    }

    /** @return the base64 SHA-256 of the deployed code, or null when not reported */
    public String codeSha256() {
        return codeSha256;
    }

    /** @return the RevisionId at this read, or null when not reported */
    public String revisionId() {
        return revisionId;
    }

    /** @return LastModified as AWS formats it, or null when not reported */
    public String lastModified() {
        return lastModified;
    }

    /**
     * @return true when no transition is in progress: State is not {@code Pending} and LastUpdateStatus is not
     *     {@code InProgress} (a {@code Failed} state or update counts as settled)
     */
    public boolean isSettled() {
        return !"Pending".equals(state) && !"InProgress".equals(lastUpdateStatus);
    }

    /** @return when this state was read from AWS, when known: a state reported after a failure may be older */
    public Optional<Instant> readAt() {
        return Optional.ofNullable(readAt);
    }

    /**
     * @param now the time the description is for, not null
     * @return {@link #describe()}, and how long before {@code now} the state was read when that is a second or more
     *     (for example {@code "State=Active, LastUpdateStatus=InProgress (as read 3.2 s before)"})
     */
    public String describeAsOf(Instant now) {
        if (readAt == null) {
            return describe();
        }
        Duration age = Duration.between(readAt, now);
        return age.compareTo(Duration.ofSeconds(1)) < 0 ? describe()
                : describe() + " (as read " + Durations.format(age) + " before)";
    }

    /**
     * @return one line such as {@code "State=Active, LastUpdateStatus=InProgress"}, with the reason codes when
     *     present (for example {@code "State=Active, LastUpdateStatus=Failed (InvalidConfiguration)"})
     */
    public String describe() {
        StringBuilder sb = new StringBuilder("State=").append(state == null ? "unknown" : state);
        if (stateReasonCode != null && !"Active".equals(state) && !"Idle".equals(stateReasonCode)) {
            sb.append(" (").append(stateReasonCode).append(')');
        }
        sb.append(", LastUpdateStatus=").append(lastUpdateStatus == null ? "unknown" : lastUpdateStatus);
        if (lastUpdateStatusReasonCode != null && !"Successful".equals(lastUpdateStatus)) {
            sb.append(" (").append(lastUpdateStatusReasonCode).append(')');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FunctionStatus other)) {
            return false;
        }
        return Objects.equals(functionArn, other.functionArn) && Objects.equals(state, other.state)
                && Objects.equals(stateReason, other.stateReason) && Objects.equals(stateReasonCode, other.stateReasonCode)
                && Objects.equals(lastUpdateStatus, other.lastUpdateStatus)
                && Objects.equals(lastUpdateStatusReason, other.lastUpdateStatusReason)
                && Objects.equals(lastUpdateStatusReasonCode, other.lastUpdateStatusReasonCode)
                && Objects.equals(codeSha256, other.codeSha256) && Objects.equals(revisionId, other.revisionId)
                && Objects.equals(lastModified, other.lastModified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(functionArn, state, lastUpdateStatus, codeSha256, revisionId);
    }

    @Override
    public String toString() {
        return "FunctionStatus{" + describe() + ", functionArn=" + functionArn + ", codeSha256=" + codeSha256
                + ", revisionId=" + revisionId + ", lastModified=" + lastModified + "}";
    }

    /** Builder of {@link FunctionStatus}; every field is optional. */
    public static final class Builder {
        private String functionArn;
        private String state;
        private String stateReason;
        private String stateReasonCode;
        private String lastUpdateStatus;
        private String lastUpdateStatusReason;
        private String lastUpdateStatusReasonCode;
        private String codeSha256;
        private String revisionId;
        private String lastModified;
        private Instant readAt;

        private Builder() {
        }

        /** @param value the function ARN, or null @return this builder */
        public Builder functionArn(String value) {
            this.functionArn = value;
            return this;
        }

        /** @param value the State, or null @return this builder */
        public Builder state(String value) {
            this.state = value;
            return this;
        }

        /** @param value the StateReason, or null @return this builder */
        public Builder stateReason(String value) {
            this.stateReason = value;
            return this;
        }

        /** @param value the StateReasonCode, or null @return this builder */
        public Builder stateReasonCode(String value) {
            this.stateReasonCode = value;
            return this;
        }

        /** @param value the LastUpdateStatus, or null @return this builder */
        public Builder lastUpdateStatus(String value) {
            this.lastUpdateStatus = value;
            return this;
        }

        /** @param value the LastUpdateStatusReason, or null @return this builder */
        public Builder lastUpdateStatusReason(String value) {
            this.lastUpdateStatusReason = value;
            return this;
        }

        /** @param value the LastUpdateStatusReasonCode, or null @return this builder */
        public Builder lastUpdateStatusReasonCode(String value) {
            this.lastUpdateStatusReasonCode = value;
            return this;
        }

        /** @param value the CodeSha256, or null @return this builder */
        public Builder codeSha256(String value) {
            this.codeSha256 = value;
            return this;
        }

        /** @param value the RevisionId, or null @return this builder */
        public Builder revisionId(String value) {
            this.revisionId = value;
            return this;
        }

        /**
         * @param value when the state was read from AWS, or null
         * @return this builder
         */
        public Builder readAt(Instant value) {
            this.readAt = value;
            return this;
        }

        /** @param value LastModified, or null @return this builder */
        public Builder lastModified(String value) {
            this.lastModified = value;
            return this;
        }

        /** @return the status */
        public FunctionStatus build() {
            return new FunctionStatus(this);
        }
    }
}
