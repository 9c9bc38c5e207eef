package io.jenkins.plugins.safelambdaupdate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a deployment request locally, before any AWS call, against Lambda's own limits. Every
 * refusal is an {@link InvalidRequestException} naming the parameter; none quotes an environment
 * variable's value. The deployer runs it first thing; front ends may run it earlier, for example to
 * check a form field. Stateless and thread-safe.
 */
public final class RequestValidator {

    /** Lambda's limit for a zip uploaded directly (not through S3). */
    public static final long MAX_DIRECT_UPLOAD_BYTES = 52_428_800L;
    /** Lambda's limit for all environment variables of a function together. */
    public static final int MAX_ENVIRONMENT_BYTES = 4096;
    static final int MAX_LAYERS = 5;
    static final Duration MAX_DEADLINE = Duration.ofHours(12);
    static final int MAX_CONFLICT_RETRIES = 100;

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*");
    /** Names the Lambda runtime sets itself; AWS refuses them in a function's configuration. */
    private static final Set<String> RESERVED_ENVIRONMENT_NAMES = Set.of(
            "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
    private static final Pattern ALIAS_NAME = Pattern.compile("(?!^[0-9]+$)[a-zA-Z0-9_-]{1,128}");
    private static final Pattern LAYER_VERSION_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9_-]{1,140}:[0-9]+");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    private static final Pattern RUNTIME = Pattern.compile("[a-z][a-z0-9.]{1,30}");
    private static final Pattern HANDLER = Pattern.compile("[^\\s]{1,128}");
    private static final Pattern S3_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IMAGE_URI = Pattern.compile(
            "\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/[a-z0-9._/-]+(:[A-Za-z0-9._-]{1,128}|@sha256:[a-f0-9]{64})");
    private static final int MAX_DESCRIPTION = 256;

    /**
     * Validates every parameter of the request.
     *
     * @throws InvalidRequestException naming the first parameter found invalid
     */
    public void validate(DeploymentRequest request) {
        FunctionReference.parse(request.functionName());
        request.code().ifPresent(this::validateCode);
        request.environment().ifPresent(this::validateEnvironment);
        request.memorySize().ifPresent(m -> requireRange(Parameter.MEMORY_SIZE, m, 128, 10240, " MB"));
        request.timeout().ifPresent(t -> requireRange(Parameter.TIMEOUT, t, 1, 900, " seconds"));
        request.handler().ifPresent(h -> requireMatch(Parameter.HANDLER, h, HANDLER, "a non-blank value of at most 128 characters without spaces"));
        request.runtime().ifPresent(r -> requireMatch(Parameter.RUNTIME, r, RUNTIME, "a runtime identifier such as java21 or python3.13"));
        request.description().ifPresent(this::validateDescription);
        request.layers().ifPresent(this::validateLayers);
        request.role().ifPresent(r -> requireMatch(Parameter.ROLE, r, ROLE_ARN, "an IAM role ARN such as arn:aws:iam::123456789012:role/my-role"));
        if (request.environmentMode() == EnvironmentMode.REPLACE && request.environment().isEmpty()) {
            // Replacing with nothing given would remove every variable: only an explicitly empty set asks for that.
            throw new InvalidRequestException(Parameter.ENVIRONMENT_MODE, "replace needs the complete set of "
                    + "variables in ", Parameter.ENVIRONMENT, " (an empty set removes every variable)");
        }
        request.alias().ifPresent(a -> validateAlias(a, request.publish()));
        validateDeadline(request.deadline());
        requireRange(Parameter.CONFLICT_RETRIES, request.conflictRetries(), 0, MAX_CONFLICT_RETRIES, "");
    }

    private void validateCode(CodeSource code) {
        if (code instanceof CodeSource.ZipFile zip) {
            LocalZip.check(zip.path(), zip.path().toString());
        } else if (code instanceof CodeSource.ZipArchive zip) {
            LocalZip.checkSize(zip.digest().size(), zip.name());
        } else if (code instanceof CodeSource.S3Object s3) {
            requireMatch(Parameter.S3_BUCKET, s3.bucket(), S3_BUCKET, "an S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens)");
            if (s3.key() == null || s3.key().isBlank() || s3.key().length() > 1024) {
                throw new InvalidRequestException(Parameter.S3_KEY, "must be a non-blank S3 object key of at most 1024 characters");
            }
        } else if (code instanceof CodeSource.ContainerImage image) {
            requireMatch(Parameter.IMAGE_URI, image.imageUri(), IMAGE_URI,
                    "an Amazon ECR image URI such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag");
        }
    }

