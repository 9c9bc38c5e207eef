package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import java.util.List;

/** PublishVersion and ListVersionsByFunction. */
final class VersionHandlers {
    private static final int DEFAULT_MAX_ITEMS = 50;
    private static final int MAX_ITEMS = 10_000;

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

    /** Pages with Marker (an opaque position handed out as NextMarker) and MaxItems (default 50). */
    SimResponse list(SimRequest request) {
        List<VersionSnapshot> all = store.get(FunctionRef.parse(request.label("FunctionName"), scope)).listVersions();
        int from = marker(request.query("Marker"), all.size());
        int to = (int) Math.min(all.size(), (long) from + maxItems(request.query("MaxItems")));
        return SimResponse.ok(Views.versions(all.subList(from, to), to < all.size() ? Integer.toString(to) : null));
    }

    private static int marker(String marker, int size) {
        if (marker == null) {
            return 0;
        }
        try {
            int position = Integer.parseInt(marker);
            if (position >= 0 && position <= size) {
                return position;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the refusal
        }
        throw Errors.invalidMarker(marker);
    }

    private static int maxItems(String text) {
        if (text == null) {
            return DEFAULT_MAX_ITEMS;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw Errors.serialization("MaxItems must be an integer, was '" + text + "'");
        }
        if (value < 1 || value > MAX_ITEMS) {
            throw Errors.validation("'" + value + "'", "maxItems", "Member must have value between 1 and "
                    + MAX_ITEMS);
        }
        return value;
    }
}
