package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.util.List;

/**
 * One page of a list answer (ListFunctions, ListVersionsByFunction, ListAliases): {@code Marker} is an opaque
 * position the simulator handed out as {@code NextMarker}, {@code MaxItems} is 1 to 10,000.
 *
 * @param items      the items of this page
 * @param nextMarker where the next page starts, or null on the last page
 */
record Page<T>(List<T> items, String nextMarker) {
    private static final int MAX_ITEMS = 10_000;

    /**
     * @param all     every item, in the order AWS lists them
     * @param request carries the {@code Marker} and {@code MaxItems} query parameters
     * @param most    the most items one answer holds, whatever MaxItems asks for (also the default)
     * @throws LambdaError InvalidParameterValueException for a Marker not handed out, ValidationException or
     *                     SerializationException for a bad MaxItems
     */
    static <T> Page<T> of(List<T> all, SimRequest request, int most) {
        int from = marker(request.query("Marker"), all.size());
        int size = Math.min(most, maxItems(request.query("MaxItems"), most));
        int to = (int) Math.min(all.size(), (long) from + size);
        return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
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

    private static int maxItems(String text, int fallback) {
        if (text == null) {
            return fallback;
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
