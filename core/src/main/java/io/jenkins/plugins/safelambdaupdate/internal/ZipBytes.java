package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.ZipDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;

/**
 * Reads a {@link CodeSource.ZipArchive}'s bytes for the upload: once, into one array of the size its digest states
 * (the Lambda API takes the whole body; no growing buffers, no second copy), then checks them against the digest.
 */
final class ZipBytes {
    /** Small reads, so that an interrupt is seen between them even on a stream that never blocks. */
    private static final int CHUNK = 256 * 1024;

    private ZipBytes() {
    }

    /**
     * @return the zip's bytes, exactly as digested
     * @throws InterruptedException if the thread was interrupted while reading
     * @throws InvalidRequestException naming {@code zipFile} if the zip cannot be read or changed since its digest
     */
    static byte[] read(CodeSource.ZipArchive zip) throws InterruptedException {
        ZipDigest expected = zip.digest();
        byte[] bytes = new byte[Math.toIntExact(expected.size())];
        int read = 0;
        boolean longer;
        try (InputStream in = zip.opener().open()) {
            while (read < bytes.length) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while reading zipFile " + zip.name());
                }
                int n = in.read(bytes, read, Math.min(CHUNK, bytes.length - read));
                if (n < 0) {
                    break;
                }
                read += n;
            }
            longer = read == bytes.length && in.read() >= 0;
        } catch (IOException e) {
            // Remote streams say so in several ways: InterruptedIOException, or an IOException caused by the
            // InterruptedException with the thread's flag set again (Jenkins remoting's pipes).
            if (e instanceof InterruptedIOException || e.getCause() instanceof InterruptedException
                    || Thread.interrupted()) {
                InterruptedException interrupted = new InterruptedException("interrupted while reading zipFile "
                        + zip.name());
                interrupted.initCause(e);
                throw interrupted;
            }
            throw new InvalidRequestException(Parameter.ZIP_FILE, zip.name() + " cannot be read for the upload: "
                    + e.getMessage() + "; nothing was uploaded");
        }
        ZipDigest actual = longer ? null : ZipDigest.of(read == bytes.length ? bytes : Arrays.copyOf(bytes, read));
        if (!expected.equals(actual)) {
            throw new InvalidRequestException(Parameter.ZIP_FILE, zip.name() + " changed after its SHA-256 was"
                    + " computed (expected " + expected.size() + " bytes with CodeSha256 " + expected.codeSha256()
                    + ", read " + (actual == null ? "more bytes" : actual.size() + " bytes with CodeSha256 "
                    + actual.codeSha256()) + "); nothing was uploaded: do not change the zip while the step runs");
        }
        return bytes;
    }
}
