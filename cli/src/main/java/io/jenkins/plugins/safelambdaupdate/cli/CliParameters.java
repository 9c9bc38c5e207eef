package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.Parameter;

/**
 * The command-line flag of each parameter the engine can refuse ({@code InvalidRequestException.parameter()}), so
 * that every refusal names the flag a user typed. The switch is exhaustive: a new {@link Parameter} does not compile
 * until it has a flag here.
 */
final class CliParameters {

    private CliParameters() {
    }

    /**
     * @param parameter a parameter the engine or the command line refused, not null
     * @return its flag, for example {@code --memory} for {@link Parameter#MEMORY_SIZE}
     */
    static String flag(Parameter parameter) {
        return switch (parameter) {
            case FUNCTION_NAME -> "--function";
            case ZIP_FILE -> "--zip";
            case S3_BUCKET -> "--s3-bucket";
            case S3_KEY -> "--s3-key";
            case S3_OBJECT_VERSION -> "--s3-object-version";
            case IMAGE_URI -> "--image-uri";
            case ENVIRONMENT -> "--env";
            case ENVIRONMENT_MODE -> "--env-mode";
            case MEMORY_SIZE -> "--memory";
            case TIMEOUT -> "--timeout";
            case HANDLER -> "--handler";
            case RUNTIME -> "--runtime";
            case DESCRIPTION -> "--description";
            case LAYERS -> "--layer";
            case ROLE -> "--role";
            case PUBLISH -> "--publish";
            case ALIAS -> "--alias";
            case DEADLINE -> "--deadline";
            case CONFLICT_RETRIES -> "--conflict-retries";
            case ON_FOREIGN_CHANGE -> "--on-foreign-change";
            case REGION -> "--region";
            case PROFILE -> "--profile";
            case CREDENTIALS -> "credentials";
            case ENDPOINT_URL -> "--endpoint-url";
            case ENDPOINT_URL_VARIABLE -> "AWS_ENDPOINT_URL";
            case PROXY -> "proxy";
            case LOCK -> "--lock";
            case LOCK_DIR -> "--lock-dir";
            case LOCK_TABLE -> "--lock-table";
            case LOCK_LEASE -> "--lock-lease";
            case LOCK_HEARTBEAT -> "--lock-heartbeat";
            case LOCK_REFRESH -> "--lock-refresh";
            case LOCK_OWNER -> "--lock-owner";
            case LOCK_REGION -> "--lock-region";
            case LOCK_ENDPOINT_URL -> "--lock-endpoint-url";
            case LOCK_ENDPOINT_URL_VARIABLE -> "AWS_ENDPOINT_URL_DYNAMODB";
            case LOCK_CREDENTIALS -> "lock credentials";
        };
    }
}
