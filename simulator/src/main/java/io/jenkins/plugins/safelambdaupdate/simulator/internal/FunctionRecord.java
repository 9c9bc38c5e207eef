package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import io.jenkins.plugins.safelambdaupdate.simulator.AliasSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.FunctionSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One function: {@code $LATEST}, its published versions and its aliases, and the rules of every
 * operation on them. Every method settles the transitions that are over by the clock first, then acts,
 * all under this record's lock, so concurrent calls on one function are serialized as in AWS.
 */
final class FunctionRecord {
    private final String name;
    private final String arn;
    private final String packageType;
    private final FunctionContext context;
    private final VersionRecord latest;
    private final NavigableMap<Integer, VersionRecord> versions = new TreeMap<>();
    private final AliasTable aliases = new AliasTable();
    private int lastVersionNumber;

    /**
     * @param creation the transition out of Pending, or null for a function Active at once
     */
    FunctionRecord(String name, FunctionConfig config, CodeArtifact code, Transition creation,
                   FunctionContext context) {
        this.name = name;
        this.arn = context.scope().functionArn(name);
        this.packageType = config.packageType();
        this.context = context;
        this.latest = new VersionRecord(VersionRecord.LATEST, null, config, code, creation, now(),
                context.ids().uuid());
    }

    /** @return the bare function name */
    String name() {
        return name;
    }

    /** @return {@code Zip} or {@code Image}; fixed at creation */
    String packageType() {
        return packageType;
    }

    /**
     * @param qualifier null or {@code $LATEST}, a version number or an alias
     * @return the version as GetFunctionConfiguration returns it
     * @throws LambdaError 404 for an unknown version or alias
     */
    synchronized VersionSnapshot read(String qualifier) {
        settle();
        return view(qualifier);
    }

    /**
     * @return $LATEST, its ARN qualified with {@code :$LATEST} as ListVersionsByFunction gives it, followed by the
     * published versions, ascending
     */
    synchronized List<VersionSnapshot> listVersions() {
        settle();
        List<VersionSnapshot> all = new ArrayList<>();
        all.add(latest.snapshot(name, qualifiedArn(VersionRecord.LATEST)));
        all.addAll(publishedVersions());
        return all;
    }

    /**
     * @param allVersions ListFunctions with {@code FunctionVersion=ALL}: also the published versions, and $LATEST's
     *                    ARN qualified with {@code :$LATEST}
     * @return the entries this function contributes to ListFunctions
     */
    synchronized List<VersionSnapshot> listed(boolean allVersions) {
        if (allVersions) {
            return listVersions();
        }
        settle();
        return List.of(latest.snapshot(name, arn));
    }

    /** @return the whole function at this moment */
    synchronized FunctionSnapshot snapshot() {
        settle();
        return new FunctionSnapshot(name, arn, latest.snapshot(name, arn), publishedVersions(), aliases.all());
    }

    /**
     * UpdateFunctionCode.
     *
     * @param revisionId the RevisionId the caller expects, or null
     * @param publish    also publish a version, which is Pending until the update and a publish delay are over
     * @return $LATEST (InProgress), or the new version when publishing
     * @throws LambdaError 409 while Pending or InProgress, 412 stale
     */
    synchronized VersionSnapshot updateCode(CodeArtifact code, String revisionId, boolean publish) {
        settle();
        Transition update = beginUpdate(latest.config(), code, revisionId);
        if (!publish) {
            return latest.snapshot(name, arn);
        }
        return addVersion(null, new Transition(update.endsAt().plus(context.timings().publishDelay()),
                update.failure()));
    }

    /**
     * UpdateFunctionConfiguration.
     *
     * @return $LATEST, InProgress
     * @throws LambdaError 409 while Pending or InProgress, 412 stale
     */
    synchronized VersionSnapshot updateConfiguration(ConfigPatch patch, String revisionId) {
        settle();
        beginUpdate(latest.config().apply(patch), latest.code(), revisionId);
        return latest.snapshot(name, arn);
    }

    /**
     * PublishVersion. When neither code nor configuration changed since the last version, that version is
     * returned and nothing changes.
     *
     * @param codeSha256  the CodeSha256 the caller expects $LATEST to have, or null
     * @param description the version's description, or null for the function's
     * @param revisionId  the RevisionId the caller expects, or null
     * @return the version, Pending for the publish delay when new
     * @throws LambdaError 409 while Pending or InProgress, 412 stale, 400 CodeSha256 mismatch
     */
    synchronized VersionSnapshot publish(String codeSha256, String description, String revisionId) {
        settle();
        latest.checkAcceptsChange(arn, context.faults().legacyConflictMessage());
        latest.checkRevision(revisionId);
        String current = latest.code().sha256();
        if (codeSha256 != null && !codeSha256.equals(current)) {
            throw Errors.codeSha256Mismatch(codeSha256, current);
        }
        VersionRecord last = versions.isEmpty() ? null : versions.lastEntry().getValue();
        if (last != null && last.publishedFrom(latest.config(), latest.code())) {
            return last.snapshot(name, qualifiedArn(last.version()));
        }
        VersionSnapshot published = addVersion(description,
                new Transition(now().plus(context.timings().publishDelay()), null));
        latest.newRevision(context.ids().uuid());
        return published;
    }

    /** Publishes version 1 together with the function (CreateFunction with Publish): Pending as long as it. */
    synchronized VersionSnapshot publishWithCreation(Transition creation) {
        return addVersion(null, creation);
    }

