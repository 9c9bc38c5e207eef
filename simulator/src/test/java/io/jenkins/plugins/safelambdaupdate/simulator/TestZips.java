package io.jenkins.plugins.safelambdaupdate.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small zips for tests, and Lambda's CodeSha256 computed independently of the simulator. */
final class TestZips {
    private TestZips() {
    }

    /** @return a zip with one file {@code index.py} holding the text */
    static byte[] zip(String content) {
        return SampleZips.pythonHandler(content);
    }

    /** @return a valid zip whose only entry unzips to {@code size} zero bytes (compresses to about size/1000) */
    static byte[] zipOfZeros(long size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] chunk = new byte[1 << 20];
            for (long left = size; left > 0; left -= chunk.length) {
                zip.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return base64(SHA-256(bytes)), as Lambda's CodeSha256 */
    static String sha256(byte[] bytes) {
        return SampleZips.codeSha256(bytes);
    }

    private static byte[] zipOf(byte[] content, int copies) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < copies; i++) {
                zip.putNextEntry(new ZipEntry(i == 0 ? "index.py" : "copy" + i + ".py"));
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
