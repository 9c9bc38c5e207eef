package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** Converts the SDK's function configuration to the public {@link FunctionStatus}. */
final class FunctionStatuses {
    private FunctionStatuses() {
    }

    static FunctionStatus of(FunctionConfiguration c) {
        return of(c, null);
    }

    /** @param readAt when the configuration was read, or null */
    static FunctionStatus of(FunctionConfiguration c, java.time.Instant readAt) {
        if (c == null) {
            return null;
        }
        return FunctionStatus.builder()
                .readAt(readAt)
                .functionArn(c.functionArn())
                .state(c.stateAsString())
                .stateReason(c.stateReason())
                .stateReasonCode(c.stateReasonCodeAsString())
                .lastUpdateStatus(c.lastUpdateStatusAsString())
                .lastUpdateStatusReason(c.lastUpdateStatusReason())
                .lastUpdateStatusReasonCode(c.lastUpdateStatusReasonCodeAsString())
                .codeSha256(c.codeSha256())
                .revisionId(c.revisionId())
                .lastModified(c.lastModified())
                .build();
    }

    static boolean isPending(FunctionConfiguration c) {
        return "Pending".equals(c.stateAsString());
    }

    static boolean isInProgress(FunctionConfiguration c) {
        return "InProgress".equals(c.lastUpdateStatusAsString());
    }

    static boolean isFailedState(FunctionConfiguration c) {
        return "Failed".equals(c.stateAsString());
    }

    static boolean isFailedUpdate(FunctionConfiguration c) {
        return "Failed".equals(c.lastUpdateStatusAsString());
    }

    /** Strips a version or alias qualifier from a function ARN (arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME). */
    static String unqualifiedArn(String functionArn) {
        String[] parts = functionArn.split(":", -1);
        if (parts.length > 7) {
            return String.join(":", java.util.Arrays.copyOf(parts, 7));
        }
        return functionArn;
    }
}
