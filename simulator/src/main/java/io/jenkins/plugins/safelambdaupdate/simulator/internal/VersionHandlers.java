package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;

/** PublishVersion and ListVersionsByFunction. */
final class VersionHandlers {
    /** ListVersionsByFunction "returns a maximum of 50 items in each response" (API reference, MaxItems). */
    private static final int MOST_PER_PAGE = 50;

    private final FunctionStore store;
    private final AccountScope scope;

    VersionHandlers(FunctionStore store, AccountScope scope) {
        this.store = store;
        this.scope = scope;
    }

    SimResponse publish(SimRequest request) {
        JsonFields body = request.body();
        FunctionRecord function = store.get(FunctionRef.parse(request.label("FunctionName"), scope));
        VersionSnapshot version = function.publish(body.text("CodeSha256"), body.text("Description"),
                body.text("RevisionId"));
        return SimResponse.created(Views.configuration(version));
    }

    /** $LATEST (its ARN qualified with {@code :$LATEST}) first, then the versions ascending, in pages. */
    SimResponse list(SimRequest request) {
        FunctionRecord function = store.get(FunctionRef.parse(request.label("FunctionName"), scope));
        return SimResponse.ok(Views.versions(Page.of(function.listVersions(), request, MOST_PER_PAGE)));
    }
}
