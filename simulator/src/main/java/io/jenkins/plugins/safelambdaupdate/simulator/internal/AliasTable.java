package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import io.jenkins.plugins.safelambdaupdate.simulator.AliasSnapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The aliases of one function, kept as immutable snapshots. Not thread-safe: its FunctionRecord guards it. */
final class AliasTable {
    private static final Pattern NAME = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]{1,128})");

    private final Map<String, AliasSnapshot> byName = new TreeMap<>();

    /**
     * @throws LambdaError 400 ValidationException for a malformed name, 409 when the alias exists
     */
    AliasSnapshot create(AliasSnapshot alias) {
        if (!NAME.matcher(alias.name()).matches()) {
            throw Errors.validation("'" + alias.name() + "'", "name",
                    "Member must satisfy regular expression pattern: " + NAME.pattern());
        }
        if (byName.containsKey(alias.name())) {
            throw Errors.aliasExists(alias.aliasArn());
        }
        byName.put(alias.name(), alias);
        return alias;
    }

    /** @return the alias, or null */
    AliasSnapshot find(String name) {
        return byName.get(name);
    }

    /**
     * Replaces the fields given (null keeps the current value) and issues a new RevisionId.
     *
     * @throws LambdaError 404 (UpdateAlias's own wording) when there is no such alias, 412 for a stale RevisionId
     */
    AliasSnapshot update(String name, String aliasArn, String functionVersion, String description,
                         Map<String, Double> weights, String expectedRevisionId, String newRevisionId) {
        AliasSnapshot current = byName.get(name);
        if (current == null) {
            throw Errors.aliasToUpdateNotFound(aliasArn);
        }
        if (expectedRevisionId != null && !expectedRevisionId.equals(current.revisionId())) {
            throw Errors.staleRevision();
        }
        AliasSnapshot updated = new AliasSnapshot(current.aliasArn(), name,
                functionVersion != null ? functionVersion : current.functionVersion(),
                description != null ? description : current.description(),
                weights != null ? weights : current.additionalVersionWeights(), newRevisionId);
        byName.put(name, updated);
        return updated;
    }

    /** Removes the alias, when there is one. */
    void delete(String name) {
        byName.remove(name);
    }

    /** @return names of the aliases that route to the version */
    List<String> referencing(String version) {
        return byName.values().stream()
                .filter(a -> a.functionVersion().equals(version) || a.additionalVersionWeights().containsKey(version))
                .map(AliasSnapshot::name)
                .toList();
    }

    List<AliasSnapshot> all() {
        return List.copyOf(byName.values());
    }
}
