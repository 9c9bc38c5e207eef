package io.jenkins.plugins.safelambdaupdate;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Turns the loose parameters that front ends receive (command-line flags, Pipeline step arguments)
 * into request values, with the same refusals everywhere. Every method throws
 * {@link InvalidRequestException} naming the parameter, and never quotes a secret or an environment
 * variable's value.
 */
public final class RequestParameters {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");

    private RequestParameters() {
    }

    /**
     * Parses {@code KEY=VALUE} entries, the form Pipeline users know from {@code withEnv}. The value
     * may contain {@code =}; a later entry for the same name wins.
     *
     * @param assignments the entries; null means none
     * @return the variables in the order given, never null
     * @throws InvalidRequestException naming {@code environment} for an entry without {@code =} or with an empty name
     */
    public static Map<String, String> environment(List<String> assignments) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (assignments == null) {
            return variables;
        }
        int position = 0;
        for (String assignment : assignments) {
            position++;
            int equals = assignment == null ? -1 : assignment.indexOf('=');
            if (equals <= 0) {
                // Only the position is quoted: an entry without '=' may well be a bare secret.
                throw new InvalidRequestException(Parameter.ENVIRONMENT, "entry " + position
                        + " is not of the form KEY=VALUE");
            }
            variables.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1));
        }
        return variables;
    }

    /**
     * Chooses the code source from the three mutually exclusive ways of giving one.
     *
     * @param zipFile a local zip, or null
     * @param s3Bucket an S3 bucket, or null/blank
     * @param s3Key an S3 key, or null/blank
     * @param s3ObjectVersion an S3 object version, or null/blank
     * @param imageUri a container image URI, or null/blank
     * @return the code source, or empty when no code change is asked for
     * @throws InvalidRequestException naming the first source given when more than one is given, or when
     *     only one of s3Bucket and s3Key is
     */
    public static Optional<CodeSource> codeSource(Path zipFile, String s3Bucket, String s3Key, String s3ObjectVersion,
            String imageUri) {
        boolean zip = zipFile != null;
        boolean s3 = present(s3Bucket) || present(s3Key) || present(s3ObjectVersion);
        boolean image = present(imageUri);
        if ((zip ? 1 : 0) + (s3 ? 1 : 0) + (image ? 1 : 0) > 1) {
            // Named after the first source the user actually gave, so the message never blames one they did not.
            Parameter first = zip ? Parameter.ZIP_FILE : Parameter.S3_BUCKET;
            List<Object> problem = new ArrayList<>(List.of("cannot be combined with "));
            problem.addAll(zip && s3 ? List.of(Parameter.S3_BUCKET, "/", Parameter.S3_KEY) : List.of(Parameter.IMAGE_URI));
            problem.addAll(List.of(": give exactly one way to deploy code, ", Parameter.ZIP_FILE, ", ",
                    Parameter.S3_BUCKET, "/", Parameter.S3_KEY, " or ", Parameter.IMAGE_URI));
            throw new InvalidRequestException(first, problem.toArray());
        }
        if (zip) {
            return Optional.of(CodeSource.zipFile(zipFile));
        }
        if (image) {
            return Optional.of(CodeSource.image(imageUri.trim()));
        }
        if (s3) {
            if (!present(s3Bucket) && !present(s3Key)) {
                throw new InvalidRequestException(Parameter.S3_OBJECT_VERSION, "names a version of an S3 object: give ",
                        Parameter.S3_BUCKET, " and ", Parameter.S3_KEY, " too, or leave it out");
            }
            if (!present(s3Bucket) || !present(s3Key)) {
                throw new InvalidRequestException(present(s3Bucket) ? Parameter.S3_KEY : Parameter.S3_BUCKET,
                        "is missing: ", Parameter.S3_BUCKET, " and ", Parameter.S3_KEY,
                        " go together, give both to deploy code from S3");
            }
            return Optional.of(CodeSource.s3(s3Bucket.trim(), s3Key.trim(),
                    present(s3ObjectVersion) ? s3ObjectVersion.trim() : null));
        }
        return Optional.empty();
    }

    /**
     * Reads a named choice such as {@code merge} or {@code REPLACE} as a constant of {@code type}, ignoring case.
     *
     * @param parameter the parameter, for the message
     * @param value the value given; null or blank means {@code defaultValue}
     * @param defaultValue the value when none is given
     * @return the constant
     * @throws InvalidRequestException naming the parameter and the allowed values if no constant has that name
     */
    public static <E extends Enum<E>> E choice(Parameter parameter, String value, E defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        Class<E> type = defaultValue.getDeclaringClass();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        StringJoiner allowed = new StringJoiner(", ");
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new InvalidRequestException(parameter, "must be one of " + allowed + ", was '" + value + "'");
    }

    /**
     * Checks an AWS region name such as {@code us-east-1} or {@code us-gov-west-1}.
     *
     * @return the region, trimmed
     * @throws InvalidRequestException naming {@code region} if it is not a region name
     */
    public static String region(String region) {
        String trimmed = region == null ? "" : region.trim();
        if (!REGION.matcher(trimmed).matches()) {
            throw new InvalidRequestException(Parameter.REGION, "'" + region
                    + "' is not an AWS region name such as us-east-1");
        }
        return trimmed;
    }

    /**
     * Parses an endpoint override such as {@code http://127.0.0.1:4566}.
     *
     * @return the endpoint
     * @throws InvalidRequestException naming {@code endpointUrl} unless it is an absolute http or https URL with a host
     */
    public static URI endpointUrl(String endpointUrl) {
        try {
            URI uri = new URI(endpointUrl == null ? "" : endpointUrl.trim());
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below, with the same message
        }
        // A URL with user information may carry a password: it is not quoted back.
        String shown = endpointUrl != null && endpointUrl.contains("@") ? "(with user information)" : "'" + endpointUrl + "'";
        throw new InvalidRequestException(Parameter.ENDPOINT_URL, shown
                + " must be an absolute http or https URL with a host and no user information, such as http://127.0.0.1:4566");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
