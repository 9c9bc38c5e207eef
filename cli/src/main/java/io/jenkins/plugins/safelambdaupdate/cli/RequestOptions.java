package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.EnvironmentMode;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.RequestParameters;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options of {@code deploy} that describe the deployment itself, one per field of {@link DeploymentRequest}.
 * Settings left out are not changed on the function.
 */
final class RequestOptions {

    /** How {@code --env} combines with the variables already on the function. */
    enum EnvMode {
        /** Add or overwrite the given variables, keep the others. */
        merge,
        /** The given variables become the complete set. */
        replace
    }

    /** What to do when another writer changes the function during the deployment. */
    enum OnForeignChange {
        /** Re-read the function and apply this deployment's intent again (bounded by --conflict-retries). */
        reapply,
        /** Stop with a failure. */
        fail
    }

    @Option(names = "--function", required = true, paramLabel = "NAME|ARN",
            description = "Function name, name:qualifier, full ARN or partial ARN (ACCOUNT:function:NAME).")
    String function;

    @ArgGroup(exclusive = false, heading = "%nCode (at most one source; none leaves the code unchanged):%n")
    CodeOptions code = new CodeOptions();

    @Option(names = "--env", paramLabel = "KEY=VALUE",
            description = "Environment variable to set (repeatable; a later one of the same name wins). Values are "
                    + "never printed.")
    List<String> environment;

    @Option(names = "--env-mode", paramLabel = "merge|replace", defaultValue = "merge",
            description = "merge: add to the existing variables; replace: the --env variables become the complete set. "
                    + "Default: ${DEFAULT-VALUE}.")
    EnvMode environmentMode = EnvMode.merge;

    @Option(names = "--memory", paramLabel = "MB", description = "Memory size in MB (128 to 10240).")
    Integer memorySize;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Function timeout in seconds (1 to 900).")
    Integer timeout;

    @Option(names = "--handler", paramLabel = "HANDLER", description = "Function handler.")
    String handler;

    @Option(names = "--runtime", paramLabel = "RUNTIME", description = "Runtime identifier, for example java21.")
    String runtime;

    @Option(names = "--description", paramLabel = "TEXT", description = "Function description.")
    String description;

    @Option(names = "--layer", paramLabel = "ARN",
            description = "Layer version ARN (repeatable; the complete list, at most 5).")
    List<String> layers;

    @Option(names = "--role", paramLabel = "ARN", description = "Execution role ARN.")
    String role;

    @Option(names = "--publish", description = "Publish a version holding exactly this deployment's code.")
    boolean publish;

    @Option(names = "--alias", paramLabel = "NAME",
            description = "Point this alias at the published version (needs --publish; created when missing).")
    String alias;

    @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Bound on the whole deployment, lock wait included, e.g. 90s, 15m. Default: 15m.")
    Duration deadline;

    @Option(names = "--conflict-retries", paramLabel = "N",
            description = "Retries each phase may make after 409, 412, 429 or 5xx (0 to 100). Default: "
                    + DeploymentRequest.DEFAULT_CONFLICT_RETRIES + ".")
    Integer conflictRetries;

    @Option(names = "--on-foreign-change", paramLabel = "reapply|fail", defaultValue = "reapply",
            description = "When another writer changes the function meanwhile: reapply this deployment's intent, "
                    + "or fail. Default: ${DEFAULT-VALUE}.")
    OnForeignChange onForeignChange = OnForeignChange.reapply;

    /**
     * @return the request the options describe; ranges and syntax are checked by the engine before any AWS call
     * @throws InvalidRequestException naming the parameter when the options contradict each other
     */
    DeploymentRequest toRequest() {
        DeploymentRequest.Builder builder = DeploymentRequest.builder()
                .functionName(function)
                .code(code == null ? null : code.toCodeSource())
                .environment(environment == null ? null : RequestParameters.environment(environment))
                .environmentMode(environmentMode == EnvMode.replace ? EnvironmentMode.REPLACE : EnvironmentMode.MERGE)
                .memorySize(memorySize)
                .timeout(timeout)
                .handler(handler)
                .runtime(runtime)
                .description(description)
                .layers(layers)
                .role(role)
                .publish(publish)
                .alias(alias)
                .onForeignChange(onForeignChange == OnForeignChange.fail
                        ? ForeignChangePolicy.FAIL : ForeignChangePolicy.REAPPLY);
        if (deadline != null) {
            builder.deadline(deadline);
        }
        if (conflictRetries != null) {
            builder.conflictRetries(conflictRetries);
        }
        return builder.build();
    }
}
