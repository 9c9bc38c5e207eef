package io.jenkins.plugins.safelambdaupdate;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where the new code comes from: a zip (a local file, or one whose digest is known up front), an object in S3, or a container image. */
public sealed interface CodeSource
        permits CodeSource.ZipFile, CodeSource.ZipArchive, CodeSource.S3Object, CodeSource.ContainerImage {

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
     * A zip uploaded directly (at most 50 MiB) whose digest is known up front and whose bytes are opened lazily: only
     * after the lock is taken, and never when the deployed CodeSha256 already equals {@code digest}. They are then read
     * once into one array of {@code digest.size()} bytes and checked against the digest; a zip that changed since its
     * digest was computed is refused (naming {@code zipFile}) and nothing is uploaded. {@link ZipFile} becomes one of
     * these ({@link LocalZip#archive}); a Jenkins agent's workspace is another producer.
     *
     * @param name how messages name the zip (the path the user gave), not null
     * @param digest its SHA-256 and size, computed where the zip lies, not null
     * @param opener opens its bytes, not null
     */
    record ZipArchive(String name, ZipDigest digest, ZipOpener opener) implements CodeSource {
        /** @throws NullPointerException if an argument is null */
        public ZipArchive {
            Objects.requireNonNull(name, "name cannot be null");
            Objects.requireNonNull(digest, "digest cannot be null");
            Objects.requireNonNull(opener, "opener cannot be null");
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
     * @param name how messages name the zip, not null
     * @param digest its SHA-256 and size, not null
     * @param opener opens its bytes once they are needed, not null
     * @return a zip code source whose bytes are read only for the upload
     * @throws NullPointerException if an argument is null
     */
    static CodeSource zipArchive(String name, ZipDigest digest, ZipOpener opener) {
        return new ZipArchive(name, digest, opener);
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
