package io.jenkins.plugins.safelambdaupdate.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small deployment packages for demos, tests and benchmarks: distinct code for every label, and the
 * CodeSha256 Lambda reports for it.
 */
public final class SampleZips {

    private SampleZips() {
    }

    /**
     * A zip holding {@code index.py}, a Python handler that returns the label. The bytes depend only on
     * the label (entry times are fixed), so equal labels give equal CodeSha256.
     *
     * @param label what the handler returns, not null
     * @return the zip's bytes
     * @throws NullPointerException if label is null
     */
    public static byte[] pythonHandler(String label) {
        Objects.requireNonNull(label, "label cannot be null");
        String source = "def handler(event, context):\n    return '" + label.replace("'", "\\'") + "'\n";
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            ZipEntry entry = new ZipEntry("index.py");
            entry.setTime(0L);
            zip.putNextEntry(entry);
            zip.write(source.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /**
     * @param zip the package's bytes, not null
     * @return base64 of the SHA-256 digest of the bytes: Lambda's CodeSha256
     */
    public static String codeSha256(byte[] zip) {
        Objects.requireNonNull(zip, "zip cannot be null");
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
