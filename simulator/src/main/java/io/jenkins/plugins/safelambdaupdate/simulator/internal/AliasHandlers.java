package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.util.Map;

/** CreateAlias, GetAlias and UpdateAlias. */
final class AliasHandlers {
    private final FunctionStore store;
    private final AccountScope scope;

    AliasHandlers(FunctionStore store, AccountScope scope) {
        this.store = store;
        this.scope = scope;
    }

    SimResponse create(SimRequest request) {
        JsonFields body = request.body();
        String name = body.text("Name");
        if (name == null) {
            throw Errors.validation("null", "name", "Member must not be null");
        }
        String version = body.text("FunctionVersion");
        if (version == null) {
            throw Errors.validation("null", "functionVersion", "Member must not be null");
        }
        return SimResponse.created(Views.alias(function(request).createAlias(name, version, body.text("Description"),
                weights(body))));
    }

    SimResponse get(SimRequest request) {
        return SimResponse.ok(Views.alias(function(request).getAlias(request.label("Name"))));
    }

    SimResponse update(SimRequest request) {
        JsonFields body = request.body();
        return SimResponse.ok(Views.alias(function(request).updateAlias(request.label("Name"),
                body.text("FunctionVersion"), body.text("Description"), weights(body), body.text("RevisionId"))));
    }

    private FunctionRecord function(SimRequest request) {
        return store.get(FunctionRef.parse(request.label("FunctionName"), scope));
    }

    /** @return RoutingConfig.AdditionalVersionWeights, empty for a RoutingConfig without it, null without RoutingConfig */
    private static Map<String, Double> weights(JsonFields body) {
        JsonFields routing = body.object("RoutingConfig");
        if (routing == null) {
            return null;
        }
        Map<String, Double> weights = routing.numberMap("AdditionalVersionWeights");
        return weights == null ? Map.of() : weights;
    }
}
