package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of the route table: method and path template of an operation, and its handler.
 *
 * @param segments the template split at {@code /}; {@code {Label}} segments capture
 */
record Route(String method, List<String> segments, String operation, Handler handler) {

    /** Handles one request of the route's operation. */
    @FunctionalInterface
    interface Handler {
        /**
         * @throws LambdaError to refuse
         */
        SimResponse handle(SimRequest request);
    }

    static Route of(String method, String template, String operation, Handler handler) {
        return new Route(method, PathCodec.segments(template), operation, handler);
    }

    /** @return the captured labels when the decoded path matches the template, else null */
    Map<String, String> match(List<String> path) {
        if (path.size() != segments.size()) {
            return null;
        }
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < path.size(); i++) {
            String expected = segments.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                labels.put(expected.substring(1, expected.length() - 1), path.get(i));
            } else if (!expected.equals(path.get(i))) {
                return null;
            }
        }
        return labels;
    }
}
