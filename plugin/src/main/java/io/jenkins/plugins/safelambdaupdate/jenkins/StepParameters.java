package io.jenkins.plugins.safelambdaupdate.jenkins;

import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.Parameter;

/**
 * The name of each parameter the engine can refuse in the step's own vocabulary (its parameters, and the fields of
 * the Safe Lambda Update settings), so that a refusal reads {@code deadlineMinutes must be ...} in a build log or a
 * form. The switch is exhaustive: a new {@link Parameter} does not compile until it has a name here.
 */
final class StepParameters {

    private StepParameters() {
    }

    /**
     * @param parameter a refused parameter, not null
     * @return the step's name for it, for example {@code memorySize} or {@code deadlineMinutes}
     */
    static String name(Parameter parameter) {
        return switch (parameter) {
            case FUNCTION_NAME -> "functionName";
            case ZIP_FILE -> "zipFile";
            case S3_BUCKET -> "s3Bucket";
            case S3_KEY -> "s3Key";
            case S3_OBJECT_VERSION -> "s3ObjectVersion";
            case IMAGE_URI -> "imageUri";
            case ENVIRONMENT -> "environment";
            case ENVIRONMENT_MODE -> "environmentMode";
            case MEMORY_SIZE -> "memorySize";
            case TIMEOUT -> "timeout";
            case HANDLER -> "handler";
            case RUNTIME -> "runtime";
            case DESCRIPTION -> "description";
            case LAYERS -> "layers";
            case ROLE -> "role";
            case PUBLISH -> "publish";
            case ALIAS -> "alias";
            case DEADLINE -> "deadlineMinutes";
            case CONFLICT_RETRIES -> "conflictRetries";
            case ON_FOREIGN_CHANGE -> "onForeignChange";
            case REGION -> "region";
            case PROFILE -> "AWS profile";
            case CREDENTIALS -> "credentialsId";
            case ENDPOINT_URL -> "endpointUrl";
            case ENDPOINT_URL_VARIABLE -> "AWS_ENDPOINT_URL";
            case PROXY -> "the controller's HTTP proxy";
            case LOCK -> "lock";
            case LOCK_DIR -> "lock directory";
            case LOCK_TABLE -> "lockTable";
            case LOCK_LEASE -> "lock lease";
            case LOCK_HEARTBEAT -> "lock heartbeat";
            case LOCK_REFRESH -> "lock refresh";
            case LOCK_OWNER -> "lock owner";
            case LOCK_REGION -> "lockRegion";
            case LOCK_ENDPOINT_URL -> "lockEndpointUrl";
            case LOCK_ENDPOINT_URL_VARIABLE -> "AWS_ENDPOINT_URL_DYNAMODB";
            case LOCK_CREDENTIALS -> "lockCredentialsId";
        };
    }

    /**
     * @param e a refusal, not null
     * @return it worded with the step's names, for example {@code "alias live needs publish: ..."}
     */
    static String describe(InvalidRequestException e) {
        return e.describe(StepParameters::name);
    }
}
