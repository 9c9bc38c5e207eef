package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.util.List;
import java.util.Map;

/** Finds the route of a request: the first whose method and path template match. */
final class RouteTable {
    /** A matched route and the labels it captured. */
    record Match(Route route, Map<String, String> labels) {
    }

    private final List<Route> routes;

    RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** @return the match, or null when no route fits */
    Match find(String method, List<String> path) {
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Map<String, String> labels = route.match(path);
                if (labels != null) {
                    return new Match(route, labels);
                }
            }
        }
        return null;
    }
}
