package io.jenkins.plugins.safelambdaupdate.internal;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A credentials provider whose every failure is an {@link SdkClientException} saying that credentials could not be
 * loaded. Some providers fail otherwise: a shared config file that does not parse throws IllegalArgumentException,
 * a failing {@code credential_process} IllegalStateException; without this they would read as bad command-line input
 * or as a crash instead of as the credentials error they are.
 */
public final class ExplainedCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
    private final AwsCredentialsProvider delegate;

    /** @param delegate the provider that loads the credentials, not null */
    public ExplainedCredentials(AwsCredentialsProvider delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate cannot be null");
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return delegate.resolveCredentials();
        } catch (SdkException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SdkClientException.builder().message("AWS credentials cannot be loaded: " + e.getMessage())
                    .cause(e).build();
        }
    }

    @Override
    public void close() {
        if (delegate instanceof AutoCloseable closeable) {
            IoUtils.closeQuietly(closeable, null);
        }
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
