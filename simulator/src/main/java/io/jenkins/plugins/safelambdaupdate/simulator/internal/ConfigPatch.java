package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration fields of a CreateFunction or UpdateFunctionConfiguration request; null means
 * "not given, keep what is there".
 */
record ConfigPatch(String runtime, String role, String handler, String description, Integer timeout,
                   Integer memorySize, Map<String, String> environment, List<String> layers) {
    /**
     * The environment variable names Lambda's runtimes set themselves and refuse in a configuration (AWS
     * documentation, "Working with Lambda environment variables", defined runtime environment variables).
     */
    static final Set<String> RESERVED_ENVIRONMENT_KEYS = Set.of(
            "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    /** Reads the fields AWS accepts at the top level of both requests. */
    static ConfigPatch from(JsonFields body) {
        JsonFields environment = body.object("Environment");
        return new ConfigPatch(body.text("Runtime"), body.text("Role"), body.text("Handler"),
                body.text("Description"), body.integer("Timeout"), body.integer("MemorySize"),
                environment == null ? null : nonNull(environment.stringMap("Variables")),
                body.stringList("Layers"));
    }

    /**
     * Checks the limits AWS checks.
     *
     * @throws LambdaError ValidationException for Timeout or MemorySize out of range,
     *                     InvalidParameterValueException for too many layers, reserved environment variable
     *                     names or a too large environment
     */
    ConfigPatch validate(ObjectMapper mapper) {
        checkRange("timeout", timeout, 1, 900);
        checkRange("memorySize", memorySize, 128, 10240);
        if (layers != null && layers.size() > Errors.MAX_LAYERS) {
            throw Errors.tooManyLayers();
        }
        if (environment != null) {
            List<String> reserved = environment.keySet().stream().filter(RESERVED_ENVIRONMENT_KEYS::contains).toList();
            if (!reserved.isEmpty()) {
                throw Errors.reservedEnvironmentKeys(reserved);
            }
            String measured = toJson(mapper, environment);
            if (measured.getBytes(StandardCharsets.UTF_8).length > Errors.MAX_ENVIRONMENT_BYTES) {
                throw Errors.environmentTooLarge(measured);
            }
        }
        return this;
    }

    private static void checkRange(String field, Integer value, int min, int max) {
        if (value != null && value < min) {
            throw Errors.validation("'" + value + "'", field,
                    "Member must have value greater than or equal to " + min);
        }
        if (value != null && value > max) {
            throw Errors.validation("'" + value + "'", field, "Member must have value less than or equal to " + max);
        }
    }

    private static Map<String, String> nonNull(Map<String, String> variables) {
        return variables == null ? Map.of() : variables;
    }

    private static String toJson(ObjectMapper mapper, Map<String, String> variables) {
        try {
            return mapper.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
