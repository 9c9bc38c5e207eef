package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer.
 *
 * @param status 200, 201 or 204
 * @param body   the JSON body, or null for none
 */
record SimResponse(int status, JsonNode body) {

    static SimResponse ok(JsonNode body) {
        return new SimResponse(200, body);
    }

    static SimResponse created(JsonNode body) {
        return new SimResponse(201, body);
    }

    static SimResponse noContent() {
        return new SimResponse(204, null);
    }
}
