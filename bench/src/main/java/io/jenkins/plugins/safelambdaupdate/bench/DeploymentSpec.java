package io.jenkins.plugins.safelambdaupdate.bench;

import java.nio.file.Path;
import java.util.Map;

/**
 * What one deployer deploys: its own zip and its own configuration, then a version. Immutable (the zip array is
 * not copied: do not change it).
 *
 * @param index        0-based, unique within a scenario run
 * @param functionName the bare function name
 * @param zip          the zip's bytes, distinct for every deployer
 * @param codeSha256   base64 SHA-256 of the zip, as Lambda reports it
 * @param zipFile      the same zip on disk (the engine reads its code from a file)
 * @param environment  the complete environment variables this deployer sets (same keys for every deployer)
 * @param description  the function description this deployer sets
 */
public record DeploymentSpec(int index, String functionName, byte[] zip, String codeSha256, Path zipFile,
                             Map<String, String> environment, String description) {
    /** Copies the environment. */
    public DeploymentSpec {
        environment = Map.copyOf(environment);
    }
}
