package io.jenkins.plugins.safelambdaupdate.simulator;

import java.util.List;

/**
 * A function as stored at one moment: {@code $LATEST}, its published versions and its aliases.
 * Obtained from {@link LambdaSimulator#function(String)}; it never changes afterwards.
 *
 * @param functionArn the unqualified ARN
 * @param latest      {@code $LATEST}
 * @param versions    published versions, ascending
 * @param aliases     aliases by name
 */
public record FunctionSnapshot(String name, String functionArn, VersionSnapshot latest,
                               List<VersionSnapshot> versions, List<AliasSnapshot> aliases) {

    public FunctionSnapshot {
        versions = List.copyOf(versions);
        aliases = List.copyOf(aliases);
    }

    /** @return {@code $LATEST}'s State: Pending, Active or Failed */
    public String state() {
        return latest.state();
    }

    /** @return {@code $LATEST}'s LastUpdateStatus: null while first Pending, then InProgress, Successful or Failed */
    public String lastUpdateStatus() {
        return latest.lastUpdateStatus();
    }

    /** @return {@code $LATEST}'s CodeSha256 (the code being deployed while an update is InProgress) */
    public String codeSha256() {
        return latest.codeSha256();
    }

    /** @return {@code $LATEST}'s RevisionId */
    public String revisionId() {
        return latest.revisionId();
    }
}