    /**
     * CreateAlias.
     *
     * @throws LambdaError 404 for an unknown version, 400 malformed name, 409 when the alias exists
     */
    synchronized AliasSnapshot createAlias(String aliasName, String functionVersion, String description,
                                                  Map<String, Double> weights) {
        settle();
        checkVersionExists(functionVersion);
        Map<String, Double> routing = weights == null ? Map.of() : weights;
        routing.keySet().forEach(this::checkVersionExists);
        return aliases.create(new AliasSnapshot(qualifiedArn(aliasName), aliasName, functionVersion,
                description == null ? "" : description, routing, context.ids().uuid()));
    }

    /**
     * @throws LambdaError 404 when there is no such alias
     */
    synchronized AliasSnapshot getAlias(String aliasName) {
        AliasSnapshot alias = aliases.find(aliasName);
        if (alias == null) {
            throw Errors.aliasNotFound(qualifiedArn(aliasName));
        }
        return alias;
    }

    /**
     * ListAliases: by name.
     *
     * @param functionVersion only the aliases that route to this version, or null for all
     */
    synchronized List<AliasSnapshot> listAliases(String functionVersion) {
        return aliases.all().stream()
                .filter(a -> functionVersion == null || a.functionVersion().equals(functionVersion))
                .toList();
    }

    /** DeleteAlias: removes the alias; an alias that does not exist is no error, as in AWS. */
    synchronized void deleteAlias(String aliasName) {
        aliases.delete(aliasName);
    }

    /**
     * UpdateAlias; null arguments keep the current values.
     *
     * @throws LambdaError 404 for an unknown alias or version, 412 for a stale RevisionId
     */
    synchronized AliasSnapshot updateAlias(String aliasName, String functionVersion, String description,
                                                  Map<String, Double> weights, String revisionId) {
        settle();
        if (functionVersion != null) {
            checkVersionExists(functionVersion);
        }
        if (weights != null) {
            weights.keySet().forEach(this::checkVersionExists);
        }
        return aliases.update(aliasName, qualifiedArn(aliasName), functionVersion, description, weights, revisionId,
                context.ids().uuid());
    }

    /**
     * DeleteFunction with a Qualifier: deletes one published version. A qualifier that names no version deletes
     * nothing and is no error (AWS answers 204).
     *
     * @throws LambdaError 400 for $LATEST, 409 when aliases route to the version
     */
    synchronized void deleteVersion(String qualifier) {
        if (VersionRecord.LATEST.equals(qualifier)) {
            throw Errors.latestCannotBeDeleted();
        }
        if (published(qualifier) == null) {
            return;
        }
        List<String> referencing = aliases.referencing(qualifier);
        if (!referencing.isEmpty()) {
            throw Errors.versionReferencedByAliases(referencing);
        }
        versions.remove(Integer.valueOf(qualifier));
    }

    private Transition beginUpdate(FunctionConfig config, CodeArtifact code, String revisionId) {
        latest.checkAcceptsChange(arn, context.faults().legacyConflictMessage());
        latest.checkRevision(revisionId);
        Instant now = now();
        Transition update = new Transition(now.plus(context.timings().updateDelay()),
                context.faults().takeUpdateFailure(name));
        latest.beginUpdate(config, code, update, now, context.ids().uuid());
        return update;
    }

    private VersionSnapshot addVersion(String description, Transition creation) {
        int number = ++lastVersionNumber;
        FunctionConfig config = description == null ? latest.config() : latest.config().withDescription(description);
        VersionRecord version = new VersionRecord(Integer.toString(number), latest.config(), config, latest.code(),
                creation, now(), context.ids().uuid());
        versions.put(number, version);
        return version.snapshot(name, qualifiedArn(version.version()));
    }

    /** @return the version the qualifier names; an explicit $LATEST is reported with the ARN {@code NAME:$LATEST} */
    private VersionSnapshot view(String qualifier) {
        if (qualifier == null) {
            return latest.snapshot(name, arn);
        }
        if (VersionRecord.LATEST.equals(qualifier)) {
            return latest.snapshot(name, qualifiedArn(qualifier));
        }
        VersionRecord version = published(qualifier);
        if (version != null) {
            return version.snapshot(name, qualifiedArn(qualifier));
        }
        AliasSnapshot alias = aliases.find(qualifier);
        if (alias == null) {
            throw Errors.functionNotFound(qualifiedArn(qualifier));
        }
        return view(alias.functionVersion()).withFunctionArn(qualifiedArn(qualifier));
    }

    private List<VersionSnapshot> publishedVersions() {
        return versions.values().stream().map(v -> v.snapshot(name, qualifiedArn(v.version()))).toList();
    }

    private void checkVersionExists(String version) {
        if (!VersionRecord.LATEST.equals(version) && published(version) == null) {
            throw Errors.functionNotFound(qualifiedArn(version));
        }
    }

    /** @return the published version the qualifier names, or null (also for alias names) */
    private VersionRecord published(String qualifier) {
        try {
            return versions.get(Integer.valueOf(qualifier));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private void settle() {
        Instant now = now();
        latest.settle(now, context.ids());
        versions.values().forEach(v -> v.settle(now, context.ids()));
    }

    private String qualifiedArn(String qualifier) {
        return context.scope().functionArn(name, qualifier);
    }

    private Instant now() {
        return context.clock().instant();
    }
}
