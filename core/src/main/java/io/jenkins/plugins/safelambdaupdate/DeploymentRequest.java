package io.jenkins.plugins.safelambdaupdate;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one deployment should achieve. Immutable; build with {@link #builder()}. Only {@code functionName} is
 * required; settings left unset are not changed on the function. {@link #build()} checks only for missing and
 * null values; ranges and syntax are checked when the deployment starts, before any AWS call.
 * {@link #toString()} names environment variables but never prints their values.
 */
public final class DeploymentRequest {
    /** The default {@link #deadline()}: 15 minutes. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(15);
    /** The default {@link #conflictRetries()}: 5. */
    public static final int DEFAULT_CONFLICT_RETRIES = 5;

    private final String functionName;
    private final CodeSource code;
    private final Map<String, String> environment;
    private final EnvironmentMode environmentMode;
    private final Integer memorySize;
    private final Integer timeout;
    private final String handler;
    private final String runtime;
    private final String description;
    private final List<String> layers;
    private final String role;
    private final boolean publish;
    private final String alias;
    private final Duration deadline;
    private final int conflictRetries;
    private final ForeignChangePolicy onForeignChange;

    private DeploymentRequest(Builder b) {
        this.functionName = b.functionName;
        this.code = b.code;
        this.environment = b.environment == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.environmentMode = b.environmentMode;
        this.memorySize = b.memorySize;
        this.timeout = b.timeout;
        this.handler = b.handler;
        this.runtime = b.runtime;
        this.description = b.description;
        this.layers = b.layers == null ? null : List.copyOf(b.layers);
        this.role = b.role;
        this.publish = b.publish;
        this.alias = b.alias;
        this.deadline = b.deadline;
        this.conflictRetries = b.conflictRetries;
        this.onForeignChange = b.onForeignChange;
    }

    /** @return a new builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this request's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.functionName = functionName;
        b.code = code;
        b.environment = environment;
        b.environmentMode = environmentMode;
        b.memorySize = memorySize;
        b.timeout = timeout;
        b.handler = handler;
        b.runtime = runtime;
        b.description = description;
        b.layers = layers;
        b.role = role;
        b.publish = publish;
        b.alias = alias;
        b.deadline = deadline;
        b.conflictRetries = conflictRetries;
        b.onForeignChange = onForeignChange;
        return b;
    }

    /** @return the function reference as given (name, name:qualifier, full or partial ARN), never null */
    public String functionName() {
        return functionName;
    }

    /** @return the new code, when the code is to be updated */
    public Optional<CodeSource> code() {
        return Optional.ofNullable(code);
    }

    /** @return the requested environment variables (unmodifiable), when the environment is to be changed */
    public Optional<Map<String, String>> environment() {
        return Optional.ofNullable(environment);
    }

    /** @return how {@link #environment()} combines with existing variables; default {@link EnvironmentMode#MERGE} */
    public EnvironmentMode environmentMode() {
        return environmentMode;
    }

    /** @return the memory size in MB, when to be changed */
    public Optional<Integer> memorySize() {
        return Optional.ofNullable(memorySize);
    }

    /** @return the timeout in seconds, when to be changed */
    public Optional<Integer> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return the handler, when to be changed */
    public Optional<String> handler() {
        return Optional.ofNullable(handler);
    }

    /** @return the runtime identifier (for example {@code java17}), when to be changed */
    public Optional<String> runtime() {
        return Optional.ofNullable(runtime);
    }

    /** @return the description, when to be changed */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the complete list of layer version ARNs (unmodifiable), when to be changed */
    public Optional<List<String>> layers() {
        return Optional.ofNullable(layers);
    }

    /** @return the execution role ARN, when to be changed */
    public Optional<String> role() {
        return Optional.ofNullable(role);
    }

    /** @return whether to publish a version after the updates; default false */
    public boolean publish() {
        return publish;
    }

    /** @return the alias to point at the published version, when requested (requires {@link #publish()}) */
    public Optional<String> alias() {
        return Optional.ofNullable(alias);
    }

    /** @return the bound on the whole deployment, lock wait included; default 15 minutes */
    public Duration deadline() {
        return deadline;
    }

    /**
     * @return the retries each phase may make in this deployment (after 409, 412, 429 or 5xx left over by the SDK's
     *     own retries, or another writer's change found after the phase), each phase counting its own; a phase run
     *     again to re-apply the intent spends from the same count; default 5
     */
    public int conflictRetries() {
        return conflictRetries;
    }

    /** @return what to do when another writer changes the function; default {@link ForeignChangePolicy#REAPPLY} */
    public ForeignChangePolicy onForeignChange() {
        return onForeignChange;
    }

    /** @return true when code or any configuration setting is to be changed */
    public boolean changesConfiguration() {
        return environment != null || memorySize != null || timeout != null || handler != null || runtime != null
                || description != null || layers != null || role != null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DeploymentRequest{functionName=").append(functionName);
        if (code != null) {
            sb.append(", code=").append(code);
        }
        if (environment != null) {
            sb.append(", environment=").append(environment.keySet()).append(" (").append(environmentMode).append(')');
        }
        append(sb, "memorySize", memorySize);
        append(sb, "timeout", timeout);
        append(sb, "handler", handler);
        append(sb, "runtime", runtime);
        append(sb, "description", description);
        append(sb, "layers", layers);
        append(sb, "role", role);
        sb.append(", publish=").append(publish);
        append(sb, "alias", alias);
        return sb.append(", deadline=").append(deadline).append(", conflictRetries=").append(conflictRetries)
                .append(", onForeignChange=").append(onForeignChange).append('}').toString();
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(", ").append(name).append('=').append(value);
        }
    }

    /** Builder of {@link DeploymentRequest}. Not thread-safe. */
    public static final class Builder {
        private String functionName;
        private CodeSource code;
        private Map<String, String> environment;
        private EnvironmentMode environmentMode = EnvironmentMode.MERGE;
        private Integer memorySize;
        private Integer timeout;
        private String handler;
        private String runtime;
        private String description;
        private List<String> layers;
        private String role;
        private boolean publish;
        private String alias;
        private Duration deadline = DEFAULT_DEADLINE;
        private int conflictRetries = DEFAULT_CONFLICT_RETRIES;
        private ForeignChangePolicy onForeignChange = ForeignChangePolicy.REAPPLY;

        private Builder() {
        }

        /** @param value the function reference (name, name:qualifier, full or partial ARN); required @return this */
        public Builder functionName(String value) {
            this.functionName = value;
            return this;
        }

        /** @param value the new code, or null to leave the code unchanged (default) @return this */
        public Builder code(CodeSource value) {
            this.code = value;
            return this;
        }

        /**
         * @param value environment variables to set (copied; no null names or values), or null to leave the
         *     environment unchanged (default); an empty map with {@link EnvironmentMode#REPLACE} removes all
         * @return this
         */
        public Builder environment(Map<String, String> value) {
            this.environment = value == null ? null : new LinkedHashMap<>(value);
            return this;
        }

        /** @param value {@link EnvironmentMode#MERGE} (default) or {@link EnvironmentMode#REPLACE} @return this */
        public Builder environmentMode(EnvironmentMode value) {
            this.environmentMode = value;
            return this;
        }

        /** @param value memory in MB, or null to leave unchanged (default) @return this */
        public Builder memorySize(Integer value) {
            this.memorySize = value;
            return this;
        }

        /** @param value timeout in seconds, or null to leave unchanged (default) @return this */
        public Builder timeout(Integer value) {
            this.timeout = value;
            return this;
        }

        /** @param value the handler, or null to leave unchanged (default) @return this */
        public Builder handler(String value) {
            this.handler = value;
            return this;
        }

        /** @param value the runtime, or null to leave unchanged (default) @return this */
        public Builder runtime(String value) {
            this.runtime = value;
            return this;
        }

        /** @param value the description, or null to leave unchanged (default) @return this */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** @param value the complete list of layer ARNs (copied), or null to leave unchanged (default) @return this */
        public Builder layers(List<String> value) {
            this.layers = value == null ? null : List.copyOf(value);
            return this;
        }

        /** @param value the execution role ARN, or null to leave unchanged (default) @return this */
        public Builder role(String value) {
            this.role = value;
            return this;
        }

        /** @param value whether to publish a version; default false @return this */
        public Builder publish(boolean value) {
            this.publish = value;
            return this;
        }

        /** @param value alias to move to the published version, or null (default) @return this */
        public Builder alias(String value) {
            this.alias = value;
            return this;
        }

        /** @param value the bound on the whole deployment; default 15 minutes @return this */
        public Builder deadline(Duration value) {
            this.deadline = value;
            return this;
        }

        /**
         * @param value the retries each phase may make (see {@link DeploymentRequest#conflictRetries()}); default 5
         * @return this
         */
        public Builder conflictRetries(int value) {
            this.conflictRetries = value;
            return this;
        }

        /** @param value what to do on a foreign change; default {@link ForeignChangePolicy#REAPPLY} @return this */
        public Builder onForeignChange(ForeignChangePolicy value) {
            this.onForeignChange = value;
            return this;
        }

        /**
         * Builds the request, checking only for missing and null values.
         *
         * @return the request
         * @throws InvalidRequestException if functionName, environmentMode, deadline or onForeignChange is null,
         *     or an environment variable name or value is null
         */
        public DeploymentRequest build() {
            if (functionName == null) {
                throw new InvalidRequestException(Parameter.FUNCTION_NAME, "cannot be null");
            }
            if (environmentMode == null) {
                throw new InvalidRequestException(Parameter.ENVIRONMENT_MODE, "cannot be null");
            }
            if (deadline == null) {
                throw new InvalidRequestException(Parameter.DEADLINE, "cannot be null");
            }
            if (onForeignChange == null) {
                throw new InvalidRequestException(Parameter.ON_FOREIGN_CHANGE, "cannot be null");
            }
            if (environment != null) {
                for (Map.Entry<String, String> e : environment.entrySet()) {
                    if (e.getKey() == null) {
                        throw new InvalidRequestException(Parameter.ENVIRONMENT, "variable names cannot be null");
                    }
                    if (e.getValue() == null) {
                        throw new InvalidRequestException(Parameter.ENVIRONMENT,
                                "variable " + e.getKey() + " cannot have a null value");
                    }
                }
            }
            Objects.requireNonNull(functionName);
            return new DeploymentRequest(this);
        }
    }
}
