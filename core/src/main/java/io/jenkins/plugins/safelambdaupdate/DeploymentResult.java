package io.jenkins.plugins.safelambdaupdate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The outcome of a successful deployment. Immutable; built by the engine with {@link #builder()}. */
public final class DeploymentResult {
    private final String functionArn;
    private final String version;
    private final String alias;
    private final String revisionId;
    private final String codeSha256;
    private final Set<Phase> skipped;
    private final Duration lockWait;
    private final Map<Phase, Duration> phaseDurations;
    private final List<Retry> retries;
    private final Map<String, Integer> apiCalls;
    private final Duration total;

    private DeploymentResult(Builder b) {
        this.functionArn = Objects.requireNonNull(b.functionArn, "functionArn cannot be null");
        this.version = b.version;
        this.alias = b.alias;
        this.revisionId = b.revisionId;
        this.codeSha256 = b.codeSha256;
        this.skipped = Collections.unmodifiableSet(b.skipped.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(b.skipped));
        this.lockWait = b.lockWait;
        this.phaseDurations = Collections.unmodifiableMap(new EnumMap<>(b.phaseDurations));
        this.retries = List.copyOf(b.retries);
        this.apiCalls = Collections.unmodifiableMap(new TreeMap<>(b.apiCalls));
        this.total = b.total;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the canonical unqualified function ARN */
    public String functionArn() {
        return functionArn;
    }

    /** @return the published version, when one was published */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** @return the alias moved to {@link #version()}, when one was */
    public Optional<String> alias() {
        return Optional.ofNullable(alias);
    }

    /** @return the function's RevisionId at the final verification read */
    public String revisionId() {
        return revisionId;
    }

    /** @return the deployed CodeSha256 (of {@code $LATEST}, and of the published version when published) */
    public String codeSha256() {
        return codeSha256;
    }

    /** @return the phases that did nothing (not requested, or nothing to change) */
    public Set<Phase> skipped() {
        return skipped;
    }

    /** @return how long the deployment waited for the lock */
    public Duration lockWait() {
        return lockWait;
    }

    /** @return how long each phase that ran took, in protocol order */
    public Map<Phase, Duration> phaseDurations() {
        return phaseDurations;
    }

    /** @return the retries the engine made, in order */
    public List<Retry> retries() {
        return retries;
    }

    /** @return the number of AWS API calls made per operation name (for example {@code GetFunction}) */
    public Map<String, Integer> apiCalls() {
        return apiCalls;
    }

    /** @return the duration of the whole deployment, lock wait included */
    public Duration total() {
        return total;
    }

    /**
     * The result as plain data (Strings, numbers, booleans, lists and maps only), as the Jenkins step returns it.
     * Keys: {@code functionArn}, {@code version} and {@code alias} (only when present), {@code revisionId},
     * {@code codeSha256}, {@code skipped} (list of phase names), {@code lockWaitMillis}, {@code totalMillis},
     * {@code durations} (phase name to milliseconds), {@code retries} (count), {@code retriesByCause} (cause name to
     * count), {@code apiCalls} (operation name to count).
     *
     * @return a new modifiable map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("functionArn", functionArn);
        if (version != null) {
            map.put("version", version);
        }
        if (alias != null) {
            map.put("alias", alias);
        }
        map.put("revisionId", revisionId);
        map.put("codeSha256", codeSha256);
        List<String> skippedNames = new ArrayList<>();
        skipped.forEach(p -> skippedNames.add(p.name()));
        map.put("skipped", skippedNames);
        map.put("lockWaitMillis", lockWait.toMillis());
        map.put("totalMillis", total.toMillis());
        Map<String, Object> durations = new LinkedHashMap<>();
        phaseDurations.forEach((p, d) -> durations.put(p.name(), d.toMillis()));
        map.put("durations", durations);
        map.put("retries", retries.size());
        Map<String, Object> byCause = new LinkedHashMap<>();
        for (Retry r : retries) {
            byCause.merge(r.cause().name(), 1, (a, b) -> (Integer) a + (Integer) b);
        }
        map.put("retriesByCause", byCause);
        map.put("apiCalls", new LinkedHashMap<String, Object>(apiCalls));
        return map;
    }

    @Override
    public String toString() {
        return "DeploymentResult" + toMap();
    }

    /** Builder of {@link DeploymentResult}; used by the engine and by tests of front ends. */
    public static final class Builder {
        private String functionArn;
        private String version;
        private String alias;
        private String revisionId;
        private String codeSha256;
        private final Set<Phase> skipped = EnumSet.noneOf(Phase.class);
        private Duration lockWait = Duration.ZERO;
        private final Map<Phase, Duration> phaseDurations = new EnumMap<>(Phase.class);
        private final List<Retry> retries = new ArrayList<>();
        private final Map<String, Integer> apiCalls = new TreeMap<>();
        private Duration total = Duration.ZERO;

        private Builder() {
        }

        /** @param value the canonical ARN; required @return this */
        public Builder functionArn(String value) {
            this.functionArn = value;
            return this;
        }

        /** @param value the published version, or null @return this */
        public Builder version(String value) {
            this.version = value;
            return this;
        }

        /** @param value the alias moved, or null @return this */
        public Builder alias(String value) {
            this.alias = value;
            return this;
        }

        /** @param value the final RevisionId @return this */
        public Builder revisionId(String value) {
            this.revisionId = value;
            return this;
        }

        /** @param value the deployed CodeSha256 @return this */
        public Builder codeSha256(String value) {
            this.codeSha256 = value;
            return this;
        }

        /** @param values phases that did nothing, not null @return this */
        public Builder skipped(Set<Phase> values) {
            this.skipped.clear();
            this.skipped.addAll(values);
            return this;
        }

        /** @param value the lock wait, not null @return this */
        public Builder lockWait(Duration value) {
            this.lockWait = Objects.requireNonNull(value, "lockWait cannot be null");
            return this;
        }

        /** @param values durations per phase, not null @return this */
        public Builder phaseDurations(Map<Phase, Duration> values) {
            this.phaseDurations.clear();
            this.phaseDurations.putAll(values);
            return this;
        }

        /** @param values the retries, not null @return this */
        public Builder retries(List<Retry> values) {
            this.retries.clear();
            this.retries.addAll(values);
            return this;
        }

        /** @param values API calls per operation, not null @return this */
        public Builder apiCalls(Map<String, Integer> values) {
            this.apiCalls.clear();
            this.apiCalls.putAll(values);
            return this;
        }

        /** @param value the total duration, not null @return this */
        public Builder total(Duration value) {
            this.total = Objects.requireNonNull(value, "total cannot be null");
            return this;
        }

        /**
         * @return the result
         * @throws NullPointerException if functionArn was not set
         */
        public DeploymentResult build() {
            return new DeploymentResult(this);
        }
    }
}
