package io.jenkins.plugins.safelambdaupdate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes and reads a {@link BenchReport} as JSON: {@code settings}, {@code records} (one per strategy and scenario), {@code engineTargets}. */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** Writes the report to the file, creating its directory when missing. */
    public static void write(BenchReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MAPPER.writeValue(file.toFile(), report);
    }

    /** @return the report as JSON text */
    public static String toJson(BenchReport report) throws IOException {
        return MAPPER.writeValueAsString(report);
    }
}
