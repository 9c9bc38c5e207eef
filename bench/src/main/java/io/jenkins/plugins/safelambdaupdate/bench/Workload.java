package io.jenkins.plugins.safelambdaupdate.bench;

import io.jenkins.plugins.safelambdaupdate.simulator.SampleZips;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        byte[] zip = SampleZips.pythonHandler(label);
        Path file = directory.resolve(label + ".zip");
        try {
            Files.write(file, zip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DEPLOYED_BY", label);
        environment.put("RELEASE", Integer.toString(index));
        return new DeploymentSpec(index, function, zip, SampleZips.codeSha256(zip), file, environment,
                "deployed by " + label);
    }
}