    private void validateEnvironment(Map<String, String> environment) {
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String name = variable.getKey();
            if (name == null || !ENVIRONMENT_NAME.matcher(name).matches()) {
                throw new InvalidRequestException(Parameter.ENVIRONMENT, "variable name '" + name
                        + "' is invalid: it must start with a letter and hold only letters, digits and underscores");
            }
            if (RESERVED_ENVIRONMENT_NAMES.contains(name)) {
                throw new InvalidRequestException(Parameter.ENVIRONMENT, "variable " + name
                        + " is reserved by the Lambda runtime and cannot be set");
            }
            if (variable.getValue() == null) {
                throw new InvalidRequestException(Parameter.ENVIRONMENT, "variable " + name + " has no value");
            }
        }
        int total = environmentBytes(environment);
        if (total > MAX_ENVIRONMENT_BYTES) {
            throw new InvalidRequestException(Parameter.ENVIRONMENT, "variables take " + total
                    + " bytes as Lambda measures them (as JSON), over Lambda's limit of " + MAX_ENVIRONMENT_BYTES + " bytes in all");
        }
    }

    /**
     * Measures environment variables as Lambda does against its 4 KB limit ({@link #MAX_ENVIRONMENT_BYTES}): the UTF-8
     * bytes of the variables map written as compact JSON, {@code {"NAME":"value",...}}, quotes, separators and
     * escapes included. The engine measures the merged environment it is about to send the same way.
     *
     * @param environment the variables, not null; a null name or value counts as empty
     * @return the size in bytes
     */
    public static int environmentBytes(Map<String, String> environment) {
        int total = 2; // { }
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            total += jsonStringBytes(variable.getKey()) + 1 + jsonStringBytes(variable.getValue()); // "k":"v"
        }
        return total + Math.max(0, environment.size() - 1); // commas
    }

    /** @return the UTF-8 bytes of the text as a JSON string: quotes, and escapes for quote, backslash and controls */
    private static int jsonStringBytes(String text) {
        if (text == null) {
            return 2;
        }
        int bytes = 2 + text.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
                bytes += 1; // written as a backslash and a letter
            } else if (c < 0x20) {
                bytes += 5; // written as a backslash, u and four hex digits
            }
        }
        return bytes;
    }

    private void validateDescription(String description) {
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidRequestException(Parameter.DESCRIPTION, "must be at most " + MAX_DESCRIPTION
                    + " characters, was " + description.length());
        }
    }

    private void validateLayers(List<String> layers) {
        if (layers.size() > MAX_LAYERS) {
            throw new InvalidRequestException(Parameter.LAYERS, "may name at most " + MAX_LAYERS + " layers, named " + layers.size());
        }
        for (String layer : layers) {
            requireMatch(Parameter.LAYERS, layer, LAYER_VERSION_ARN,
                    "a layer version ARN such as arn:aws:lambda:us-east-1:123456789012:layer:my-layer:3");
        }
    }

    private void validateAlias(String alias, boolean publish) {
        requireMatch(Parameter.ALIAS, alias, ALIAS_NAME,
                "1 to 128 letters, digits, hyphens and underscores, not only digits");
        if (!publish) {
            throw new InvalidRequestException(Parameter.ALIAS, alias + " needs ", Parameter.PUBLISH,
                    ": the alias is moved to the version this deployment publishes");
        }
    }

    private void validateDeadline(Duration deadline) {
        if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(MAX_DEADLINE) > 0) {
            throw new InvalidRequestException(Parameter.DEADLINE, "must be positive and at most " + MAX_DEADLINE.toHours()
                    + " hours, was " + Durations.format(deadline));
        }
    }

    private static void requireRange(Parameter parameter, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new InvalidRequestException(parameter, "must be between " + min + " and " + max + unit
                    + ", was " + value);
        }
    }

    private static void requireMatch(Parameter parameter, String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidRequestException(parameter, "'" + value + "' is invalid: expected " + expected);
        }
    }
}
