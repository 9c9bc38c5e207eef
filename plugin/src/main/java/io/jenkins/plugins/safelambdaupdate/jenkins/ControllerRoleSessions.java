package io.jenkins.plugins.safelambdaupdate.jenkins;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.Terminator;
import io.jenkins.plugins.safelambdaupdate.SharedCredentialSessions;
import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The assumed-role sessions of this controller: one STS client and one renewing session per role credential, shared
 * by every build that deploys with it, replaced when the credential is edited, closed after an hour unused and when
 * Jenkins stops.
 */
@Extension
public final class ControllerRoleSessions {
    private final SharedCredentialSessions sessions = new SharedCredentialSessions(Duration.ofHours(1),
            TimeSource.system());

    /** @return this controller's instance */
    static ControllerRoleSessions get() {
        return ExtensionList.lookupSingleton(ControllerRoleSessions.class);
    }

    /**
     * @param role credentials with an IAM role, not null
     * @param id their id
     * @return a provider through the shared session (its first AssumeRole done now, when the session is new)
     */
    AwsCredentialsProvider provider(AWSCredentialsImpl role, String id) {
        return sessions.provider(key(role, id), fingerprint(role),
                () -> StsRoleSession.open(role, JenkinsProxy.ofController()));
    }

    /**
     * @return the session's name: the id, and a digest of the key pair and role it stands for (also what stands for
     *     the account in the shared rate limits). An id is unique only within one credentials store (folders have
     *     their own), and two credentials with the same id in two folders must not take each other's session for an
     *     edit of one credential (which closes the session it replaces).
     */
    static String key(AWSCredentialsImpl role, String id) {
        return id + "|" + digest(String.join("\u0000", String.valueOf(role.getAccessKey()),
                String.valueOf(role.getIamRoleArn()), String.valueOf(role.getIamExternalId()))).substring(0, 16);
    }

    /** Closes every STS client when Jenkins stops. */
    @Terminator
    public static void closeAll() {
        ExtensionList<ControllerRoleSessions> all = ExtensionList.lookup(ControllerRoleSessions.class);
        all.forEach(s -> s.sessions.close());
    }

    /** @return a digest of everything that defines the session (never printed: it covers the secret key) */
    private static String fingerprint(AWSCredentialsImpl role) {
        String secret = role.getSecretKey() == null ? "" : role.getSecretKey().getPlainText();
        return digest(String.join("\u0000", String.valueOf(role.getAccessKey()), secret,
                String.valueOf(role.getIamRoleArn()), String.valueOf(role.getIamExternalId()),
                String.valueOf(role.getStsTokenDuration())));
    }

    private static String digest(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
