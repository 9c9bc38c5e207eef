package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.RetryCause;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Sorts the SDK's exceptions: which are worth a retry (and why), which are an interrupt in disguise, and how the rest
 * read as a {@link DeploymentException}.
 */
final class SdkFailures {
    private SdkFailures() {
    }

    /** @return the cause for a retryable error; throws the translated failure for any other */
    static RetryCause retryableCause(DeploymentContext ctx, SdkException e) {
        if (isInterruption(e)) {
            throw DeploymentFailures.interrupted(ctx, e);
        }
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            if (status == 409) {
                return RetryCause.CONFLICT;
            }
            if (status == 412) {
                return RetryCause.STALE_REVISION;
            }
            if (status == 429 || service.isThrottlingException()) {
                return RetryCause.THROTTLED;
            }
            if (status >= 500) {
                return RetryCause.SERVER_ERROR;
            }
        }
        throw translate(ctx, e);
    }

    /** The deadline is checked before the error itself: a call cut short by it failed because of it. */
    static DeploymentException translate(DeploymentContext ctx, SdkException e) {
        if (isInterruption(e)) {
            return DeploymentFailures.interrupted(ctx, e);
        }
        if (ctx.pastDeadline()) {
            return DeploymentFailures.deadlineExceeded(ctx, e);
        }
        if (e instanceof ResourceNotFoundException notFound) {
            // Gone: no state is left to report.
            return new DeploymentException(FailureKind.FUNCTION_NOT_FOUND, notFound(ctx.functionArn(), notFound),
                    ctx.functionArn(), null, redactedCause(e));
        }
        return ctx.failure(FailureKind.AWS_ERROR, "AWS call failed during the "
                + DeploymentFailures.name(ctx.phase()) + " phase: " + awsMessage(e), redactedCause(e));
    }

    /**
     * @param function the function as the user named it or as resolved, or null
     * @return for example {@code "Function fn not found: arn:aws:lambda:...:function:fn (ResourceNotFoundException,
     *     HTTP 404)"}, saying "not found" once although AWS's own message says it too
     */
    static String notFound(String function, ResourceNotFoundException e) {
        String aws = e.awsErrorDetails() == null ? String.valueOf(e.getMessage())
                : String.valueOf(e.awsErrorDetails().errorMessage());
        aws = redact(aws.replaceFirst("^Function not found: ", ""));
        return "Function " + (function == null ? "" : function + " ") + "not found: " + aws + " (" + detail(e)
                + ", HTTP " + e.statusCode() + ")";
    }

    /** The SDK wraps an interrupt in several ways (aborted call, interrupted I/O); all of them mean stop now. */
    static boolean isInterruption(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof AbortedException
                    || t instanceof ClosedByInterruptException
                    || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** PublishVersion's answer when $LATEST no longer holds the CodeSha256 we asked for: someone replaced it. */
    static boolean isCodeShaMismatch(SdkException e) {
        return e instanceof InvalidParameterValueException
                && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("codesha256");
    }

    /** @return the error code (or exception class) for events and retry records */
    static String detail(SdkException e) {
        if (e instanceof AwsServiceException service
                && service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    /** @return the HTTP status of a refusal, or null without one (no answer, or no refusal) */
    static Integer statusCode(SdkException e) {
        return e instanceof SdkServiceException service && service.statusCode() > 0 ? service.statusCode() : null;
    }

    /** @return the error code, AWS's message ({@link #redact redacted}) and the HTTP status */
    static String awsMessage(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + ": " + redact(service.awsErrorDetails().errorMessage())
                    + " (HTTP " + service.statusCode() + ")";
        }
        return redact(String.valueOf(e.getMessage()));
    }

    /** Lambda's refusal of a too large environment quotes the whole environment, values included, from here on. */
    private static final String MEASURED = "String measured:";
    /** A validation error quotes the refused value: {@code Value '...' at 'field'}. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("Value '.*?' at '");

    /**
     * AWS error messages may echo parts of the request, and a request can carry secrets (environment variable
     * values): drops everything from {@code String measured:} on and the value quoted by a validation error, so that
     * no message the engine builds from AWS's text repeats the request.
     */
    static String redact(String message) {
        if (message == null) {
            return null;
        }
        int measured = message.indexOf(MEASURED);
        String cut = measured < 0 ? message : message.substring(0, measured) + MEASURED + " (redacted)";
        return QUOTED_VALUE.matcher(cut).replaceAll("Value (redacted) at '");
    }

    /**
     * The SDK's exception, to keep as the cause, unless its message holds text {@link #redact} removes: then a copy
     * with the redacted message and the same stack trace (without the SDK's suppressed earlier attempts, which quote
     * the same text).
     */
    static Throwable redactedCause(SdkException e) {
        if (!(e instanceof AwsServiceException service) || service.awsErrorDetails() == null
                || Objects.equals(redact(service.awsErrorDetails().errorMessage()),
                        service.awsErrorDetails().errorMessage())) {
            return e;
        }
        String message = redact(service.awsErrorDetails().errorMessage());
        AwsServiceException copy = service.toBuilder().message(message).cause(null)
                .awsErrorDetails(service.awsErrorDetails().toBuilder().errorMessage(message).rawResponse(null).build())
                .build();
        copy.setStackTrace(service.getStackTrace());
        return copy;
    }
}
