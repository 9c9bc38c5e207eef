package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.RequestRateLimiter;
import java.util.Objects;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Takes a token from a {@link RequestRateLimiter} before each HTTP attempt, interruptibly, and tells it of each attempt
 * the account refused with HTTP 429, so that it slows down (every attempt passes here, SDK retries included).
 */
public final class RateLimitingInterceptor implements ExecutionInterceptor {
    private static final int TOO_MANY_REQUESTS = 429;
    private final RequestRateLimiter limiter;

    public RateLimitingInterceptor(RequestRateLimiter limiter) {
        this.limiter = Objects.requireNonNull(limiter, "limiter cannot be null");
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        try {
            limiter.acquire(operation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.builder().message("Interrupted while waiting for the request rate limit")
                    .cause(e).build();
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (context.httpResponse().statusCode() == TOO_MANY_REQUESTS) {
            limiter.throttled(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }
}
