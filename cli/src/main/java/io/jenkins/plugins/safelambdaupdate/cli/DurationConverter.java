package io.jenkins.plugins.safelambdaupdate.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads durations as people write them on a command line: a number and a unit ({@code ms}, {@code s},
 * {@code m}, {@code h}), several in a row ({@code 1m30s}), a bare {@code 0}, or ISO-8601 ({@code PT2S}).
 * Negative durations are refused.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h))+");

    /**
     * @param text e.g. {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h30m}, {@code 0}, {@code PT2S}
     * @return the duration
     * @throws CommandLine.TypeConversionException when the text is none of these
     */
    @Override
    public Duration convert(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        if (WHOLE.matcher(trimmed).matches()) {
            Duration total = Duration.ZERO;
            Matcher part = PART.matcher(trimmed);
            while (part.find()) {
                total = total.plus(unit(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
            }
            return total;
        }
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("PT")) {
            try {
                Duration iso = Duration.parse(trimmed);
                if (!iso.isNegative()) {
                    return iso;
                }
            } catch (DateTimeParseException ignored) {
                // falls through to the common message
            }
        }
        throw new CommandLine.TypeConversionException("'" + text
                + "' is not a duration: write a number and a unit (ms, s, m, h), e.g. 500ms, 2s, 1m");
    }

    /**
     * The inverse of {@link #convert}: the shortest form in one unit when exact, e.g. {@code 500ms},
     * {@code 2s}, {@code 1m}, else in milliseconds.
     *
     * @param duration zero or more
     * @return the duration as this converter reads it
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    private static Duration unit(String unit) {
        switch (unit) {
            case "ms":
                return Duration.ofMillis(1);
            case "s":
                return Duration.ofSeconds(1);
            case "m":
                return Duration.ofMinutes(1);
            default:
                return Duration.ofHours(1);
        }
    }
}
