package io.jenkins.plugins.safelambdaupdate.simulator;

import java.util.Map;

/**
 * An alias as GetAlias returns it.
 *
 * @param additionalVersionWeights RoutingConfig.AdditionalVersionWeights, never null (empty: no routing)
 */
public record AliasSnapshot(String aliasArn, String name, String functionVersion, String description,
                            Map<String, Double> additionalVersionWeights, String revisionId) {

    public AliasSnapshot {
        additionalVersionWeights = Map.copyOf(additionalVersionWeights);
    }
}
