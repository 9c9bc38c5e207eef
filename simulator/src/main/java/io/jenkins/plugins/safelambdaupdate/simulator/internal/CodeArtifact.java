package io.jenkins.plugins.safelambdaupdate.simulator.internal;

/**
 * The code of one function version.
 *
 * @param sha256   CodeSha256: base64 of the SHA-256 of the zip, or a deterministic stand-in (see {@link CodeReader})
 * @param size     CodeSize in bytes (0 where the simulator does not hold the bytes)
 * @param imageUri the container image, or null for zip code
 */
record CodeArtifact(String sha256, long size, String imageUri) {
}
