package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration of one function version (everything but code), immutable.
 *
 * @param packageType {@code Zip} or {@code Image}
 * @param environment never null; empty when there are no variables
 * @param layers      layer version ARNs, never null
 */
record FunctionConfig(String packageType, String runtime, String role, String handler, String description,
                             int timeout, int memorySize, Map<String, String> environment, List<String> layers) {
    /** AWS defaults for a new function. */
    static final int DEFAULT_TIMEOUT = 3;
    static final int DEFAULT_MEMORY_SIZE = 128;

    FunctionConfig {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        layers = List.copyOf(layers);
    }

    /** @return a configuration with AWS's defaults and nothing else set */
    static FunctionConfig defaults(String packageType) {
        return new FunctionConfig(packageType, null, null, null, "", DEFAULT_TIMEOUT, DEFAULT_MEMORY_SIZE,
                Map.of(), List.of());
    }

    /** @return this configuration with every non-null field of the patch applied */
    FunctionConfig apply(ConfigPatch patch) {
        return new FunctionConfig(packageType,
                pick(patch.runtime(), runtime),
                pick(patch.role(), role),
                pick(patch.handler(), handler),
                pick(patch.description(), description),
                pick(patch.timeout(), timeout),
                pick(patch.memorySize(), memorySize),
                pick(patch.environment(), environment),
                pick(patch.layers(), layers));
    }

    FunctionConfig withDescription(String newDescription) {
        return new FunctionConfig(packageType, runtime, role, handler, newDescription, timeout, memorySize,
                environment, layers);
    }

    private static <T> T pick(T patched, T current) {
        return patched != null ? patched : current;
    }
}
