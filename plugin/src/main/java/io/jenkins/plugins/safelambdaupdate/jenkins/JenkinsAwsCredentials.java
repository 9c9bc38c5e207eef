package io.jenkins.plugins.safelambdaupdate.jenkins;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Turns AWS credentials of the aws-credentials plugin into an SDK provider, the same way for a step's
 * {@code credentialsId} and for the cross-host lock's: a role's session is renewed before it expires, credentials that
 * need an MFA token are refused (an unattended build cannot give one), blank keys without a role give none. A role is
 * assumed through {@link ControllerRoleSessions}: one STS client per credential on this controller.
 */
final class JenkinsAwsCredentials {
    private JenkinsAwsCredentials() {
    }

    /**
     * @param found the credentials, not null
     * @param parameter the parameter that named them, for messages ({@code CREDENTIALS}, {@code LOCK_CREDENTIALS})
     * @param id their id
     * @return the provider (resolved once now, so a failure is reported before any deployment step), or null for
     *     blank keys and no role
     * @throws InvalidRequestException naming the parameter when they need an MFA token or cannot be resolved
     */
    static AwsCredentialsProvider provider(AmazonWebServicesCredentials found, Parameter parameter, String id) {
        if (found instanceof AWSCredentialsImpl impl && impl.requiresToken()) {
            throw new InvalidRequestException(parameter, "'" + id + "' assumes its role with an MFA"
                    + " token, which an unattended build cannot give: use AWS credentials without MFA for deployments");
        }
        try {
            if (found instanceof AWSCredentialsImpl impl && impl.getIamRoleArn() != null
                    && !impl.getIamRoleArn().isBlank()) {
                // A role's session expires (after stsTokenDuration): renewed before, so a long lock wait still works.
                // One STS client per credential for the whole controller, not one built (and leaked) per deployment.
                return ControllerRoleSessions.get().provider(impl, id);
            }
            AwsCredentials resolved = found.resolveCredentials();
            return resolved == null ? null : StaticCredentialsProvider.create(resolved);
        } catch (RuntimeException e) {
            throw new InvalidRequestException(parameter, "'" + id + "' could not be resolved (assuming"
                    + " its IAM role failed?): " + e.getMessage());
        }
    }
}
