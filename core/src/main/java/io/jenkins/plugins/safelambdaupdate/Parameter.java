package io.jenkins.plugins.safelambdaupdate;

/**
 * Every parameter a refusal ({@link InvalidRequestException}) can name: those of {@link DeploymentRequest}, of the
 * connection to AWS and of the lock. Each has its engine name ({@link #engineName()}, the name of the builder method or
 * setting, for example {@code memorySize}); front ends word it in their own vocabulary ({@code --memory} on the command
 * line, {@code memorySize} in a Jenkinsfile) with a table of their own, ideally an exhaustive {@code switch}, so that a
 * new constant fails compilation where it is not named.
 */
public enum Parameter {
    /** The function's name or ARN. */
    FUNCTION_NAME("functionName"),
    /** A local zip to deploy. */
    ZIP_FILE("zipFile"),
    /** The S3 bucket holding the zip to deploy. */
    S3_BUCKET("s3Bucket"),
    /** The S3 key of the zip to deploy. */
    S3_KEY("s3Key"),
    /** The version of the S3 object to deploy. */
    S3_OBJECT_VERSION("s3ObjectVersion"),
    /** The container image to deploy. */
    IMAGE_URI("imageUri"),
    /** The environment variables. */
    ENVIRONMENT("environment"),
    /** Whether environment variables are merged or replaced. */
    ENVIRONMENT_MODE("environmentMode"),
    /** The memory size in MB. */
    MEMORY_SIZE("memorySize"),
    /** The timeout in seconds. */
    TIMEOUT("timeout"),
    /** The handler. */
    HANDLER("handler"),
    /** The runtime identifier. */
    RUNTIME("runtime"),
    /** The description. */
    DESCRIPTION("description"),
    /** The layer ARNs. */
    LAYERS("layers"),
    /** The execution role ARN. */
    ROLE("role"),
    /** Whether a version is published. */
    PUBLISH("publish"),
    /** The alias moved to the published version. */
    ALIAS("alias"),
    /** The bound on the whole deployment or read. */
    DEADLINE("deadline"),
    /** The retries each phase may make. */
    CONFLICT_RETRIES("conflictRetries"),
    /** What to do when another writer changed the function. */
    ON_FOREIGN_CHANGE("onForeignChange"),
    /** The AWS region. */
    REGION("region"),
    /** A named profile of the AWS configuration files. */
    PROFILE("profile"),
    /** The AWS credentials (a front end's own way of giving them, for example a Jenkins credentials id). */
    CREDENTIALS("credentials"),
    /** The Lambda endpoint override. */
    ENDPOINT_URL("endpointUrl"),
    /** The environment variable {@code AWS_ENDPOINT_URL}. */
    ENDPOINT_URL_VARIABLE("AWS_ENDPOINT_URL"),
    /** The HTTP proxy. */
    PROXY("proxy"),
    /** Whether and how the function is locked. */
    LOCK("lock"),
    /** The directory of the file lock. */
    LOCK_DIR("lockDir"),
    /** The DynamoDB table of the cross-host lock. */
    LOCK_TABLE("lockTable"),
    /** The cross-host lock's lease. */
    LOCK_LEASE("lockLease"),
    /** The cross-host lock's heartbeat period. */
    LOCK_HEARTBEAT("lockHeartbeat"),
    /** How often a waiter reads the cross-host lock. */
    LOCK_REFRESH("lockRefresh"),
    /** The holder's name added to the cross-host lock. */
    LOCK_OWNER("lockOwner"),
    /** The region of the cross-host lock's table. */
    LOCK_REGION("lockRegion"),
    /** The DynamoDB endpoint override. */
    LOCK_ENDPOINT_URL("lockEndpointUrl"),
    /** The environment variable {@code AWS_ENDPOINT_URL_DYNAMODB}. */
    LOCK_ENDPOINT_URL_VARIABLE("AWS_ENDPOINT_URL_DYNAMODB"),
    /** The credentials of the cross-host lock's table, where they differ from Lambda's. */
    LOCK_CREDENTIALS("lockCredentials");

    private final String engineName;

    Parameter(String engineName) {
        this.engineName = engineName;
    }

    /** @return the engine's name for it, for example {@code memorySize}; the default wording of refusals uses it */
    public String engineName() {
        return engineName;
    }
}
