package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.util.List;
import java.util.Map;

/**
 * The one catalogue of refusals: every error type, HTTP status and message text the simulator sends
 * is written here and nowhere else. Texts follow the reference ({@code lambda-control-plane.md} §2);
 * the few the reference does not give are marked "simulator wording". Every call returns a fresh error.
 */
final class Errors {
    static final String RESOURCE_CONFLICT = "ResourceConflictException";
    static final String PRECONDITION_FAILED = "PreconditionFailedException";
    static final String INVALID_PARAMETER = "InvalidParameterValueException";
    static final String NOT_FOUND = "ResourceNotFoundException";
    static final String TOO_MANY_REQUESTS = "TooManyRequestsException";
    static final String ENTITY_TOO_LARGE = "RequestEntityTooLargeException";
    static final String SERVICE = "ServiceException";
    static final String VALIDATION = "ValidationException";
    static final String SERIALIZATION = "SerializationException";
    static final String UNKNOWN_OPERATION = "UnknownOperationException";

    /** Largest zip accepted in a request body (50 MiB). */
    public static final long MAX_ZIPPED_BYTES = 52_428_800L;
    /** Largest unzipped code size (250 MB). */
    public static final long MAX_UNZIPPED_BYTES = 262_144_000L;
    /** Largest environment, measured as the JSON of the variables (4 KB). */
    public static final int MAX_ENVIRONMENT_BYTES = 4096;
    /** Most layers a function may reference. */
    public static final int MAX_LAYERS = 5;

    private Errors() {
    }

    // --- 409 ---

    public static LambdaError updateInProgress(String functionArn) {
        return user(409, RESOURCE_CONFLICT, "The operation cannot be performed at this time. "
                + "An update is in progress for resource: " + functionArn);
    }

    public static LambdaError functionNotReady(String functionArn, String state, String stateReasonCode) {
        return user(409, RESOURCE_CONFLICT, "The operation cannot be performed at this time. The resource "
                + functionArn + " is currently in the following state: '" + state + "'. StateReasonCode: '"
                + stateReasonCode + "'");
    }

    public static LambdaError concurrentUpdateLegacy() {
        return user(409, RESOURCE_CONFLICT,
                "The function could not be updated due to a concurrent update operation.");
    }

    public static LambdaError functionExists(String name) {
        return user(409, RESOURCE_CONFLICT, "Function already exist: " + name);
    }

    public static LambdaError aliasExists(String aliasArn) {
        return user(409, RESOURCE_CONFLICT, "Alias already exists: " + aliasArn);
    }

    public static LambdaError versionReferencedByAliases(List<String> aliases) {
        return user(409, RESOURCE_CONFLICT,
                "Unable to delete version because the following aliases reference it: " + aliases);
    }

    // --- 412 ---

