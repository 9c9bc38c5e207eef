package io.jenkins.plugins.safelambdaupdate.cli;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the parameter names the engine reports ({@code InvalidRequestException.parameter()}) into the
 * command-line flags a user typed, so that every validation error names the flag.
 */
final class CliParameters {
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("functionName", "--function"),
            Map.entry("zipFile", "--zip"),
            Map.entry("s3Bucket", "--s3-bucket"),
            Map.entry("s3Key", "--s3-key"),
            Map.entry("s3ObjectVersion", "--s3-object-version"),
            Map.entry("imageUri", "--image-uri"),
            Map.entry("code", "--zip/--s3-bucket/--image-uri"),
            Map.entry("environment", "--env"),
            Map.entry("environmentMode", "--env-mode"),
            Map.entry("memorySize", "--memory"),
            Map.entry("timeout", "--timeout"),
            Map.entry("handler", "--handler"),
            Map.entry("runtime", "--runtime"),
            Map.entry("description", "--description"),
            Map.entry("layers", "--layer"),
            Map.entry("role", "--role"),
            Map.entry("publish", "--publish"),
            Map.entry("alias", "--alias"),
            Map.entry("deadline", "--deadline"),
            Map.entry("conflictRetries", "--conflict-retries"),
            Map.entry("onForeignChange", "--on-foreign-change"),
            Map.entry("region", "--region"),
            Map.entry("profile", "--profile"),
            Map.entry("endpointUrl", "--endpoint-url"),
            Map.entry("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL"),
            Map.entry("lock", "--lock"),
            Map.entry("lockDir", "--lock-dir"),
            Map.entry("lockTable", "--lock-table"),
            Map.entry("lockLease", "--lock-lease"),
            Map.entry("lockHeartbeat", "--lock-heartbeat"),
            Map.entry("lockRefresh", "--lock-refresh"),
            Map.entry("lockOwner", "--lock-owner"),
            Map.entry("lockRegion", "--lock-region"),
            Map.entry("lockEndpointUrl", "--lock-endpoint-url"));

    /** Engine parameter names that are no English word, so they can be replaced inside messages. */
    private static final List<String> CODE_NAMES = List.of("functionName", "zipFile", "s3Bucket", "s3Key",
            "s3ObjectVersion", "imageUri", "memorySize", "conflictRetries", "onForeignChange", "environmentMode",
            "endpointUrl", "lockDir", "lockTable", "lockLease", "lockHeartbeat", "lockRefresh", "lockOwner",
            "lockRegion", "lockEndpointUrl");
    private static final Pattern CODE_NAME = Pattern.compile("(?<![\\w./-])(" + String.join("|", CODE_NAMES)
            + ")(?![\\w./-])");

    private CliParameters() {
    }

    /**
     * @param message a message of the engine, not null
     * @return the message with the engine's parameter names (for example {@code memorySize}) replaced by flags
     *     (for example {@code --memory}); names inside paths are left alone
     */
    static String inFlags(String message) {
        String text = message.replace("s3Bucket/s3Key", "--s3-bucket/--s3-key");
        Matcher m = CODE_NAME.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(flag(m.group(1))));
        }
        return m.appendTail(sb).toString();
    }

    /**
     * @param parameter a parameter name reported by the engine or by the CLI itself, not null
     * @return the flag, for example {@code --memory} for {@code memorySize}; the name itself when it has no flag
     */
    static String flag(String parameter) {
        return FLAGS.getOrDefault(parameter, parameter);
    }
}
