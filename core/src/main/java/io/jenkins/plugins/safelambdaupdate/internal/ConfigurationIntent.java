package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.EnvironmentMode;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.RequestValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * The configuration a request asks for, compared with a function's current configuration. The difference is always
 * computed from the state just read, so that a re-applied intent never undoes another writer's unrelated change.
 * Names settings but never exposes environment variable values.
 */
final class ConfigurationIntent {
    private final DeploymentRequest request;

    ConfigurationIntent(DeploymentRequest request) {
        this.request = request;
    }

    boolean requested() {
        return request.changesConfiguration();
    }

    /** @return the names of the requested settings that differ from current, in a stable order; empty when none */
    List<String> differences(FunctionConfiguration current) {
        List<String> names = new ArrayList<>();
        if (request.environment().isPresent() && !desiredEnvironment(current).equals(currentEnvironment(current))) {
            names.add("environment");
        }
        request.memorySize().filter(v -> !v.equals(current.memorySize())).ifPresent(v -> names.add("memorySize"));
        request.timeout().filter(v -> !v.equals(current.timeout())).ifPresent(v -> names.add("timeout"));
        request.handler().filter(v -> !v.equals(current.handler())).ifPresent(v -> names.add("handler"));
        request.runtime().filter(v -> !v.equals(current.runtimeAsString())).ifPresent(v -> names.add("runtime"));
        request.description().filter(v -> !v.equals(Objects.toString(current.description(), "")))
                .ifPresent(v -> names.add("description"));
        request.layers().filter(v -> !v.equals(currentLayers(current))).ifPresent(v -> names.add("layers"));
        request.role().filter(v -> !v.equals(current.role())).ifPresent(v -> names.add("role"));
        return names;
    }

    /** @return an update setting exactly the differing settings, with the given RevisionId */
    UpdateFunctionConfigurationRequest toUpdate(String functionArn, FunctionConfiguration current, String revisionId) {
        List<String> differing = differences(current);
        UpdateFunctionConfigurationRequest.Builder b = UpdateFunctionConfigurationRequest.builder()
                .functionName(functionArn).revisionId(revisionId);
        if (differing.contains("environment")) {
            b.environment(Environment.builder().variables(desiredEnvironment(current)).build());
        }
        if (differing.contains("memorySize")) {
            b.memorySize(request.memorySize().get());
        }
        if (differing.contains("timeout")) {
            b.timeout(request.timeout().get());
        }
        if (differing.contains("handler")) {
            b.handler(request.handler().get());
        }
        if (differing.contains("runtime")) {
            b.runtime(request.runtime().get());
        }
        if (differing.contains("description")) {
            b.description(request.description().get());
        }
        if (differing.contains("layers")) {
            b.layers(request.layers().get());
        }
        if (differing.contains("role")) {
            b.role(request.role().get());
        }
        return b.build();
    }

    /**
     * The request alone was checked before any AWS call; merged into the variables the function already has, the
     * environment can still exceed Lambda's limit, and AWS's refusal would quote every value. Measured as
     * {@link RequestValidator} measures.
     *
     * @throws InvalidRequestException for {@code environment} when the environment to send is too large; names the
     *                                 sizes and the variables kept from the function, never a value
     */
    void checkEnvironmentSize(FunctionConfiguration current) {
        if (!differences(current).contains("environment")) {
            return;
        }
        int total = RequestValidator.environmentBytes(desiredEnvironment(current));
        if (total <= RequestValidator.MAX_ENVIRONMENT_BYTES) {
            return;
        }
        Map<String, String> requested = request.environment().orElse(Map.of());
        TreeSet<String> kept = new TreeSet<>(currentEnvironment(current).keySet());
        kept.removeAll(requested.keySet());
        throw new InvalidRequestException("environment", "environment variables would take " + total
                + " bytes once merged with the function's existing variables, over Lambda's limit of "
                + RequestValidator.MAX_ENVIRONMENT_BYTES + " bytes in all (" + RequestValidator.environmentBytes(requested)
                + " bytes requested; kept from the function: " + (kept.isEmpty() ? "none" : String.join(", ", kept))
                + "); nothing was changed by this step: remove variables or replace the environment instead of merging");
    }

    private Map<String, String> desiredEnvironment(FunctionConfiguration current) {
        Map<String, String> requested = request.environment().orElse(Map.of());
        if (request.environmentMode() == EnvironmentMode.REPLACE) {
            return new LinkedHashMap<>(requested);
        }
        Map<String, String> merged = new LinkedHashMap<>(currentEnvironment(current));
        merged.putAll(requested);
        return merged;
    }

    private static Map<String, String> currentEnvironment(FunctionConfiguration current) {
        if (current.environment() == null || current.environment().variables() == null) {
            return Map.of();
        }
        return current.environment().variables();
    }

    private static List<String> currentLayers(FunctionConfiguration current) {
        List<String> arns = new ArrayList<>();
        for (Layer layer : current.layers()) {
            arns.add(layer.arn());
        }
        return arns;
    }
}
