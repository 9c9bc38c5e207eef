package io.jenkins.plugins.safelambdaupdate.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Makes the zips and configurations deployers deploy: each one distinct, so that a lost update shows. */
final class Workload {
    private final Path directory;

    /** @param directory where the zips are written (the engine reads its code from a file) */
    Workload(Path directory) {
        this.directory = directory;
    }

    /**
     * @param run       a label unique within the benchmark, e.g. {@code engine-K4}
     * @param scenario  the scenario
     * @return one spec per deployer
     */
    List<DeploymentSpec> specs(String run, Scenario scenario) {
        List<DeploymentSpec> specs = new ArrayList<>();
        for (int i = 0; i < scenario.deployers(); i++) {
            specs.add(spec(run, i, scenario.functionFor(i)));
        }
        return specs;
    }

    /** @return the spec of deployer {@code index} of a run, deploying to {@code function} */
    DeploymentSpec spec(String run, int index, String function) {
        String label = String.format(Locale.ROOT, "%s-deployer-%02d", run, index);
        byte[] zip = zip(label);
        Path file = directory.resolve(label + ".zip");
        try {
            Files.write(file, zip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DEPLOYED_BY", label);
        environment.put("RELEASE", Integer.toString(index));
        return new DeploymentSpec(index, function, zip, sha256(zip), file, environment, "deployed by " + label);
    }

    /** @return a small zip whose handler returns the label: distinct bytes for every label */
    static byte[] zip(String label) {
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
        return buffer.toByteArray();
    }

    /** @return base64 of the SHA-256 digest, as Lambda's CodeSha256 */
    static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
