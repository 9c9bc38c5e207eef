package io.jenkins.plugins.safelambdaupdate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/** Writes JSON objects one per line (JSON Lines) and flushes after each, so consumers can follow along. */
final class JsonLines {
    private final ObjectMapper mapper = new ObjectMapper();
    private final PrintWriter out;

    /** @param out where to write, not null */
    JsonLines(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out cannot be null");
    }

    /** @param object plain data (maps, lists, strings, numbers, booleans, null), not null */
    void write(Map<String, ?> object) {
        try {
            out.println(mapper.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
