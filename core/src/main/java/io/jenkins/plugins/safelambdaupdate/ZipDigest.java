package io.jenkins.plugins.safelambdaupdate;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * What identifies a zip before its bytes are read for the upload: its SHA-256 in the form Lambda reports as
 * {@code CodeSha256} (Base64) and its size. Serializable, so that it can be computed where the zip lies (a Jenkins
 * agent, say) and sent back on its own.
 *
 * @param codeSha256 the Base64 SHA-256 of the zip's bytes, not null
 * @param size the zip's size in bytes, not negative
 */
public record ZipDigest(String codeSha256, long size) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int BUFFER = 64 * 1024;

    /** @throws NullPointerException if codeSha256 is null; @throws IllegalArgumentException if size is negative */
    public ZipDigest {
        Objects.requireNonNull(codeSha256, "codeSha256 cannot be null");
        if (size < 0) {
            throw new IllegalArgumentException("size cannot be negative, was " + size);
        }
    }

    /**
     * @param bytes the zip's bytes, not null
     * @return their digest
     */
    public static ZipDigest of(byte[] bytes) {
        return new ZipDigest(encode(sha256().digest(bytes)), bytes.length);
    }

    /**
     * Streams the file through the digest: never more than a small buffer of it is in memory.
     *
     * @param file the zip, not null
     * @return its digest
     * @throws IOException if the file cannot be read
     */
    public static ZipDigest of(Path file) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                size += n;
            }
        }
        return new ZipDigest(encode(sha.digest()), size);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String encode(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }
}
