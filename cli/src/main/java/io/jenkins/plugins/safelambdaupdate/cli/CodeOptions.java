package io.jenkins.plugins.safelambdaupdate.cli;

import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.RequestParameters;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Option;

/** Where {@code deploy} takes the new code from: a local zip, an S3 object or a container image, or none. */
final class CodeOptions {

    @Option(names = "--zip", paramLabel = "FILE",
            description = "Local zip uploaded directly (at most 50 MiB; larger packages go through S3).")
    String zip;

    @Option(names = "--s3-bucket", paramLabel = "BUCKET", description = "S3 bucket of the zip (with --s3-key).")
    String s3Bucket;

    @Option(names = "--s3-key", paramLabel = "KEY", description = "S3 key of the zip (with --s3-bucket).")
    String s3Key;

    @Option(names = "--s3-object-version", paramLabel = "VERSION",
            description = "S3 object version of the zip (with --s3-bucket and --s3-key). Default: the current one.")
    String s3ObjectVersion;

    @Option(names = "--image-uri", paramLabel = "URI", description = "Container image URI in Amazon ECR.")
    String imageUri;

    /**
     * @return the code source, or null when no code option was given (the code is then left unchanged)
     * @throws InvalidRequestException naming the parameters when sources are combined or incomplete
     */
    CodeSource toCodeSource() {
        return RequestParameters.codeSource(zip == null ? null : path(zip), s3Bucket, s3Key, s3ObjectVersion, imageUri)
                .orElse(null);
    }

    private static Path path(String value) {
        try {
            return Paths.get(value);
        } catch (InvalidPathException e) {
            throw new InvalidRequestException(Parameter.ZIP_FILE, "is not a valid path: " + e.getMessage());
        }
    }
}
