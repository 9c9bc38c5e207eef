package io.jenkins.plugins.safelambdaupdate.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small, distinct Lambda zip for the demo: a Python handler that returns its pipeline's label.
 *
 * @param label what the handler returns, for example {@code "pipeline 3"}
 * @param bytes the zip
 * @param codeSha256 base64 of the SHA-256 of the zip, as Lambda reports it
 */
record DemoZip(String label, byte[] bytes, String codeSha256) {

    /**
     * @param label what the handler returns, not null
     * @return a zip whose bytes depend only on the label
     */
    static DemoZip of(String label) {
        String source = "def handler(event, context):\n    return {'deployedBy': '" + label + "'}\n";
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
        byte[] bytes = buffer.toByteArray();
        return new DemoZip(label, bytes, sha256(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
