package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a JSON request object. Absent and {@code null} fields read as null; unknown fields
 * are ignored, as AWS does; a field of the wrong type is a SerializationException, as AWS answers.
 */
final class JsonFields {
    private final JsonNode node;

    /** @param node a JSON object (anything else reads as empty) */
    JsonFields(JsonNode node) {
        this.node = node;
    }

    String text(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a string");
        }
        return value.textValue();
    }

    Integer integer(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw wrongType(field, "an integer");
        }
        return value.intValue();
    }

    /** @return the boolean, false when absent */
    boolean bool(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw wrongType(field, "a boolean");
        }
        return value.booleanValue();
    }

    /** @return the decoded bytes of a base64 blob, or null */
    byte[] binary(String field) {
        String base64 = text(field);
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw Errors.serialization("Failed to decode " + field + " as base64: " + e.getMessage());
        }
    }

    /** @return the nested object, or null */
    JsonFields object(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(field, "an object");
        }
        return new JsonFields(value);
    }

    /** @return a map of string values (a null value reads as ""), or null */
    Map<String, String> stringMap(String field) {
        JsonFields object = object(field);
        if (object == null) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        object.node.properties().forEach(e -> map.put(e.getKey(), e.getValue().isNull() ? ""
                : object.text(e.getKey())));
        return map;
    }

    /** @return a map of numbers, or null */
    Map<String, Double> numberMap(String field) {
        JsonFields object = object(field);
        if (object == null) {
            return null;
        }
        Map<String, Double> map = new LinkedHashMap<>();
        object.node.properties().forEach(e -> {
            if (!e.getValue().isNumber()) {
                throw wrongType(field + "." + e.getKey(), "a number");
            }
            map.put(e.getKey(), e.getValue().doubleValue());
        });
        return map;
    }

    /** @return a list of strings, or null */
    List<String> stringList(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(field, "a list");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw wrongType(field, "a list of strings");
            }
            list.add(item.textValue());
        }
        return list;
    }

    private JsonNode present(String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static LambdaError wrongType(String field, String expected) {
        return Errors.serialization("Unexpected value type for " + field + ": expected " + expected);
    }
}
