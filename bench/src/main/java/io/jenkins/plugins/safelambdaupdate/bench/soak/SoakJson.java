package io.jenkins.plugins.safelambdaupdate.bench.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a {@link SoakReport} as one JSON object: {@code settings}, {@code wallTimeMillis}, {@code injected},
 * {@code deployments}, {@code retries}, {@code apiCalls}, {@code checks}, {@code invariantViolations} (integer fields
 * only, all zero in a good run) and {@code violationDetails}.
 */
public final class SoakJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SoakJson() {
    }

    /** @return the report as a JSON tree */
    public static ObjectNode toJson(SoakReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        SoakSettings s = report.settings();
        ObjectNode settings = root.putObject("settings");
        settings.put("deployers", s.deployers());
        settings.put("functions", s.functions());
        settings.put("rounds", s.rounds());
        settings.put("seed", s.seed());
        settings.put("throttleRate", s.throttleRate());
        settings.put("errorRate", s.errorRate());
        settings.put("latencyMaxMillis", s.latencyMax().toMillis());
        settings.put("failedUpdateEveryMillis", s.failedUpdateEvery().toMillis());
        settings.put("writerEveryMillis", s.writerEvery().toMillis());
        settings.put("interruptRate", s.interruptRate());
        settings.put("shortDeadlineRate", s.shortDeadlineRate());
        settings.put("deadlineMillis", s.deadline().toMillis());
        settings.put("deadlineGraceMillis", s.deadlineGrace().toMillis());
        settings.put("updateDelayMillis", s.updateDelay().toMillis());
        settings.put("publishDelayMillis", s.publishDelay().toMillis());
        root.put("wallTimeMillis", report.wallTimeMillis());
        root.set("injected", MAPPER.valueToTree(report.injected()));
        root.set("deployments", MAPPER.valueToTree(report.deployments()));
        root.set("retries", MAPPER.valueToTree(report.retries()));
        root.set("apiCalls", MAPPER.valueToTree(report.apiCalls()));
        root.set("checks", MAPPER.valueToTree(report.checks()));
        root.set("invariantViolations", MAPPER.valueToTree(report.invariantViolations()));
        root.set("violationDetails", MAPPER.valueToTree(report.violationDetails()));
        return root;
    }

    /**
     * @param report the report
     * @param file   where to write it (replaced)
     * @throws IOException when it cannot be written
     */
    public static void write(SoakReport report, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), toJson(report));
    }
}
