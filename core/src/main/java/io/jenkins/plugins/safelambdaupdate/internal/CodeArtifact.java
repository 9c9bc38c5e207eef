package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;

/**
 * The code a deployment asks for and the CodeSha256 that proves it is deployed: a zip's is computed before any AWS call
 * (read once, so the hash is of the bytes sent); for S3 and images it is known only from our update's response.
 */
final class CodeArtifact {
    private final CodeSource code;
    private final SdkBytes zipBytes;
    private final String expectedSha;
    private String appliedSha;

    /** @param code the requested code, or null when the deployment leaves the code alone */
    CodeArtifact(CodeSource code) {
        this.code = code;
        if (code instanceof CodeSource.ZipFile zip) {
            try {
                byte[] bytes = Files.readAllBytes(zip.path());
                zipBytes = SdkBytes.fromByteArray(bytes);
                expectedSha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (IOException e) {
                throw new InvalidRequestException(Parameter.ZIP_FILE,
                        zip.path() + " cannot be read: " + e.getMessage());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        } else {
            zipBytes = null;
            expectedSha = null;
        }
    }

    boolean requested() {
        return code != null;
    }

    /** @return an UpdateFunctionCode request for the artifact, without function name, revision or timeouts */
    UpdateFunctionCodeRequest.Builder updateRequest() {
        UpdateFunctionCodeRequest.Builder b = UpdateFunctionCodeRequest.builder();
        if (code instanceof CodeSource.ZipFile) {
            b.zipFile(zipBytes);
        } else if (code instanceof CodeSource.S3Object s3) {
            b.s3Bucket(s3.bucket()).s3Key(s3.key()).s3ObjectVersion(s3.objectVersion());
        } else if (code instanceof CodeSource.ContainerImage image) {
            b.imageUri(image.imageUri());
        }
        return b;
    }

    /** @return the event of submitting this code's update */
    DeploymentEvent.Submitted submitted(Instant at) {
        return DeploymentEvent.Submitted.code(at, code, expectedSha);
    }

    /** @return the zip's size in bytes; 0 for S3 and images, whose size is not known here */
    long size() {
        return zipBytes == null ? 0 : zipBytes.asByteBuffer().remaining();
    }

    /** Remembers the CodeSha256 our update produced, when it could not be known before. */
    void applied(String sha) {
        if (expectedSha == null) {
            appliedSha = sha;
        }
    }

    /** @return the CodeSha256 that proves our code, or null before our update of non-zip code */
    String sha() {
        return expectedSha != null ? expectedSha : appliedSha;
    }

    /** @return whether the function holds our code; always true when no code was requested */
    boolean isDeployedIn(FunctionConfiguration cfg) {
        if (code == null) {
            return true;
        }
        String sha = sha();
        return sha != null && sha.equals(cfg.codeSha256());
    }
}
