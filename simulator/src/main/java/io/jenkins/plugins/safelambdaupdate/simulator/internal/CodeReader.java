package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import io.jenkins.plugins.safelambdaupdate.simulator.SampleZips;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;

/**
 * Turns the code fields of a request ({@code ZipFile}, {@code S3Bucket}/{@code S3Key}/{@code S3ObjectVersion}
 * or {@code ImageUri}) into a {@link CodeArtifact}, refusing what AWS refuses.
 *
 * <p>The simulator has no S3 and no registry, so for S3 and image code it derives a deterministic
 * CodeSha256: base64(SHA-256(UTF-8 of {@code s3://BUCKET/KEY?versionId=VERSION})) (without {@code ?versionId=}
 * when no version is given), and base64(SHA-256(UTF-8 of the image URI)). CodeSize is then 0.
 * When several sources are given, ZipFile wins over S3 and S3 over ImageUri.
 */
final class CodeReader {
    private CodeReader() {
    }

    /**
     * @param code        the object holding the code fields (the request body for UpdateFunctionCode,
     *                    {@code Code} for CreateFunction)
     * @param packageType the function's: {@code Zip} or {@code Image}
     * @return the code
     * @throws LambdaError 413 zip too large; 400 not a zip, unzipped too large, no source, or a source that
     *                     does not fit the package type
     */
    static CodeArtifact read(JsonFields code, String packageType) {
        CodeArtifact artifact = read(code);
        boolean image = "Image".equals(packageType);
        if (image && artifact.imageUri() == null) {
            throw Errors.imageUriRequired();
        }
        if (!image && artifact.imageUri() != null) {
            throw Errors.imageUriNotAllowed();
        }
        return artifact;
    }

    private static CodeArtifact read(JsonFields code) {
        byte[] zip = code.binary("ZipFile");
        if (zip != null) {
            return fromZip(zip);
        }
        String bucket = code.text("S3Bucket");
        String key = code.text("S3Key");
        if (bucket != null && key != null) {
            String version = code.text("S3ObjectVersion");
            String location = "s3://" + bucket + "/" + key + (version == null ? "" : "?versionId=" + version);
            return new CodeArtifact(sha256(location.getBytes(StandardCharsets.UTF_8)), 0, null);
        }
        String image = code.text("ImageUri");
        if (image != null) {
            return new CodeArtifact(sha256(image.getBytes(StandardCharsets.UTF_8)), 0, image);
        }
        throw Errors.missingCodeSource();
    }

    /**
     * @param zip the zip's bytes
     * @return the code, with CodeSha256 = base64(SHA-256(zip))
     * @throws LambdaError as {@link #read}
     */
    static CodeArtifact fromZip(byte[] zip) {
        if (zip.length > Errors.MAX_ZIPPED_BYTES) {
            throw Errors.zipTooLarge();
        }
        long unzipped;
        try {
            unzipped = ZipSizes.uncompressedTotal(zip);
        } catch (ZipException e) {
            throw Errors.notAZip();
        }
        if (unzipped > Errors.MAX_UNZIPPED_BYTES) {
            throw Errors.unzippedTooLarge();
        }
        return new CodeArtifact(sha256(zip), zip.length, null);
    }

    /** @return base64 of the SHA-256 digest of the bytes, as Lambda's CodeSha256 */
    static String sha256(byte[] bytes) {
        return SampleZips.codeSha256(bytes);
    }
}
