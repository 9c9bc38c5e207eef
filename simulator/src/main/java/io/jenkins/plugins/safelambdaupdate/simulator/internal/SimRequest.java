package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/** One decoded HTTP request as the handlers see it: path labels, query parameters and the JSON body. */
final class SimRequest {
    private final Map<String, String> labels;
    private final Map<String, String> query;
    private final byte[] body;
    private final ObjectMapper mapper;
    private JsonFields parsed;

    SimRequest(Map<String, String> labels, Map<String, String> query, byte[] body, ObjectMapper mapper) {
        this.labels = Map.copyOf(labels);
        this.query = Map.copyOf(query);
        this.body = body;
        this.mapper = mapper;
    }

    /** @return the decoded path label, e.g. {@code FunctionName}, or null */
    String label(String name) {
        return labels.get(name);
    }

    /** @return the decoded query parameter, or null */
    String query(String name) {
        return query.get(name);
    }

    /**
     * @return the body's fields; an empty body reads as an empty object
     * @throws LambdaError SerializationException when the body is not a JSON object
     */
    JsonFields body() {
        if (parsed == null) {
            parsed = new JsonFields(parse());
        }
        return parsed;
    }

    private JsonNode parse() {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return mapper.createObjectNode();
            }
            if (!node.isObject()) {
                throw Errors.serialization("Request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw Errors.serialization("Could not parse request body into json: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Errors.serialization("Could not read request body: " + e.getMessage());
        }
    }
}
