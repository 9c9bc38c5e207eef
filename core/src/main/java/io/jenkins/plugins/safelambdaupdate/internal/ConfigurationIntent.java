package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.EnvironmentMode;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.RequestValidator;
import io.jenkins.plugins.safelambdaupdate.Setting;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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

    /** @return the requested settings that differ from current, in the order of {@link Setting}; empty when none */
    Set<Setting> differences(FunctionConfiguration current) {
        Set<Setting> differing = EnumSet.noneOf(Setting.class);
        if (request.environment().isPresent() && !desiredEnvironment(current).equals(currentEnvironment(current))) {
            differing.add(Setting.ENVIRONMENT);
        }
        request.memorySize().filter(v -> !v.equals(current.memorySize()))
                .ifPresent(v -> differing.add(Setting.MEMORY_SIZE));
        request.timeout().filter(v -> !v.equals(current.timeout())).ifPresent(v -> differing.add(Setting.TIMEOUT));
        request.handler().filter(v -> !v.equals(current.handler())).ifPresent(v -> differing.add(Setting.HANDLER));
        request.runtime().filter(v -> !v.equals(current.runtimeAsString()))
                .ifPresent(v -> differing.add(Setting.RUNTIME));
        request.description().filter(v -> !v.equals(Objects.toString(current.description(), "")))
                .ifPresent(v -> differing.add(Setting.DESCRIPTION));
        request.layers().filter(v -> !v.equals(currentLayers(current))).ifPresent(v -> differing.add(Setting.LAYERS));
        request.role().filter(v -> !v.equals(current.role())).ifPresent(v -> differing.add(Setting.ROLE));
        return differing;
    }

    /** @return the parameter names of the settings, for messages, for example {@code "environment, memorySize"} */
    static String names(Set<Setting> settings) {
        return settings.stream().map(s -> s.parameter().engineName()).collect(Collectors.joining(", "));
    }

    /** @return an update setting exactly the differing settings, with the given RevisionId */
    UpdateFunctionConfigurationRequest toUpdate(String functionArn, FunctionConfiguration current, String revisionId) {
        Set<Setting> differing = differences(current);
        UpdateFunctionConfigurationRequest.Builder b = UpdateFunctionConfigurationRequest.builder()
                .functionName(functionArn).revisionId(revisionId);
        for (Setting setting : differing) {
            switch (setting) {
                case ENVIRONMENT -> b.environment(Environment.builder().variables(desiredEnvironment(current)).build());
                case MEMORY_SIZE -> b.memorySize(request.memorySize().get());
                case TIMEOUT -> b.timeout(request.timeout().get());
                case HANDLER -> b.handler(request.handler().get());
                case RUNTIME -> b.runtime(request.runtime().get());
                case DESCRIPTION -> b.description(request.description().get());
                case LAYERS -> b.layers(request.layers().get());
                case ROLE -> b.role(request.role().get());
                default -> throw new IllegalStateException("unhandled setting " + setting);
            }
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
        if (!differences(current).contains(Setting.ENVIRONMENT)) {
            return;
        }
        int total = RequestValidator.environmentBytes(desiredEnvironment(current));
        if (total <= RequestValidator.MAX_ENVIRONMENT_BYTES) {
            return;
        }
        Map<String, String> requested = request.environment().orElse(Map.of());
        TreeSet<String> kept = new TreeSet<>(currentEnvironment(current).keySet());
        kept.removeAll(requested.keySet());
        throw new InvalidRequestException(Parameter.ENVIRONMENT, "variables would take " + total
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
