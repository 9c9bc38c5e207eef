package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import io.jenkins.plugins.safelambdaupdate.simulator.AliasSnapshot;
import java.util.List;
import java.util.Map;

/** CreateAlias, GetAlias, UpdateAlias, DeleteAlias and ListAliases. */
final class AliasHandlers {
    /** ListAliases documents no page size of its own: an answer holds up to MaxItems (at most 10,000). */
    private static final int MOST_PER_PAGE = 10_000;

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

    /** DeleteAlias answers 204 whether or not the alias existed (AWS's own behaviour). */
    SimResponse delete(SimRequest request) {
        function(request).deleteAlias(request.label("Name"));
        return SimResponse.noContent();
    }

    /** ListAliases, by name, optionally only those whose FunctionVersion is the one given; paged. */
    SimResponse list(SimRequest request) {
        List<AliasSnapshot> aliases = function(request).listAliases(request.query("FunctionVersion"));
        return SimResponse.ok(Views.aliases(Page.of(aliases, request, MOST_PER_PAGE)));
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