    public static LambdaError staleRevision() {
        return user(412, PRECONDITION_FAILED, "The Revision Id provided does not match the latest Revision Id. "
                + "Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
    }

    // --- 400 ---

    public static LambdaError codeSha256Mismatch(String given, String current) {
        return user(400, INVALID_PARAMETER, "CodeSHA256 (" + given + ") is different from current CodeSHA256 in "
                + "$LATEST (" + current + "). Please try again with the CodeSHA256 in $LATEST.");
    }

    public static LambdaError unzippedTooLarge() {
        return user(400, INVALID_PARAMETER, "Unzipped size must be smaller than " + MAX_UNZIPPED_BYTES + " bytes");
    }

    public static LambdaError notAZip() {
        return user(400, INVALID_PARAMETER,
                "Could not unzip uploaded file. Please check your file, then try to upload again.");
    }

    public static LambdaError qualifierClash() {
        return user(400, INVALID_PARAMETER,
                "The derived qualifier from the function name does not match the specified qualifier.");
    }

    public static LambdaError missingCodeSource() {
        return user(400, INVALID_PARAMETER, "Please provide a source for function code.");
    }

    public static LambdaError runtimeAndHandlerRequired() {
        return user(400, INVALID_PARAMETER,
                "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
    }

    public static LambdaError imageUriRequired() {
        return user(400, INVALID_PARAMETER,
                "Please provide ImageUri when updating a function with packageType Image.");
    }

    public static LambdaError imageUriNotAllowed() {
        return user(400, INVALID_PARAMETER,
                "Please don't provide ImageUri when updating a function with packageType Zip.");
    }

    public static LambdaError tooManyLayers() {
        return user(400, INVALID_PARAMETER, "Cannot reference more than " + MAX_LAYERS + " layers.");
    }

    public static LambdaError environmentTooLarge(String measured) {
        return user(400, INVALID_PARAMETER, "Lambda was unable to configure your environment variables because "
                + "the environment variables you have provided exceeded the 4KB limit. String measured: " + measured);
    }

    /**
     * UpdateFunctionCode or UpdateFunctionConfiguration addressed to a published version or an alias: published
     * versions cannot be modified.
     */
    public static LambdaError onlyLatestCanBeUpdated() {
        return user(400, INVALID_PARAMETER, "Current operation does not support versions other than $LATEST. "
                + "Please set the version to $LATEST or do not set a version in your request.");
    }

    /** @param reserved the reserved names the request used, in its order */
    public static LambdaError reservedEnvironmentKeys(List<String> reserved) {
        return user(400, INVALID_PARAMETER, "Lambda was unable to configure your environment variables because "
                + "the environment variables you have provided contains reserved keys that are currently not "
                + "supported for modification. Reserved keys used in this request: " + String.join(", ", reserved));
    }

    public static LambdaError latestCannotBeDeleted() {
        return user(400, INVALID_PARAMETER, "$LATEST version cannot be deleted without deleting the function.");
    }

    /** Simulator wording: a qualifier where the operation takes an unqualified name. */
    public static LambdaError qualifierNotAllowed(String name) {
        return user(400, INVALID_PARAMETER, "Function name must not carry a qualifier here: " + name);
    }

    /** Simulator wording: a Marker this simulator did not hand out. */
    public static LambdaError invalidMarker(String marker) {
        return user(400, INVALID_PARAMETER, "Invalid marker: " + marker);
    }

    public static LambdaError validation(String value, String field, String constraint) {
        return user(400, VALIDATION, "1 validation error detected: Value " + value + " at '" + field
                + "' failed to satisfy constraint: " + constraint);
    }

    public static LambdaError serialization(String detail) {
        return user(400, SERIALIZATION, detail);
    }

    // --- 404 ---

    public static LambdaError functionNotFound(String arn) {
        return new LambdaError(404, NOT_FOUND, "Message", "Function not found: " + arn, Map.of(), Map.of());
    }

    public static LambdaError aliasNotFound(String aliasArn) {
        return new LambdaError(404, NOT_FOUND, "Message", "Cannot find alias arn: " + aliasArn, Map.of(), Map.of());
    }

    /** UpdateAlias words a missing alias otherwise than GetAlias does. */
    public static LambdaError aliasToUpdateNotFound(String aliasArn) {
        return new LambdaError(404, NOT_FOUND, "Message", "Alias not found: " + aliasArn, Map.of(), Map.of());
    }

    public static LambdaError otherRegion(String arnRegion, String region) {
        return new LambdaError(404, NOT_FOUND, "Message",
                "Functions from '" + arnRegion + "' are not reachable in this region ('" + region + "')",
                Map.of(), Map.of());
    }

    /**
     * A method and path that is not one of the modelled operations: the error AWS lists among the errors common to
     * every service (Lambda API reference, "Common Errors"), with the description it gives there.
     */
    public static LambdaError unknownOperation() {
        return user(404, UNKNOWN_OPERATION,
                "The action or operation requested is invalid. Verify that the action is typed correctly.");
    }

    // --- 413, 429, 5xx ---

    public static LambdaError zipTooLarge() {
        return user(413, ENTITY_TOO_LARGE, "Zipped size must be smaller than " + MAX_ZIPPED_BYTES + " bytes");
    }

    /** Simulator wording: the guard that keeps a huge body out of memory, far above the zip limit. */
    public static LambdaError requestTooLarge(long limit, String operation) {
        return user(413, ENTITY_TOO_LARGE, "Request must be smaller than " + limit + " bytes for the "
                + operation + " operation");
    }

    public static LambdaError throttled(long retryAfterSeconds) {
        return new LambdaError(429, TOO_MANY_REQUESTS, "message", "Rate exceeded",
                Map.of("Reason", "CallerRateLimitExceeded"),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** A server-side failure; {@code status} is 500 or 503. Simulator wording. */
    public static LambdaError serviceError(int status, String detail) {
        return new LambdaError(status, SERVICE, "Message", detail, Map.of(), Map.of());
    }

    private static LambdaError user(int status, String type, String message) {
        return new LambdaError(status, type, "message", message, Map.of(), Map.of());
    }
}
