package io.jenkins.plugins.safelambdaupdate;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where the new code comes from: a local zip, an object in S3, or a container image. */
public sealed interface CodeSource permits CodeSource.ZipFile, CodeSource.S3Object, CodeSource.ContainerImage {

    /**
     * A local zip uploaded directly (at most 50 MiB). Its CodeSha256 is known before the upload, so an
     * unchanged zip is not uploaded again and the deployed code is proven.
     *
     * @param path the zip file, not null
     */
    record ZipFile(Path path) implements CodeSource {
        /** @throws NullPointerException if path is null */
        public ZipFile {
            Objects.requireNonNull(path, "path cannot be null");
        }
    }

    /**
     * A zip in S3. Its CodeSha256 cannot be known locally, so the code is always updated.
     *
     * @param bucket the bucket, not null
     * @param key the object key, not null
     * @param objectVersion the object version, or null for the current one
     */
    record S3Object(String bucket, String key, String objectVersion) implements CodeSource {
        /** @throws NullPointerException if bucket or key is null */
        public S3Object {
            Objects.requireNonNull(bucket, "bucket cannot be null");
            Objects.requireNonNull(key, "key cannot be null");
        }

        /** @return the object version, when given */
        public Optional<String> version() {
            return Optional.ofNullable(objectVersion);
        }
    }

    /**
     * A container image in ECR. Its CodeSha256 cannot be known locally, so the code is always updated.
     *
     * @param imageUri the image URI, not null
     */
    record ContainerImage(String imageUri) implements CodeSource {
        /** @throws NullPointerException if imageUri is null */
        public ContainerImage {
            Objects.requireNonNull(imageUri, "imageUri cannot be null");
        }
    }

    /**
     * @param path the local zip, not null
     * @return a zip code source
     * @throws NullPointerException if path is null
     */
    static CodeSource zipFile(Path path) {
        return new ZipFile(path);
    }

    /**
     * @param bucket the bucket, not null
     * @param key the key, not null
     * @param objectVersion the object version, or null for the current one
     * @return an S3 code source
     * @throws NullPointerException if bucket or key is null
     */
    static CodeSource s3(String bucket, String key, String objectVersion) {
        return new S3Object(bucket, key, objectVersion);
    }

    /**
     * @param imageUri the image URI, not null
     * @return a container image code source
     * @throws NullPointerException if imageUri is null
     */
    static CodeSource image(String imageUri) {
        return new ContainerImage(imageUri);
    }
}
