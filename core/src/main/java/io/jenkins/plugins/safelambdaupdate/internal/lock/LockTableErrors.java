package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.LockTableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Turns what DynamoDB answered about the lock table into one clear message naming the table. */
public final class LockTableErrors {
    private LockTableErrors() {
    }

    /**
     * @param table the lock table
     * @param action what was being done, for example {@code "read the lock of"}
     * @param e what the SDK threw
     * @return an exception naming the table: missing (and how to create it), access denied, or what DynamoDB said
     */
    public static LockTableException translate(String table, String action, SdkException e) {
        if (e instanceof ResourceNotFoundException) {
            return new LockTableException(table, "DynamoDB lock table '" + table + "' does not exist in this "
                    + "account and region; create it with: safe-lambda-update lock-table create --table " + table, e);
        }
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            if ("AccessDeniedException".equals(code) || service.statusCode() == 403) {
                return new LockTableException(table, "Access to DynamoDB lock table '" + table + "' denied (" + code
                        + "): the credentials need dynamodb:GetItem, PutItem, UpdateItem and DeleteItem on it"
                        + (message == null ? "" : "; AWS said: " + message), e);
            }
            return new LockTableException(table, "DynamoDB refused to " + action + " lock table '" + table + "': "
                    + code + (message == null ? "" : ": " + message), e);
        }
        return new LockTableException(table, "Cannot " + action + " DynamoDB lock table '" + table + "': "
                + e.getMessage(), e);
    }
}
