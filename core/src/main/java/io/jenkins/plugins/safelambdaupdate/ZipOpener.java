package io.jenkins.plugins.safelambdaupdate;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens the bytes of a zip whose {@link ZipDigest} is already known. The engine calls it only once the function is
 * locked and only when the deployed CodeSha256 differs from the digest, and reads the stream once to its end.
 */
@FunctionalInterface
public interface ZipOpener {
    /**
     * @return a new stream of the zip's bytes; the caller closes it
     * @throws IOException if the zip cannot be opened
     * @throws InterruptedException if the thread was interrupted while opening it
     */
    InputStream open() throws IOException, InterruptedException;
}
