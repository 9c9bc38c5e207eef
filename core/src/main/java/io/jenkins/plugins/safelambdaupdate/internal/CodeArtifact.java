package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.LocalZip;
import java.time.Instant;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;

/**
 * The code a deployment asks for and the CodeSha256 that proves it is deployed. A zip's is its digest, known before
 * any AWS call (a path is digested here, in the validation phase); its bytes are read only for the upload, once, and
 * checked against that digest, so the hash is of the bytes sent. For S3 and images the CodeSha256 is known only from
 * our update's response.
 */
final class CodeArtifact {
    private final CodeSource code;
    private final CodeSource.ZipArchive zip;
    private final String expectedSha;
    /** Read at the first upload and kept for a retried one: the zip is read once per deployment. */
    private SdkBytes zipBytes;
    private String appliedSha;

    /** @param code the requested code, or null when the deployment leaves the code alone */
    CodeArtifact(CodeSource code) {
        this.code = code;
        if (code instanceof CodeSource.ZipFile file) {
            zip = LocalZip.archive(file.path());
        } else if (code instanceof CodeSource.ZipArchive archive) {
            zip = archive;
        } else {
            zip = null;
        }
        expectedSha = zip == null ? null : zip.digest().codeSha256();
    }

    boolean requested() {
        return code != null;
    }

    /**
     * @return an UpdateFunctionCode request for the artifact, without function name, revision or timeouts; a zip's
     *     bytes are read now, at the first call
     * @throws InterruptedException if the thread was interrupted while the zip was read
     */
    UpdateFunctionCodeRequest.Builder updateRequest() throws InterruptedException {
        UpdateFunctionCodeRequest.Builder b = UpdateFunctionCodeRequest.builder();
        if (zip != null) {
            if (zipBytes == null) {
                // The array is ours alone and never changed: no defensive copy of up to 50 MiB.
                zipBytes = SdkBytes.fromByteArrayUnsafe(ZipBytes.read(zip));
            }
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
        return zip == null ? 0 : zip.digest().size();
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
